#pragma once

#include "db/messagerepository.h"
#include "db/records.h"
#include "tools/approvalbroker.h"

#include <QMetaType>
#include <QObject>
#include <QString>

namespace teehee {

class ChatService;
class Generation;
class GenerationManager;

// One thing that happened in an account, for every device of that account
// (spec/api.md "Live events for the whole account"), whichever front end
// caused it. A new kind is one more Type and the fields it needs.
struct AccountEvent {
    enum class Type {
        ChatCreated, ChatUpdated, ChatDeleted, StreamStarted, StreamEnded, DeviceRevoked, PairRequested,
        MessageUpdated, BranchChanged, ToolApprovalRequested, ToolApprovalAnswered
    };

    Type type = Type::ChatUpdated;
    QString userId;     // the account: only its devices hear of it
    QString chatId;
    ChatRecord chat;    // ChatCreated, ChatUpdated: the chat as it now stands
    QString messageId;  // StreamStarted, StreamEnded: the reply; BranchChanged: the new active leaf
    QString status;     // StreamEnded: "complete", "aborted" or "error"
    QString deviceId;   // DeviceRevoked: the device signed out
    PairingRequestRecord pairing; // PairRequested: the new device's request
    PlacedMessage message; // MessageUpdated: edited, deleted or placed outside a reply
    ApprovalRequest approval; // ToolApprovalRequested: the call; ToolApprovalAnswered: its callId (status: the decision)
};

// The account event bus: turns the chat service's changes and the replies'
// starts and ends into one typed signal, free of any transport. The /events
// WebSocket serves it; the desktop app can follow it in process. Lives on the
// backend thread with the services it listens to.
class AccountEvents : public QObject {
    Q_OBJECT
public:
    AccountEvents(ChatService &chats, GenerationManager &generations, QObject *parent = nullptr);

    // An event from a source the bus does not follow itself (devices and
    // pairing: Backend forwards them, the auth layer knows nothing of this bus).
    void publish(const teehee::AccountEvent &event);

Q_SIGNALS:
    void event(const teehee::AccountEvent &event);

private:
    void follow(Generation *generation);
};

} // namespace teehee

Q_DECLARE_METATYPE(teehee::AccountEvent)
