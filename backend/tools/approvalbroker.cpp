#include "tools/approvalbroker.h"

#include "core/logging.h"
#include "tools/toolserverservice.h"

#include <QTimer>

namespace teehee {
namespace {
constexpr int kRememberedAnswers = 4096;
}

std::optional<ApprovalDecision> approvalDecisionFromName(const QString &name)
{
    if (name == u"allow_once")
        return ApprovalDecision::AllowOnce;
    if (name == u"allow_always")
        return ApprovalDecision::AllowAlways;
    if (name == u"deny")
        return ApprovalDecision::Deny;
    return std::nullopt;
}

QString approvalDecisionName(ApprovalDecision decision)
{
    switch (decision) {
    case ApprovalDecision::AllowOnce: return QStringLiteral("allow_once");
    case ApprovalDecision::AllowAlways: return QStringLiteral("allow_always");
    case ApprovalDecision::Deny: break;
    }
    return QStringLiteral("deny");
}

ApprovalBroker::ApprovalBroker(ToolServerService &servers, int timeoutMs, QObject *parent)
    : QObject(parent), m_servers(servers), m_timeoutMs(timeoutMs)
{
    qRegisterMetaType<ApprovalRequest>();
    qRegisterMetaType<ApprovalDecision>();
}

// At shutdown nobody is called back: whoever waits is being destroyed too.
ApprovalBroker::~ApprovalBroker() = default;

void ApprovalBroker::request(ApprovalRequest request, Answered answered)
{
    if (auto covered = m_servers.isApproved(request.userId, request.serverId, request.tool); covered && covered.value()) {
        answered(ApprovalDecision::AllowAlways);
        return;
    }
    if (!request.requestedAt.isValid())
        request.requestedAt = QDateTime::currentDateTimeUtc();
    const QString id = request.callId;
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, id] {
        qCInfo(lcTools).noquote() << "tool call" << id << "was not answered in time: denied";
        conclude(id, ApprovalDecision::Deny);
    });
    m_waiting.insert(id, Waiting{request, std::move(answered), timer});
    timer->start(m_timeoutMs);
    Q_EMIT requested(request);
}

Status ApprovalBroker::answer(const QString &userId, const QString &callId, ApprovalDecision decision)
{
    const auto it = m_waiting.constFind(callId);
    if (it == m_waiting.cend() || it->request.userId.compare(userId, Qt::CaseInsensitive) != 0) {
        if (m_answered.value(callId).compare(userId, Qt::CaseInsensitive) == 0 && m_answered.contains(callId))
            return Error::conflict(QStringLiteral("This tool call was answered already"));
        return Error::notFound(QStringLiteral("No tool call waits for approval under this id"));
    }
    if (decision == ApprovalDecision::AllowAlways) {
        if (auto st = m_servers.approveAlways(it->request.userId, it->request.serverId, it->request.tool); !st)
            return st;
    }
    conclude(callId, decision);
    return success();
}

void ApprovalBroker::withdraw(const QString &callId)
{
    if (m_waiting.contains(callId))
        conclude(callId, ApprovalDecision::Deny);
}

QList<ApprovalRequest> ApprovalBroker::pending(const QString &userId) const
{
    QList<ApprovalRequest> out;
    for (const Waiting &w : m_waiting)
        if (w.request.userId.compare(userId, Qt::CaseInsensitive) == 0)
            out << w.request;
    std::sort(out.begin(), out.end(), [](const ApprovalRequest &a, const ApprovalRequest &b) {
        return a.requestedAt < b.requestedAt || (a.requestedAt == b.requestedAt && a.callId < b.callId);
    });
    return out;
}

void ApprovalBroker::conclude(const QString &callId, ApprovalDecision decision)
{
    Waiting w = m_waiting.take(callId);
    if (!w.answered)
        return;
    delete w.timer;
    remember(callId, w.request.userId);
    Q_EMIT answered(w.request.userId, callId, decision);
    w.answered(decision);
}

void ApprovalBroker::remember(const QString &callId, const QString &userId)
{
    m_answered.insert(callId, userId);
    m_answeredOrder << callId;
    while (m_answeredOrder.size() > kRememberedAnswers)
        m_answered.remove(m_answeredOrder.takeFirst());
}

} // namespace teehee
