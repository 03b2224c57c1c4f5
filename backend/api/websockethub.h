#pragma once

#include <QHash>
#include <QMultiHash>
#include <QObject>
#include <QPointer>
#include <memory>

class QTcpSocket;
class QWebSocket;
class QWebSocketServer;

namespace teehee {

class GuardedTcpServer;

class AccountSession;
struct AccountEvent;
class Backend;
class Generation;
struct GenerationEvent;
struct PlacedMessage;
class WebSocketPeer;
class WebSocketSession;

// Finishes WebSocket upgrades on /stream/{chat_id}?token=… and /events?token=…
// that a connection's parser found complete (QWebSocketServer writes the 101),
// then authenticates them (close 4001 for a bad token, 4004 for a chat that is
// not the user's). Keeps the sessions of each chat and fans every generation
// event of a chat out to all of them, serialised once per form (full,
// compact); keeps the /events sockets of each account and fans the account's
// events out to them (chat_updated also to the chat's own sockets). A socket
// that connects while a reply runs first gets stream_resume with the text so
// far, then the live tokens: both happen on this thread, so there is no gap
// and no duplicate.
class WebSocketHub : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxSocketsPerUser = 32;
    static constexpr qint64 kMaxFrameBytes = 1024 * 1024;
    // Messages a client may send before its socket is authenticated; more close it with 1008.
    static constexpr int kMaxEarlyMessages = 8;

    WebSocketHub(Backend &backend, QObject *parent = nullptr);
    ~WebSocketHub() override;

    // Whether a request target ("/stream/<id>?token=…", "/events?token=…") names a socket route.
    static bool isSocketTarget(const QByteArray &target);
    // Takes a connection whose WebSocket handshake is still unread in it.
    void handleUpgrade(QTcpSocket *socket);

    int sessionCount() const { return int(m_byChat.size() + m_byUser.size()); }
    // A listening socket of the engine, to find the connection under an upgrade.
    // (QAbstractHttpServer::servers() searches every descendant: every socket.)
    void addServer(GuardedTcpServer *server);

private:
    void onNewConnections();
    // A message received before the socket's session existed: text, or binary.
    struct EarlyMessage {
        QString text;
        bool binary = false;
    };
    void accept(std::unique_ptr<QWebSocket> socket, const QList<EarlyMessage> &early);
    QTcpSocket *connectionOf(const QWebSocket &ws) const;
    void onGeneration(Generation *generation);
    void broadcast(const GenerationEvent &event);
    void onMessageAdded(const QString &userId, const PlacedMessage &message);
    void onAccountEvent(const AccountEvent &event);
    void remove(WebSocketPeer *peer);

    Backend &m_backend;
    QWebSocketServer *m_server; // a child: answers the handshakes
    qint64 m_maxMessageBytes;
    QMultiHash<QString, WebSocketSession *> m_byChat; // chat id → sessions
    QMultiHash<QString, AccountSession *> m_byUser;   // user id → /events sockets
    QHash<QString, int> m_perUser;
    QList<QPointer<GuardedTcpServer>> m_servers;
};

} // namespace teehee
