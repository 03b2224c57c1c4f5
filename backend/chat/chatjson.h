#pragma once

#include "chat/chattypes.h"
#include "core/error.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

namespace teehee {

// The contract's JSON form of chats and messages (spec/api.md), shared by the
// HTTP routes and the WebSocket events: ids lower-case, times ISO 8601 UTC
// with "Z", `content` always an object.
namespace chatjson {

QJsonObject chat(const ChatRecord &chat);
QJsonArray chats(const QList<ChatRecord> &chats);
// The chat plus `messages` and `current_path`.
QJsonObject chatDetail(const ChatDetail &detail);

QJsonObject message(const PlacedMessage &message);
QJsonArray messages(const QList<PlacedMessage> &messages);

// The same documents as compact JSON text, written directly: a 10,000-message
// chat is several megabytes, and building QJsonObjects for it first costs
// more than the database read. Parses to exactly what the functions above give.
QByteArray chatBytes(const ChatRecord &chat);
QByteArray chatsBytes(const QList<ChatRecord> &chats);
QByteArray chatDetailBytes(const ChatDetail &detail);
QByteArray messagesBytes(const QList<PlacedMessage> &messages);
QByteArray messageBytes(const PlacedMessage &message);

QString time(const QDateTime &t);

} // namespace chatjson
} // namespace teehee
