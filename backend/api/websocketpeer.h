#pragma once

#include "api/json/streamevents.h"
#include "auth/authuser.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <memory>

class QTcpSocket;
class QWebSocket;

namespace teehee {

class AuthService;
class TokenWatch;

// One authenticated WebSocket, whatever it serves (/stream/{chat_id},
// /events): sends events, keeps the client from piling up unread data, and
// lives as long as its token — revoked (logout) or expired, it closes with
// 4001 (TokenWatch). What a client says is the subclass's business.
class WebSocketPeer : public QObject {
    Q_OBJECT
public:
    // Over this much unsent data the client is not reading: it is closed rather than buffered forever.
    static constexpr qint64 kMaxBufferedBytes = 16 * 1024 * 1024;
    static constexpr int kCloseUnauthorized = 4001;

    // `connection`: the TCP socket under `socket`, or null when it is unknown
    // (sendFrame then goes through `socket`).
    WebSocketPeer(AuthService &auth, std::unique_ptr<QWebSocket> socket, QTcpSocket *connection, const AuthUser &user,
                  bool compact, QObject *parent = nullptr);
    ~WebSocketPeer() override;

    QString userId() const { return m_userId; }
    bool isCompact() const { return m_compact; }

    // A client message, in the order received (those sent before the peer existed first).
    virtual void receive(const QString &text, bool binary) = 0;

    void sendText(const QString &text);
    // `frame` is websocketframe::text(utf8), built once for every subscriber.
    void sendFrame(const QByteArray &utf8, const QByteArray &frame);
    void send(const streamevents::Encoded &event);
    void close(int code, const QString &reason);

Q_SIGNALS:
    void closed(teehee::WebSocketPeer *peer);

protected:
    bool isClosed() const { return m_closed; }
    // False (and the socket closing with 4001) when the token no longer holds.
    bool tokenStillValid();

private:
    std::unique_ptr<QWebSocket> m_socket;
    QPointer<QTcpSocket> m_tcp; // the connection under m_socket
    QString m_userId;
    bool m_compact;
    bool m_closed = false;
    TokenWatch *m_token; // child
    bool m_plainConnection; // frames may go straight to the kernel
};

} // namespace teehee
