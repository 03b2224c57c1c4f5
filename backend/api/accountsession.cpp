#include "api/accountsession.h"

#include "tools/approvalbroker.h"

#include <QJsonDocument>
#include <QWebSocket>
#include <QJsonObject>

namespace teehee {

AccountSession::AccountSession(AuthService &auth, ApprovalBroker &approvals, std::unique_ptr<QWebSocket> socket,
                               QTcpSocket *connection, const AuthUser &user, QObject *parent)
    : WebSocketPeer(auth, std::move(socket), connection, user, false, parent), m_approvals(approvals)
{
}

void AccountSession::receive(const QString &text, bool binary)
{
    if (isClosed())
        return;
    if (binary)
        return send(streamevents::error(QStringLiteral("Send JSON as text messages, not binary ones")));
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    const QString type = doc.object().value(QStringLiteral("type")).toString();
    if (type == u"ping")
        return send(streamevents::pong());
    if (type == u"tool_approval") {
        if (!tokenStillValid())
            return;
        if (auto refused = answerToolApproval(m_approvals, userId(), doc.object()))
            send(*refused);
        return;
    }
    send(streamevents::error(QStringLiteral("This socket only sends events; the messages it takes are "
                                            "{\"type\":\"ping\"} and {\"type\":\"tool_approval\", …}")));
}

std::optional<streamevents::Encoded> answerToolApproval(ApprovalBroker &approvals, const QString &userId,
                                                        const QJsonObject &message)
{
    const QString callId = message.value(QStringLiteral("call_id")).toString();
    const auto decision = approvalDecisionFromName(message.value(QStringLiteral("decision")).toString());
    if (callId.isEmpty() || !decision)
        return streamevents::error(QStringLiteral("tool_approval: needs call_id and a decision "
                                                  "(allow_once, allow_always or deny)"));
    if (auto st = approvals.answer(userId, callId, *decision); !st)
        return streamevents::error(st.error().message);
    return std::nullopt;
}

} // namespace teehee
