#pragma once

// A scriptable fake LLM provider for tests: a QTcpServer on 127.0.0.1 that
// speaks just enough HTTP/1.1 to serve one scripted response per request —
// chunked, close-delimited or Content-Length bodies, written in pieces with
// delays, optionally cut off mid-stream or left hanging. Never touches the
// internet.
//
// Typical use:
//   FakeProviderServer server;
//   QVERIFY(server.listen());
//   server.enqueue(FakeResponse::sse().send(wire::openAiChunk("Hel")).send(wire::openAiChunk("lo"), 20)
//                                    .send(wire::openAiDone()));
//   request.baseUrl = server.baseUrl("/v1");
//   ... run a stream ...
//   QCOMPARE(server.requests().first().path, "/v1/chat/completions");
//
// Responses are served in the order they were enqueued; when the queue is
// empty the handler (setHandler) decides, else the answer is a 500.
// Requests for a chat title (ChatTitler's instruction in the body) are answered
// apart, in the wire format of the provider asked, and kept in titleRequests():
// they take nothing from the queue and do not count in requests().

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class QHostAddress;
class QTcpServer;
class QTcpSocket;

namespace teehee::test {

struct RecordedRequest {
    QByteArray method;
    QByteArray path;     // with the query string
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-cased
    QByteArray body;

    QByteArray header(QByteArrayView name) const; // case-insensitive, empty when absent
    QJsonObject json() const;                     // the body parsed as a JSON object
};

struct FakeResponse {
    enum class Framing { Chunked, CloseDelimited, ContentLength };
    enum class Ending {
        Complete,      // finish the body properly, then close
        CloseMidStream, // close the connection without finishing the body
        Hang,          // keep the connection open and silent forever
    };
    struct Step {
        int delayMs = 0; // after the previous step
        QByteArray bytes;
    };

    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    Framing framing = Framing::Chunked;
    QList<Step> steps;
    Ending ending = Ending::Complete;
    int headerDelayMs = 0; // wait before sending the status line

    FakeResponse &header(const QByteArray &name, const QByteArray &value);
    FakeResponse &send(const QByteArray &bytes, int delayMs = 0);
    // Sends every byte of `bytes` as its own write, `delayMs` apart (fragmented SSE).
    FakeResponse &sendFragmented(const QByteArray &bytes, int pieceSize = 1, int delayMs = 0);
    FakeResponse &closeMidStream();
    FakeResponse &hang();
    FakeResponse &withFraming(Framing f);
    FakeResponse &delayHeaders(int ms);

    static FakeResponse sse(int status = 200);                      // text/event-stream, chunked
    static FakeResponse json(int status, const QByteArray &body);   // application/json, Content-Length
};

// Byte-exact bodies of the real providers.
namespace wire {
QByteArray sseData(const QByteArray &json);                          // "data: {json}\n\n"
QByteArray sseEvent(const QByteArray &event, const QByteArray &json); // "event: e\ndata: {json}\n\n"

QByteArray openAiChunk(const QString &content, const QByteArray &finishReason = {});
QByteArray openAiRoleChunk();
QByteArray openAiUsageChunk(int promptTokens, int completionTokens); // `choices: []`
QByteArray openAiDone();
// A whole OpenAI stream: role chunk, one chunk per piece, finish, usage, [DONE].
QByteArray openAiStream(const QStringList &pieces, int promptTokens = 9, int completionTokens = 12);

QByteArray mistralChunk(const QString &content, const QByteArray &finishReason = {});
// Mistral: usage inside the final chunk that carries finish_reason.
QByteArray mistralStream(const QStringList &pieces, int promptTokens = 10, int completionTokens = 12);

QByteArray anthropicMessageStart(int inputTokens = 11);
QByteArray anthropicTextDelta(const QString &text, int index = 0);
QByteArray anthropicThinkingDelta(const QString &thinking, int index = 0);
QByteArray anthropicMessageDelta(const QByteArray &stopReason, int outputTokens);
QByteArray anthropicMessageStop();
QByteArray anthropicPing();
QByteArray anthropicError(const QByteArray &type, const QByteArray &message);
QByteArray anthropicStream(const QStringList &pieces, int inputTokens = 11, int outputTokens = 6);

// Reasoning as each wire format streams it, never as answer text.
// `field`: "reasoning_content" (DeepSeek, vLLM) or "reasoning" (OpenRouter, Ollama).
QByteArray openAiReasoningChunk(const QString &reasoning, const QByteArray &field = "reasoning_content");
QByteArray mistralThinkingChunk(const QString &thinking); // reasoning models: `content` as typed chunks
QByteArray anthropicBlockStart(int index, const QByteArray &type); // "text", "thinking"
QByteArray anthropicBlockStop(int index);
QByteArray anthropicSignatureDelta(const QByteArray &signature, int index = 0);
// A redacted_thinking block, start to stop: encrypted, nothing to show.
QByteArray anthropicRedactedThinking(int index);
// A whole Anthropic stream: a thinking block (index 0, with its signature), then the text block.
QByteArray anthropicThinkingStream(const QStringList &thinking, const QStringList &pieces, int inputTokens = 11,
                                   int outputTokens = 20);

// Error bodies exactly as the providers send them.
QByteArray openAiErrorBody(const QByteArray &message, const QByteArray &type, const QByteArray &code);
QByteArray anthropicErrorBody(const QByteArray &type, const QByteArray &message);
} // namespace wire

class FakeProviderServer : public QObject {
    Q_OBJECT
public:
    explicit FakeProviderServer(QObject *parent = nullptr);
    ~FakeProviderServer() override;

    bool listen(); // 127.0.0.1, any free port
    bool listen(const QHostAddress &address); // any free port there (::1 for IPv6)
    quint16 port() const;
    QString baseUrl(const QString &path = {}) const; // "http://127.0.0.1:PORT" (or "[::1]") + path

    void enqueue(const FakeResponse &response);
    void setHandler(std::function<FakeResponse(const RecordedRequest &)> handler);
    // Answer nothing until `count` requests have arrived (then all at once):
    // proves that requests are not queued behind one another.
    void holdResponsesUntil(int count);
    // What title requests are answered: this title, streamed in the asking provider's format…
    void setTitle(const QString &title);
    // …or this response instead (an error, a hang).
    void setTitleResponse(const FakeResponse &response);

    QList<RecordedRequest> requests() const { return m_requests; }
    QList<RecordedRequest> titleRequests() const { return m_titleRequests; }
    int openConnections() const { return m_open; }
    int peakOpenConnections() const { return m_peakOpen; }
    int clientDisconnects() const { return m_clientDisconnects; }

Q_SIGNALS:
    void requestReceived(int index);
    void titleRequestReceived();
    void clientDisconnected(); // the client closed a connection before the response ended

private:
    struct Connection;
    void onNewConnection();
    void onReadyRead(Connection *c);
    void respond(Connection *c, FakeResponse response);
    void sendStep(Connection *c);
    void finishResponse(Connection *c);
    void writeBody(Connection *c, const QByteArray &bytes);

    QTcpServer *m_server = nullptr;
    QList<FakeResponse> m_queue;
    std::function<FakeResponse(const RecordedRequest &)> m_handler;
    QList<RecordedRequest> m_requests;
    QList<RecordedRequest> m_titleRequests;
    QString m_title = QStringLiteral("Fake Chat Title");
    std::optional<FakeResponse> m_titleResponse;
    QList<QPair<Connection *, FakeResponse>> m_held;
    int m_holdUntil = 0;
    int m_open = 0;
    int m_peakOpen = 0;
    int m_clientDisconnects = 0;
};

} // namespace teehee::test
