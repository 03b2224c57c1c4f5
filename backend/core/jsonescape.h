#pragma once

#include <QByteArray>
#include <QStringView>

namespace teehee {

// Appends `s` as the inside of a JSON string (no quotes), as QJsonDocument
// writes it: quotes, backslashes and control characters escaped (\uXXXX in
// lower-case hex), everything else as UTF-8. For JSON built by hand on hot
// paths (stream events, streaming saves), where a QJsonObject costs more than
// the work it describes.
void appendJsonEscaped(QByteArray &out, QStringView s);

} // namespace teehee
