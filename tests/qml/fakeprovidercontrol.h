#pragma once

#include "fakeproviderserver.h"

#include <QObject>
#include <QStringList>

// A fake OpenAI-compatible provider for the app's tests and screenshots:
// every chat request is answered with `pieces` streamed `delayMs` apart (a
// long enough reply can be stopped mid-way); /models lists two models.
// A request whose last message holds "#think", or any request while
// `thinking` is set, streams that thinking first as `reasoning_content`.
// "#tool=<name>" makes it call that tool first (see callToolNext).
// One whose last message holds "#slow" streams its pieces at least
// kSlowDelayMs apart (a reply still running when the screenshots are taken).
class FakeProviderControl : public QObject {
    Q_OBJECT
    Q_PROPERTY(QStringList pieces MEMBER m_pieces NOTIFY changed)
    Q_PROPERTY(int delayMs MEMBER m_delayMs NOTIFY changed)
    Q_PROPERTY(QString thinking MEMBER m_thinking NOTIFY changed)
    Q_PROPERTY(int requestCount READ requestCount NOTIFY changed)
    // The input tokens each reply's usage reports (a long context without a long test).
    Q_PROPERTY(int inputTokens MEMBER m_inputTokens NOTIFY changed)
    Q_PROPERTY(QString baseUrl READ baseUrl CONSTANT)
public:
    static constexpr int kSlowDelayMs = 400;
    explicit FakeProviderControl(QObject *parent = nullptr);
    bool listen() { return m_server.listen(); }
    QString baseUrl() const { return m_server.baseUrl(QStringLiteral("/v1")); }
    int requestCount() const { return int(m_server.requests().size()); }
    // The last request's body, for checks on what was sent.
    Q_INVOKABLE QString lastRequestBody() const;
    // The body of the request at `index` (0: the first this fake got), empty past the end.
    Q_INVOKABLE QString requestBody(int index) const;
    // Splits text into word-sized pieces.
    Q_INVOKABLE void reply(const QString &text, int delayMs = 0);
    // The next chat request is refused with 429 and this Retry-After (and
    // "x-should-retry: false", so the app reports it instead of waiting).
    Q_INVOKABLE void rateLimitNext(int retryAfterSeconds) { m_rateLimitSeconds = retryAfterSeconds; }
    // Replies for the next requests, one each, in order; the last one then stays.
    void queueReplies(const QStringList &texts, int delayMs) { m_queue = texts; m_queueDelayMs = delayMs; }
    // Requests whose body holds `needle` are answered with `text`, and take nothing from the queue.
    void replyWhenBodyHolds(const QByteArray &needle, const QString &text) { m_whenNeedle = needle; m_whenText = text; }
    // The next chat request is answered with a call of the tool `name` (as
    // the provider sees it: "server_tool") with these arguments (JSON text);
    // the one after it, carrying the result, gets the usual reply.
    Q_INVOKABLE void callToolNext(const QString &name, const QString &argumentsJson)
    {
        m_toolName = name;
        m_toolArguments = argumentsJson;
    }

Q_SIGNALS:
    void changed();

private:
    teehee::test::FakeProviderServer m_server;
    QStringList m_pieces{QStringLiteral("Hello"), QStringLiteral(" from"), QStringLiteral(" the fake provider.")};
    int m_delayMs = 0;
    QString m_thinking;
    QStringList m_queue;
    int m_queueDelayMs = 0;
    int m_rateLimitSeconds = -1;
    int m_inputTokens = 9;
    QByteArray m_whenNeedle;
    QString m_whenText;
    static QStringList splitWords(const QString &text);
    QString m_toolName;
    QString m_toolArguments;
    int m_toolCalls = 0;
};
