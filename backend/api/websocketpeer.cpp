#include "api/websocketpeer.h"

#include "api/tokenwatch.h"

#include <QSslSocket>
#include <QTcpSocket>
#include <QWebSocket>

#include <sys/socket.h>

namespace teehee {

WebSocketPeer::WebSocketPeer(AuthService &auth, std::unique_ptr<QWebSocket> socket, QTcpSocket *connection,
                             const AuthUser &user, bool compact, QObject *parent)
    : QObject(parent), m_socket(std::move(socket)), m_tcp(connection), m_userId(user.id), m_compact(compact),
      m_token(new TokenWatch(auth, user, this)),
      // Over TLS every byte goes through the socket's encryption: no write beside it.
      m_plainConnection(!qobject_cast<QSslSocket *>(connection))
{
    connect(m_token, &TokenWatch::ended, this, [this](const QString &reason) { close(kCloseUnauthorized, reason); });
    connect(m_socket.get(), &QWebSocket::textMessageReceived, this, [this](const QString &text) { receive(text, false); });
    connect(m_socket.get(), &QWebSocket::binaryMessageReceived, this, [this] { receive({}, true); });
    connect(m_socket.get(), &QWebSocket::disconnected, this, [this] {
        m_closed = true;
        Q_EMIT closed(this);
    });
}

WebSocketPeer::~WebSocketPeer()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void WebSocketPeer::sendText(const QString &text)
{
    if (m_closed || !m_socket || !m_socket->isValid())
        return;
    if (m_socket->bytesToWrite() > kMaxBufferedBytes) {
        close(1008, QStringLiteral("client does not read its events"));
        return;
    }
    m_socket->sendTextMessage(text);
}

void WebSocketPeer::sendFrame(const QByteArray &utf8, const QByteArray &frame)
{
    if (!m_tcp)
        return sendText(QString::fromUtf8(utf8));
    // The connection's own state: QWebSocket::isValid() asks three objects,
    // a cost on every token of every stream.
    if (m_closed || m_tcp->state() != QAbstractSocket::ConnectedState)
        return;
    if (m_tcp->bytesToWrite() > kMaxBufferedBytes) {
        close(1008, QStringLiteral("client does not read its events"));
        return;
    }
    // Straight to the kernel when nothing waits before it: a buffered
    // QTcpSocket write arms a write notifier (linear in the number of open
    // sockets with the glib dispatcher) and sends only on the next turn of the
    // event loop. What the kernel does not take goes through QTcpSocket, which
    // keeps the order, sends the rest when it can and reports errors.
    qsizetype written = 0;
    if (m_plainConnection && m_tcp->bytesToWrite() == 0) {
        const ssize_t n = ::send(int(m_tcp->socketDescriptor()), frame.constData(), size_t(frame.size()),
                                 MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n > 0)
            written = n;
    }
    if (written < frame.size())
        m_tcp->write(frame.constData() + written, frame.size() - written);
}

void WebSocketPeer::send(const streamevents::Encoded &event)
{
    sendText(QString::fromUtf8(event.json));
}

void WebSocketPeer::close(int code, const QString &reason)
{
    if (m_closed || !m_socket)
        return;
    m_closed = true;
    m_socket->close(QWebSocketProtocol::CloseCode(code), reason);
}

bool WebSocketPeer::tokenStillValid()
{
    return m_token->stillValid(); // when not, TokenWatch::ended has closed the socket
}

} // namespace teehee
