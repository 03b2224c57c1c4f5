#pragma once

#include "core/error.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QStringList>

#include <functional>

class QTimer;

namespace teehee {

class ToolServerService;

enum class ApprovalDecision { AllowOnce, AllowAlways, Deny };

// "allow_once", "allow_always", "deny"; nullopt for anything else.
std::optional<ApprovalDecision> approvalDecisionFromName(const QString &name);
QString approvalDecisionName(ApprovalDecision decision);

// A tool call waiting for one of the account's devices to answer.
struct ApprovalRequest {
    QString callId;
    QString userId;
    QString chatId;
    QString messageId;
    QString serverId;
    QString serverName;
    QString tool;
    QJsonObject arguments;
    QDateTime requestedAt;
};

// Holds the tool calls that wait for approval. Any device of the account may
// answer (only an authenticated device: a tool's own output has no way to
// answer); the first answer wins and later ones are refused as Conflict. No
// answer within the timeout counts as Deny. "Always allow" is kept as a
// standing approval, which then covers the tool without asking. Lives on the
// backend's thread; each request's callback runs exactly once.
class ApprovalBroker : public QObject {
    Q_OBJECT
public:
    using Answered = std::function<void(ApprovalDecision)>;

    ApprovalBroker(ToolServerService &servers, int timeoutMs, QObject *parent = nullptr);
    ~ApprovalBroker() override;

    // Destroyed with calls waiting (shutdown), it calls nobody back.
    // Answers at once (AllowAlways) when a standing approval covers the call;
    // otherwise emits requested() and waits.
    void request(ApprovalRequest request, Answered answered);
    // An answer from a device of `userId`: NotFound for an unknown call or
    // another account's, Conflict when it was answered (or ended) already.
    Status answer(const QString &userId, const QString &callId, ApprovalDecision decision);
    // The call no longer waits (its reply was aborted): nobody is asked any more.
    void withdraw(const QString &callId);
    // The account's waiting calls, oldest first (a device that connects late shows them).
    QList<ApprovalRequest> pending(const QString &userId) const;

Q_SIGNALS:
    void requested(const teehee::ApprovalRequest &request);
    // The call was answered (by a device, by the timeout, or withdrawn as Deny).
    void answered(const QString &userId, const QString &callId, teehee::ApprovalDecision decision);

private:
    struct Waiting {
        ApprovalRequest request;
        Answered answered;
        QTimer *timer = nullptr;
    };
    void conclude(const QString &callId, ApprovalDecision decision);
    void remember(const QString &callId, const QString &userId);

    ToolServerService &m_servers;
    int m_timeoutMs;
    QHash<QString, Waiting> m_waiting;
    // Calls answered lately, with their account: a second answer is 409, not 404.
    QHash<QString, QString> m_answered;
    QStringList m_answeredOrder;
};

} // namespace teehee

Q_DECLARE_METATYPE(teehee::ApprovalRequest)
Q_DECLARE_METATYPE(teehee::ApprovalDecision)
