#include "approvalcontroller.h"

#include "clientprovider.h"
#include "failuretext.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace teehee::client;

ApprovalController::ApprovalController(ChatClient *client, QObject *parent) : QObject(parent), m_client(client)
{
    connect(client, &ChatClient::toolCallRequested, this, &ApprovalController::add);
    connect(client, &ChatClient::toolCallAnswered, this, [this](const QString &callId, const QString &) { drop(callId); });
    // A device that starts late (or reconnects) shows the calls already waiting.
    connect(client, &ChatClient::stateChanged, this, &ApprovalController::refresh);
    refresh();
}

ApprovalController *ApprovalController::create(QQmlEngine *, QJSEngine *)
{
    return new ApprovalController(ClientProvider::client());
}

void ApprovalController::refresh()
{
    if (!m_client || m_client->state() != ChatClient::State::Ready)
        return;
    m_client->pendingToolCalls(this, [this](const Outcome<QList<ToolCallRequest>> &calls) {
        if (!calls.ok())
            return;
        m_pending.clear();
        for (const ToolCallRequest &c : calls.value)
            add(c);
        Q_EMIT pendingChanged();
    });
}

void ApprovalController::add(const ToolCallRequest &c)
{
    for (const QVariant &p : std::as_const(m_pending))
        if (p.toMap().value(QStringLiteral("callId")) == c.callId)
            return;
    // Arguments are untrusted: shown as plain indented JSON, never as rich text.
    const QString arguments = QString::fromUtf8(
        QJsonDocument(QJsonObject::fromVariantMap(c.arguments)).toJson(QJsonDocument::Indented)).trimmed();
    m_pending << QVariantMap{{QStringLiteral("callId"), c.callId}, {QStringLiteral("chatId"), c.chatId},
                             {QStringLiteral("messageId"), c.messageId}, {QStringLiteral("server"), c.serverName},
                             {QStringLiteral("tool"), c.tool}, {QStringLiteral("arguments"), arguments}};
    Q_EMIT pendingChanged();
}

void ApprovalController::drop(const QString &callId)
{
    for (qsizetype i = 0; i < m_pending.size(); ++i) {
        if (m_pending.at(i).toMap().value(QStringLiteral("callId")) == callId) {
            m_pending.removeAt(i);
            Q_EMIT pendingChanged();
            return;
        }
    }
}

void ApprovalController::answer(const QString &callId, const QString &decision)
{
    if (!m_client)
        return;
    const ToolDecision d = decision == u"allow_always" ? ToolDecision::AllowAlways
                         : decision == u"allow_once"   ? ToolDecision::AllowOnce
                                                       : ToolDecision::Deny;
    setError({});
    m_client->answerToolCall(this, callId, d, [this, callId](const ClientError &e) {
        if (e.reason == Failure::Conflict || e.reason == Failure::NotFound)
            drop(callId); // settled elsewhere: nothing to answer any more
        if (!e.ok())
            setError(failureText(e));
        else
            drop(callId);
    });
}

void ApprovalController::clearError()
{
    setError({});
}

void ApprovalController::setError(const QString &text)
{
    if (m_error == text)
        return;
    m_error = text;
    Q_EMIT errorTextChanged();
}
