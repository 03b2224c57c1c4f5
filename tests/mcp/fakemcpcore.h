#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <functional>

class QTimer;

// The protocol side of the fake MCP server used by tests/mcp: answers
// initialize, tools/list (in pages), tools/call and ping, and honours
// notifications/cancelled. Transport-free: each message comes with the sink
// that its answers (and notifications caused by it) go to.
//
// Tools: echo {text}, slow {ms}, fail, big {bytes, char}, crash, getenv {name},
// flood {bytes}, mixed, change_tools (adds "extra" and notifies list_changed),
// ping_me (pings the client and answers once the client answered the ping).
class FakeMcpCore : public QObject {
    Q_OBJECT
public:
    using Sink = std::function<void(const QJsonObject &)>;
    // Writes `bytes` raw to the client's stream (stdio only: a line with no end).
    using RawSink = std::function<void(const QByteArray &)>;

    struct Options {
        int pageSize = 2;
        QString recordPath; // every incoming message appended here, one a line
    };

    explicit FakeMcpCore(Options options, QObject *parent = nullptr);

    void handle(const QJsonObject &message, const Sink &sink, const RawSink &raw = {});

private:
    void record(const QJsonObject &message);
    void call(const QJsonValue &id, const QJsonObject &params, const Sink &sink, const RawSink &raw);
    QJsonObject toolsPage(const QString &cursor) const;

    Options m_options;
    QStringList m_tools;
    QHash<QString, QTimer *> m_slow; // running slow calls by request id
    std::function<void()> m_afterPong;
};

QJsonObject fakeResult(const QJsonValue &id, const QJsonObject &result);
QJsonObject fakeText(const QString &text, bool isError = false);
