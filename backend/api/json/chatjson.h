#pragma once

#include "chat/chattypes.h"
#include "core/error.h"

#include <QByteArray>
#include <QStringList>

namespace teehee {

// The API's JSON form of chats and messages, shared by the HTTP routes and
// the WebSocket events: ids lower-case, times ISO 8601 UTC
// with "Z", `content` always an object.
namespace chatjson {

// Compact JSON text written directly (the only form): a 10,000-message chat
// is several megabytes, and building QJsonObjects for it first costs more
// than the database read.
QByteArray chatBytes(const ChatRecord &chat);
QByteArray chatsBytes(const QList<ChatRecord> &chats);
// The chat plus `messages` and `current_path`.
QByteArray chatDetailBytes(const ChatDetail &detail);
// The chat plus `current_path` (a branch made active).
QByteArray chatWithPathBytes(const ChatRecord &chat, const QStringList &currentPath);
QByteArray messagesBytes(const QList<PlacedMessage> &messages);
QByteArray messageBytes(const PlacedMessage &message);

} // namespace chatjson
} // namespace teehee
