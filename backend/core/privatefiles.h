#pragma once

#include "core/error.h"

#include <QString>

namespace teehee {

// The data directory holds the database and the secrets: its owner's alone,
// whatever the umask. Directories are 0700, files 0600.

// Creates `dir` and its missing parents as 0700. An existing directory is
// left as it is, unless `tighten` (the data directory): then group and other
// lose their access.
Status makePrivateDirectory(const QString &dir, bool tighten = false);

// Takes group and other access away from an existing file; a missing file is fine.
Status makePrivateFile(const QString &path);

// The data directory and the files Teehee keeps in it, tightened at start-up.
void tightenDataDirectory(const QString &dir);

} // namespace teehee
