#pragma once

#include "clienttypes.h"

#include <QJsonObject>
#include <optional>

// The API's JSON (spec/api.md) as the client's values: the same values the
// in-process client makes from records, so the views cannot tell them apart.
namespace teehee::client::remotejson {

ChatInfo chat(const QJsonObject &o);
MessageInfo message(const QJsonObject &o);
// GET /chats/{id}: the last `count` messages of the active path (0: all).
ChatPage page(const QJsonObject &detail, int count);
KeyInfo key(const QJsonObject &o);
ModelInfo model(const QJsonObject &o);
ProviderInfo provider(const QJsonObject &o, const QString &defaultModel);
UsageReport usage(const QJsonObject &o);
SearchPage searchPage(const QJsonObject &o);
// An upload's answer, or one entry of a message's content.attachments.
AttachmentInfo attachment(const QJsonObject &o);

// One stream event (SSE `event:` type and its JSON) of a reply in `chatId`;
// nullopt for events that are not part of a reply (message_created, pong).
std::optional<TurnEvent> turnEvent(const QString &type, const QJsonObject &o, const QString &chatId);

// A typed cause of the API ("reply_running", "no_key"), None when unknown.
Failure failureForReason(const QString &reason);
// What an HTTP status means when no typed cause came with it.
Failure failureForStatus(int status);

} // namespace teehee::client::remotejson
