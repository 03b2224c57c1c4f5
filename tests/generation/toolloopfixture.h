#pragma once

// The tool loop test's setting, apart from its cases: a generation fixture
// with the fake MCP server added as a running tool server, the approvals it
// asks for, and provider-shaped replies that call tools or answer with text.
#include "generationfixture.h"

#include "keys/keyservice.h"
#include "tools/approvalbroker.h"
#include "tools/toolregistry.h"
#include "tools/toolserverservice.h"

#include <QSignalSpy>

using namespace genfixture;

namespace toolloop {

inline QByteArray callStream(const QString &provider, const QList<wire::WireToolCall> &calls,
                             const QString &textBefore = {}, bool interleave = false)
{
    if (provider == u"anthropic")
        return wire::anthropicToolUseStream(calls, 5, textBefore);
    if (provider == u"mistral")
        return wire::mistralToolCallStream(calls, textBefore);
    return wire::openAiToolCallStream(calls, 3, interleave, textBefore);
}

inline FakeResponse callReply(const QString &provider, const QList<wire::WireToolCall> &calls,
                              const QString &textBefore = {}, bool interleave = false)
{
    return FakeResponse::sse().send(callStream(provider, calls, textBefore, interleave));
}

inline FakeResponse textReply(const QString &provider, const QStringList &pieces)
{
    return FakeResponse::sse().send(wholeStream(provider, pieces));
}

inline QString callId(const QString &provider, int n)
{
    return provider == u"mistral" ? QStringLiteral("AbCdEf%1xy").arg(n).left(9) : QStringLiteral("call_%1").arg(n);
}

// The tool results a provider's request carries, as text, in its own form.
inline QStringList resultsIn(const QString &provider, const QJsonObject &body)
{
    QStringList out;
    for (const QJsonValue &v : body.value(u"messages").toArray()) {
        const QJsonObject m = v.toObject();
        if (provider != u"anthropic" && m.value(u"role").toString() == u"tool")
            out << m.value(u"content").toString();
        if (provider == u"anthropic" && m.value(u"content").isArray())
            for (const QJsonValue &block : m.value(u"content").toArray())
                if (block.toObject().value(u"type").toString() == u"tool_result") {
                    const QJsonValue c = block.toObject().value(u"content");
                    out << (c.isString() ? c.toString() : c.toArray().first().toObject().value(u"text").toString());
                }
    }
    return out;
}

} // namespace toolloop

// The helpers of the test class, which has the slots.
class ToolLoopTest : public QObject {
protected:
    std::unique_ptr<Fixture> f;
    QString serverId;
    QList<ApprovalRequest> asked;

    bool startTools(const std::function<void(Config &)> &adjust = {})
    {
        f = std::make_unique<Fixture>();
        const QString e = f->setUp([adjust](Config &c) {
            c.autoTitles = false;
            if (adjust)
                adjust(c);
        });
        if (!e.isEmpty()) {
            qWarning() << e;
            return false;
        }
        // The desktop's own account: it may run programs here.
        f->backend().keys().trustWithPrivateEndpoints(f->user);
        McpTimings fast;
        fast.restartFirstMs = 100;
        f->backend().toolRegistry().setTimings(fast);
        ToolServerInput in;
        in.name = QStringLiteral("fake");
        in.transport = QStringLiteral("stdio");
        in.command = QStringLiteral(FAKE_MCP_SERVER);
        auto added = f->backend().toolServers().add(f->user, in);
        if (!added) {
            qWarning() << added.error().message;
            return false;
        }
        serverId = added->id;
        asked.clear();
        QObject::connect(&f->backend().approvals(), &ApprovalBroker::requested, &f->backend(),
                         [this](const ApprovalRequest &r) { asked << r; });
        return QTest::qWaitFor([this] { return f->backend().toolRegistry().state(serverId).status == u"running"; }, 10000);
    }

    Generation *sendWithTools(const QString &chat, const QString &provider, const QString &text = QStringLiteral("Use the tool"))
    {
        GenerationOptions o{provider, modelFor(provider)};
        o.tools = QStringList{};
        auto g = f->gens().sendMessage(f->user, chat, text, MessageParent::activeLeaf(), o);
        if (!g)
            qWarning() << g.error().message;
        return g ? g.value() : nullptr;
    }

    void answer(int index, ApprovalDecision d)
    {
        QVERIFY(QTest::qWaitFor([&] { return asked.size() > index; }, 10000));
        QVERIFY(f->backend().approvals().answer(f->user, asked.at(index).callId, d));
    }

    QList<GenerationEvent> ofType(const Recorder &rec, GenerationEvent::Type t)
    {
        QList<GenerationEvent> out;
        for (const auto &e : rec.events)
            if (e.type == t)
                out << e;
        return out;
    }
};
