#pragma once

#include "mcp/mcptypes.h"

#include <QJsonObject>
#include <QString>

namespace teehee {

// A tools/call result made into one text: text parts joined with newlines,
// other parts described ("[image: image/png]", "[resource: file:///a]"), and
// structuredContent as compact JSON when there is no content list. Cut by
// cutToUtf8Bytes() to McpCallResult::kMaxContentBytes. Pure.
McpCallResult callResultFromJson(const QJsonObject &result);

// `text` when its UTF-8 fits in `maxBytes`; otherwise the longest prefix that
// ends at a character boundary and, with a marker naming the original size
// appended, still fits. `*cut` says which.
QString cutToUtf8Bytes(const QString &text, qsizetype maxBytes, bool *cut = nullptr);

} // namespace teehee
