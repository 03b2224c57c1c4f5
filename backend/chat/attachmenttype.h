#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QString>

namespace teehee {

// What an uploaded file is, judged by its bytes: images and PDFs by their
// magic bytes, text by being valid UTF-8. The type the client declared only
// chooses among text types; it never makes bytes an image.
namespace attachmenttype {

enum class Kind { Image, Pdf, Text };

// The type stored and served for `bytes` (e.g. "image/png", "text/plain"),
// or UnsupportedType (415) naming why.
Result<QString> sniff(const QByteArray &bytes, const QString &declaredType, const QString &fileName);

Kind kindOf(const QString &mimeType);
bool isImage(const QString &mimeType);

// A file name safe to keep and to show: no path, no control characters, at
// most 255 characters; empty → "attachment".
QString cleanName(const QString &name);

} // namespace attachmenttype
} // namespace teehee
