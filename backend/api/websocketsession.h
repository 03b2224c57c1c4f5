#pragma once

#include "auth/authuser.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <memory>

class QTcpSocket;
class QWebSocket;

namespace teehee {

class Backend;
class FairWorkQueue;
class TokenWatch;

// One authenticated WebSocket on /stream/{chat_id}: reads the client's
// messages (stream_message, abort_stream, continue_stream, regenerate, ping)
// and turns them into GenerationManager calls. Events of the chat reach it
// through the WebSocketHub. A bad message is answered with an `error` event;
// the socket stays open. Messages are handled in order through the
// generation engine's FairWorkQueue, so a burst of new streams cannot stall
// the running ones. The socket lives as long as its token: revoked (logout)
// or expired, it closes with 4001 (TokenWatch), and the token is checked
// again before anything that starts a reply.
class WebSocketSession : public QObject {
    Q_OBJECT
public:
    // Over this much unsent data the client is not reading: it is closed rather than buffered forever.
    static constexpr qint64 kMaxBufferedBytes = 16 * 1024 * 1024;

    // `connection`: the TCP socket under `socket`, or null when it is unknown
    // (sendFrame then goes through `socket`).
    WebSocketSession(Backend &backend, FairWorkQueue &work, std::unique_ptr<QWebSocket> socket, QTcpSocket *connection,
                     const AuthUser &user, QString chatId, bool compact, QObject *parent = nullptr);
    ~WebSocketSession() override;

    QString userId() const { return m_userId; }
    QString chatId() const { return m_chatId; }
    bool isCompact() const { return m_compact; }

    // Handles a client message in its turn (through the work queue). The
    // socket's messages come here; so do those that arrived before the session.
    void receive(const QString &text, bool binary);

    void sendText(const QString &text);
    // `frame` is websocketframe::text(utf8), built once for every subscriber.
    void sendFrame(const QByteArray &utf8, const QByteArray &frame);
    void send(const QJsonObject &object);
    void close(int code, const QString &reason);

Q_SIGNALS:
    void closed(teehee::WebSocketSession *session);

private:
    void onTextMessage(const QString &text);
    void handle(const QString &type, const QJsonObject &message);
    void sendError(const QString &message);
    // True when the message belongs to this socket's chat; false after answering an error.
    bool isInThisChat(const QString &messageId);
    // False (and the socket closing with 4001) when the token no longer holds.
    bool tokenStillValid();

    Backend &m_backend;
    FairWorkQueue &m_work;
    std::unique_ptr<QWebSocket> m_socket;
    QPointer<QTcpSocket> m_tcp; // the connection under m_socket
    QString m_userId;
    QString m_chatId;
    bool m_compact;
    bool m_closed = false;
    TokenWatch *m_token; // child
};

} // namespace teehee
