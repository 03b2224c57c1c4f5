#pragma once

#include "clienttypes.h"

#include "chat/chatsearch.h"
#include "chat/chattypes.h"
#include "core/error.h"
#include "db/records.h"
#include "generation/generationevent.h"
#include "chat/usageservice.h"
#include "keys/providerservice.h"

// The backend's records as the client's plain values, converted once on the
// backend thread. Only the local client sees both sides.
namespace teehee::client::convert {

ChatInfo chat(const ChatRecord &record);
MessageInfo message(const PlacedMessage &placed);
ChatPage page(const ChatPath &path);
// The active path of a whole chat.
ChatPage page(const ChatDetail &detail);
TurnEvent event(const GenerationEvent &event);
KeyInfo key(const KeyRecord &record);
SearchPage searchPage(const teehee::SearchPage &page);
ModelInfo model(const ModelFacts &facts);
AttachmentInfo attachment(const AttachmentRecord &record);
// content.attachments of a saved message.
QList<AttachmentInfo> attachments(const QJsonObject &content);
UsageReport usage(const UsageService::Report &report, const QString &pricesAsOf);
Failure failure(ErrorReason reason); // None when unspecified
Failure failure(const Error &error);
ClientError error(const Error &error);
template <typename T>
Outcome<T> failed(const Error &e) { return Outcome<T>{T{}, error(e)}; }

} // namespace teehee::client::convert
