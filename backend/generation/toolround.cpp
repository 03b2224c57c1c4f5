#include "generation/toolround.h"

#include "core/logging.h"
#include "tools/approvalbroker.h"
#include "tools/toolhost.h"

#include <QUuid>

namespace teehee {
namespace {
QString serverCallId(const QString &messageId, const QString &providerId)
{
    // Unique across replies (providers reuse short ids), stable for one call.
    return QUuid::createUuidV5(QUuid::fromString(messageId), providerId).toString(QUuid::WithoutBraces);
}
} // namespace

QString ToolRound::interruptedText()
{
    return QStringLiteral("The call was interrupted before it returned.");
}

ToolRound::ToolRound(const ToolSetup &setup, Context context, QList<ToolCall> calls,
                     std::function<void(GenerationEvent)> publish, QObject *parent)
    : QObject(parent), m_setup(setup), m_context(std::move(context)), m_calls(std::move(calls)), m_publish(std::move(publish))
{
    for (const ToolCall &c : m_calls) {
        Call state;
        state.call = c;
        for (const OfferedTool &t : m_setup.tools)
            if (t.spec.name == c.name)
                state.offered = &t;
        m_state << state;
    }
    m_open = int(m_state.size());
}

ToolRound::~ToolRound()
{
    // Whoever listens may be half-destroyed (the reply's generation at shutdown): nothing more is published.
    m_cancelled = true;
    for (Call &s : m_state)
        if (s.run) {
            s.run->disconnect(this);
            s.run->cancel();
        }
    if (m_setup.broker)
        for (const Call &s : m_state)
            if (!s.finished && s.state == u"awaiting_approval")
                m_setup.broker->withdraw(serverCallId(m_context.messageId, s.call.id));
}

void ToolRound::start()
{
    if (m_state.isEmpty()) {
        Q_EMIT done();
        return;
    }
    for (int i = 0; i < m_state.size() && !m_cancelled; ++i) {
        Call &s = m_state[i];
        if (!s.call.argumentsError.isEmpty()) {
            s.state = QStringLiteral("running");
            announce(i);
            finish(i, QStringLiteral("error"), QStringLiteral("The arguments were not valid JSON: %1").arg(s.call.argumentsError));
        } else if (!s.offered) {
            s.state = QStringLiteral("running");
            announce(i);
            finish(i, QStringLiteral("error"), QStringLiteral("There is no tool named \"%1\"").arg(s.call.name.left(64)));
        } else {
            ask(i);
        }
    }
}

void ToolRound::ask(int index)
{
    Call &s = m_state[index];
    s.state = QStringLiteral("awaiting_approval");
    announce(index);
    ApprovalRequest request;
    request.callId = serverCallId(m_context.messageId, s.call.id);
    request.userId = m_context.userId;
    request.chatId = m_context.chatId;
    request.messageId = m_context.messageId;
    request.serverId = s.offered->serverId;
    request.serverName = s.offered->serverName;
    request.tool = s.offered->tool;
    request.arguments = s.call.arguments;
    QPointer<ToolRound> self(this);
    m_setup.broker->request(request, [self, index](ApprovalDecision decision) {
        if (!self || self->m_cancelled || self->m_state[index].finished)
            return;
        if (decision == ApprovalDecision::Deny)
            self->finish(index, QStringLiteral("denied"), QStringLiteral("The user denied this tool call."));
        else
            self->run(index);
    });
}

void ToolRound::run(int index)
{
    Call &s = m_state[index];
    s.state = QStringLiteral("running");
    announce(index);
    ToolRun *run = m_setup.host ? m_setup.host->run(s.offered->serverId, s.offered->tool, s.call.arguments,
                                                    m_setup.callTimeoutMs, this)
                                : nullptr;
    if (!run) {
        finish(index, QStringLiteral("error"), QStringLiteral("The tool's server \"%1\" is not running").arg(s.offered->serverName));
        return;
    }
    s.run = run;
    connect(run, &ToolRun::finished, this, [this, index, run](const ToolOutcome &outcome) {
        run->deleteLater();
        if (!m_state[index].finished)
            finish(index, outcome.wireStatus(), outcome.content);
    });
}

void ToolRound::finish(int index, const QString &status, const QString &content)
{
    Call &s = m_state[index];
    if (s.finished)
        return;
    s.finished = true;
    s.state = status;
    s.content = content;
    GenerationEvent e;
    e.type = GenerationEvent::Type::ToolResult;
    e.callId = serverCallId(m_context.messageId, s.call.id);
    e.toolStatus = status;
    e.toolContent = content;
    m_publish(e);
    Q_EMIT changed();
    if (--m_open == 0)
        Q_EMIT done();
}

void ToolRound::announce(int index)
{
    const Call &s = m_state[index];
    GenerationEvent e;
    e.type = GenerationEvent::Type::ToolCall;
    e.callId = serverCallId(m_context.messageId, s.call.id);
    e.toolServer = s.offered ? s.offered->serverName : QString();
    e.toolName = s.offered ? s.offered->tool : s.call.name;
    e.toolArguments = s.call.arguments;
    e.toolStatus = s.state;
    m_publish(e);
    Q_EMIT changed();
}

void ToolRound::cancel()
{
    if (m_cancelled)
        return;
    m_cancelled = true;
    for (int i = 0; i < m_state.size(); ++i) {
        Call &s = m_state[i];
        if (s.finished)
            continue;
        if (s.state == u"awaiting_approval" && m_setup.broker)
            m_setup.broker->withdraw(serverCallId(m_context.messageId, s.call.id)); // answers deny: finish() runs
        if (s.run)
            s.run->cancel();
        finish(i, QStringLiteral("error"), QStringLiteral("The reply was stopped before the tool returned."));
    }
}

QList<ToolResult> ToolRound::results() const
{
    QList<ToolResult> out;
    for (const Call &s : m_state)
        out << ToolResult{s.call.id, s.call.name, s.finished ? s.content : interruptedText(), !s.finished || s.state != u"ok"};
    return out;
}

QJsonArray ToolRound::entries() const
{
    QJsonArray out;
    for (const Call &s : m_state) {
        QJsonObject o{{QStringLiteral("call_id"), serverCallId(m_context.messageId, s.call.id)},
                      {QStringLiteral("provider_call_id"), s.call.id},
                      {QStringLiteral("name"), s.call.name},
                      {QStringLiteral("server"), s.offered ? s.offered->serverName : QString()},
                      {QStringLiteral("server_id"), s.offered ? s.offered->serverId : QString()},
                      {QStringLiteral("tool"), s.offered ? s.offered->tool : s.call.name},
                      {QStringLiteral("arguments"), s.call.arguments},
                      {QStringLiteral("round"), m_context.round},
                      {QStringLiteral("text_offset"), m_context.textOffset},
                      {QStringLiteral("status"), s.state}};
        if (!s.call.argumentsError.isEmpty())
            o.insert(QStringLiteral("raw_arguments"), s.call.rawArguments.left(16 * 1024));
        if (s.finished)
            o.insert(QStringLiteral("content"), s.content);
        out.append(o);
    }
    return out;
}

} // namespace teehee
