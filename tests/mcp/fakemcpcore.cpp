#include "fakemcpcore.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QTimer>

#include <cstdio>
#include <cstdlib>

QJsonObject fakeResult(const QJsonValue &id, const QJsonObject &result)
{
    return {{"jsonrpc", "2.0"}, {"id", id}, {"result", result}};
}

QJsonObject fakeText(const QString &text, bool isError)
{
    return {{"content", QJsonArray{QJsonObject{{"type", "text"}, {"text", text}}}}, {"isError", isError}};
}

FakeMcpCore::FakeMcpCore(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_tools({"echo", "slow", "fail", "big", "crash", "getenv", "flood", "mixed", "change_tools", "ping_me"})
{
}

void FakeMcpCore::record(const QJsonObject &message)
{
    if (m_options.recordPath.isEmpty())
        return;
    QFile f(m_options.recordPath);
    if (f.open(QIODevice::Append))
        f.write(QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n');
}

QJsonObject FakeMcpCore::toolsPage(const QString &cursor) const
{
    const int from = cursor.isEmpty() ? 0 : cursor.toInt();
    QJsonArray tools;
    for (int i = from; i < m_tools.size() && i < from + m_options.pageSize; ++i) {
        const QJsonObject schema{{"type", "object"}, {"properties", QJsonObject{{"text", QJsonObject{{"type", "string"}}}}}};
        tools.append(QJsonObject{{"name", m_tools.at(i)}, {"description", "the " + m_tools.at(i) + " tool"}, {"inputSchema", schema}});
    }
    QJsonObject page{{"tools", tools}};
    if (from + m_options.pageSize < m_tools.size())
        page.insert("nextCursor", QString::number(from + m_options.pageSize));
    return page;
}

void FakeMcpCore::handle(const QJsonObject &message, const Sink &sink, const RawSink &raw)
{
    record(message);
    const QString method = message.value("method").toString();
    const QJsonValue id = message.value("id");
    const QJsonObject params = message.value("params").toObject();
    if (method == "initialize") {
        sink(fakeResult(id, {{"protocolVersion", "2025-06-18"},
                             {"capabilities", QJsonObject{{"tools", QJsonObject{{"listChanged", true}}}}},
                             {"serverInfo", QJsonObject{{"name", "fake"}, {"version", "1"}}}}));
    } else if (method == "tools/list") {
        sink(fakeResult(id, toolsPage(params.value("cursor").toString())));
    } else if (method == "tools/call") {
        call(id, params, sink, raw);
    } else if (method.isEmpty() && id == QJsonValue("fake-ping") && message.contains("result")) {
        if (m_afterPong)
            std::exchange(m_afterPong, {})();
    } else if (method == "ping") {
        sink(fakeResult(id, {}));
    } else if (method == "notifications/cancelled") {
        const QString key = params.value("requestId").toVariant().toString();
        if (QTimer *t = m_slow.take(key)) {
            std::fprintf(stderr, "cancelled request %s\n", qPrintable(key));
            std::fflush(stderr);
            delete t; // and no answer, as the spec asks
        }
    } else if (!id.isUndefined() && !method.isEmpty()) {
        sink({{"jsonrpc", "2.0"}, {"id", id}, {"error", QJsonObject{{"code", -32601}, {"message", "Method not found"}}}});
    }
}

void FakeMcpCore::call(const QJsonValue &id, const QJsonObject &params, const Sink &sink, const RawSink &raw)
{
    const QString tool = params.value("name").toString();
    const QJsonObject args = params.value("arguments").toObject();
    std::fprintf(stderr, "calling %s\n", qPrintable(tool));
    std::fflush(stderr);
    if (tool == "echo") {
        sink(fakeResult(id, fakeText(args.value("text").toString())));
    } else if (tool == "slow") {
        auto *timer = new QTimer(this);
        timer->setSingleShot(true);
        const QString key = id.toVariant().toString();
        m_slow.insert(key, timer);
        connect(timer, &QTimer::timeout, this, [this, key, id, sink, timer] {
            m_slow.remove(key);
            timer->deleteLater();
            sink(fakeResult(id, fakeText("slept")));
        });
        timer->start(args.value("ms").toInt(1000));
    } else if (tool == "fail") {
        sink(fakeResult(id, fakeText("it went wrong", true)));
    } else if (tool == "big") {
        const QString unit = args.value("char").toString("x");
        const int bytes = args.value("bytes").toInt(100 * 1024);
        const QString text = unit.repeated(bytes / qMax<qsizetype>(1, unit.toUtf8().size()));
        sink(fakeResult(id, fakeText(text)));
    } else if (tool == "crash") {
        std::fprintf(stderr, "crashing now\n");
        std::fflush(stderr);
        std::_Exit(3);
    } else if (tool == "getenv") {
        const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        const QString name = args.value("name").toString();
        sink(fakeResult(id, fakeText(env.contains(name) ? env.value(name) : QStringLiteral("<unset>"))));
    } else if (tool == "flood") {
        if (raw)
            raw(QByteArray(args.value("bytes").toInt(5 * 1024 * 1024), 'x'));
    } else if (tool == "mixed") {
        const QJsonArray content{QJsonObject{{"type", "text"}, {"text", "a chart"}},
                                 QJsonObject{{"type", "image"}, {"data", "AAAA"}, {"mimeType", "image/png"}}};
        sink(fakeResult(id, {{"content", content}}));
    } else if (tool == "ping_me") {
        m_afterPong = [sink, id] { sink(fakeResult(id, fakeText("pong received"))); };
        sink({{"jsonrpc", "2.0"}, {"id", "fake-ping"}, {"method", "ping"}});
    } else if (tool == "change_tools") {
        if (!m_tools.contains("extra"))
            m_tools << "extra";
        sink({{"jsonrpc", "2.0"}, {"method", "notifications/tools/list_changed"}});
        sink(fakeResult(id, fakeText("changed")));
    } else {
        sink({{"jsonrpc", "2.0"}, {"id", id}, {"error", QJsonObject{{"code", -32602}, {"message", "Unknown tool: " + tool}}}});
    }
}
