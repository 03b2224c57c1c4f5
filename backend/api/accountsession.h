#pragma once

#include "api/websocketpeer.h"

class QJsonObject;

namespace teehee {

class ApprovalBroker;

// One authenticated WebSocket on /events: the account's live events reach it
// through the WebSocketHub; the client may only ping (anything else is
// answered with an `error` event, and the socket stays open).
class AccountSession : public WebSocketPeer {
    Q_OBJECT
public:
    AccountSession(AuthService &auth, ApprovalBroker &approvals, std::unique_ptr<QWebSocket> socket,
                   QTcpSocket *connection, const AuthUser &user, QObject *parent = nullptr);

    void receive(const QString &text, bool binary) override;

private:
    ApprovalBroker &m_approvals;
};

// A device's answer to a tool call, {"type":"tool_approval","call_id","decision"},
// from whichever socket of the account it comes: an error event to send back, or none.
std::optional<streamevents::Encoded> answerToolApproval(ApprovalBroker &approvals, const QString &userId,
                                                        const QJsonObject &message);

} // namespace teehee
