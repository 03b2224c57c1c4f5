#include "accountsocket.h"

#include "serverlink.h"

#include <QJsonDocument>

namespace teehee::client {

AccountSocket::AccountSocket(ServerLink &link, QObject *parent) : QObject(parent), m_link(link)
{
    m_link.guard(&m_socket);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &AccountSocket::connectNow);
    // A ping now and then keeps NAT and proxies from dropping a quiet socket
    // and tells a dead one sooner.
    m_ping.setInterval(25000);
    connect(&m_ping, &QTimer::timeout, this, [this] {
        m_socket.sendTextMessage(QStringLiteral("{\"type\":\"ping\"}"));
    });
    connect(&m_socket, &QWebSocket::connected, this, [this] {
        if (m_socket.state() != QAbstractSocket::ConnectedState)
            return; // refused by the pin
        m_attempt = 0;
        m_up = true;
        m_ping.start();
        Q_EMIT linkChanged(true);
    });
    connect(&m_socket, &QWebSocket::disconnected, this, &AccountSocket::onDisconnected);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
        const QString type = o.value(u"type").toString();
        if (!type.isEmpty() && type != u"pong")
            Q_EMIT received(type, o);
    });
}

void AccountSocket::open()
{
    m_wanted = true;
    connectNow();
}

void AccountSocket::close()
{
    m_wanted = false;
    m_retry.stop();
    m_ping.stop();
    m_socket.close();
}

void AccountSocket::connectNow()
{
    if (!m_wanted || m_socket.state() != QAbstractSocket::UnconnectedState)
        return;
    m_socket.open(m_link.webSocketUrl(QStringLiteral("/events")));
}

void AccountSocket::onDisconnected()
{
    m_ping.stop();
    const bool wasUp = std::exchange(m_up, false);
    if (m_socket.closeCode() == 4001) {
        m_wanted = false;
        Q_EMIT signedOut();
    }
    if (ServerLink::certificateRefused(&m_socket)) {
        ServerLink::clearRefusal(&m_socket);
        m_retry.stop();
        if (wasUp)
            Q_EMIT linkChanged(false);
        if (std::exchange(m_wanted, false))
            Q_EMIT certificateRejected(QStringLiteral("the server's certificate is not the pinned one"));
        return;
    }
    if (wasUp && m_wanted)
        Q_EMIT linkChanged(false);
    if (m_wanted)
        m_retry.start(qMin(10000, 500 << qMin(m_attempt++, 5)));
}

} // namespace teehee::client
