#pragma once

#include "core/config.h"
#include "core/error.h"

#include <QStringList>

namespace teehee {

// What the command line asked for.
struct CommandLine {
    enum class Action { Run, Help, Version, PrintFingerprint };
    Action action = Action::Run;
    Config config;
    QString output;   // text to print for Help/Version
};

// Parses `teehee-server` flags (--host --port --database-url --env-file --help
// --version --print-fingerprint) and merges them over environment, .env file and defaults.
// An error names the flag or variable; callers print it and exit with 2.
Result<CommandLine> parseServerCommandLine(const QStringList &arguments, bool refusePlaceholders = true);

QString serverHelpText();

} // namespace teehee
