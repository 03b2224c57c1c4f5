#pragma once

#include "providerwire.h"

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
