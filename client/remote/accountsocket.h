#pragma once

#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QWebSocket>

namespace teehee::client {

class ServerLink;

// The account's live events (/events): chats created, renamed and deleted,
// messages edited, branches switched, replies started and ended, on any
// device. Reconnects with back-off when the network drops; a signed-out
// device (close 4001) stays closed, and so does a server whose certificate
// is not the pinned one: trying again cannot help, and must not look as if it could.
class AccountSocket : public QObject {
    Q_OBJECT
public:
    explicit AccountSocket(ServerLink &link, QObject *parent = nullptr);

    void open();
    void close();
    bool isUp() const { return m_up; }

Q_SIGNALS:
    void received(const QString &type, const QJsonObject &event);
    // Connected (again) or lost; after a loss, what happened meanwhile is unknown.
    void linkChanged(bool up);
    void signedOut();
    // The server showed another certificate than the pinned one (or one not
    // trusted): the socket stays closed.
    void certificateRejected(const QString &detail);

private:
    void connectNow();
    void onDisconnected();

    ServerLink &m_link;
    QWebSocket m_socket;
    QTimer m_retry;
    QTimer m_ping;
    bool m_wanted = false;
    bool m_up = false;
    int m_attempt = 0;
};

} // namespace teehee::client
