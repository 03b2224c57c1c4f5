#pragma once

#include "chat/chattypes.h"

#include <QByteArray>
#include <QDateTime>

namespace teehee {

// The export forms of a chat (spec/api.md, "Export and import"). Pure: a
// ChatDetail in, bytes out.
namespace chatexport {

// A `teehee.chat.v1` document, compact: the chat, every message of every
// branch with all its fields, and `current_path`. Lossless: importing it
// gives the same tree, active leaf, texts, usage and times.
QByteArray chatDocument(const ChatDetail &detail);
// The head of a `teehee.export.v1` document, up to the opening of `chats`;
// chat documents follow, separated by commas, then exportFooter().
QByteArray exportHeader(const QDateTime &exportedAt);
QByteArray exportFooter();
// The active path as Markdown: the chat's name, then one heading per turn,
// each text verbatim (code blocks included).
QByteArray markdown(const ChatDetail &detail);
// A file name for the chat: its name with only safe characters, and the extension.
QString fileName(const ChatRecord &chat, const QString &extension);

} // namespace chatexport
} // namespace teehee
