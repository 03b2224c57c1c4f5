#pragma once

#include "clienttypes.h"

#include <QString>

namespace teehee {
class Backend;
struct ToolServerSpec;
struct ToolServerState;
struct ApprovalRequest;
struct ToolServerInput;
}

namespace teehee::client {

class ChatClient;

// The account's tool events (calls waiting for approval and their answers,
// servers whose state changed), emitted by `client` on its own thread,
// queued. Call on the backend thread.
void relayToolEvents(Backend &backend, const QString &userId, ChatClient *client);

namespace convert {
ToolServerInfo toolServer(const ToolServerSpec &spec, const ToolServerState &state);
ToolCallRequest toolCall(const ApprovalRequest &request);
ToolServerInput toolServerInput(const ToolServerChanges &changes);
} // namespace convert

} // namespace teehee::client
