#include "api/websockethub.h"

#include "generation/remotereplies.h"

#include "api/accountsession.h"
#include "api/guardedtcpserver.h"
#include "api/json/turnrequest.h"
#include "api/json/streamevents.h"
#include "api/websocketframe.h"
#include "api/websocketsession.h"
#include "auth/authservice.h"
#include "backend.h"
#include "chat/chatservice.h"
#include "core/logging.h"
#include "generation/accountevents.h"
#include "generation/generationmanager.h"

#include <QRegularExpression>
#include <limits>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrlQuery>
#include <QUuid>
#include <QWebSocket>
#include <QWebSocketServer>

namespace teehee {

namespace {
constexpr int kCloseUnauthorized = 4001;
constexpr int kCloseNotFound = 4004;
constexpr int kClosePolicy = 1008;
}

WebSocketHub::WebSocketHub(Backend &backend, QObject *parent)
    : QObject(parent), m_backend(backend),
      m_server(new QWebSocketServer(backend.config().appName, QWebSocketServer::NonSecureMode, this)),
      m_maxMessageBytes(qMax<qint64>(backend.config().maxRequestBytes, kMaxFrameBytes))
{
    // Every handshake is taken as soon as it is answered; the connection caps bound them.
    m_server->setMaxPendingConnections(std::numeric_limits<int>::max());
    connect(m_server, &QWebSocketServer::newConnection, this, &WebSocketHub::onNewConnections);
    connect(&backend.generations(), &GenerationManager::generationCreated, this, &WebSocketHub::onGeneration);
    if (RemoteReplies *remote = backend.remoteReplies())
        connect(remote, &RemoteReplies::event, this, &WebSocketHub::broadcast);
    connect(&backend.chats(), &ChatService::messageAdded, this, &WebSocketHub::onMessageAdded);
    connect(&backend.accountEvents(), &AccountEvents::event, this, &WebSocketHub::onAccountEvent);
    // Sockets of a deleted chat get its stream_aborted first (the reply aborts before the rows go), then 4004.
    connect(&backend.chats(), &ChatService::chatDeleted, this, [this](const QString &, const QString &chatId) {
        const auto sessions = m_byChat.values(chatId);
        for (WebSocketSession *s : sessions)
            s->close(kCloseNotFound, QStringLiteral("chat deleted"));
    });
    // Generations already running when the server (re)binds.
    for (Generation *g : backend.generations().active())
        onGeneration(g);
}

WebSocketHub::~WebSocketHub()
{
    QList<WebSocketPeer *> peers;
    for (WebSocketSession *s : std::as_const(m_byChat))
        peers.append(s);
    for (AccountSession *s : std::as_const(m_byUser))
        peers.append(s);
    for (WebSocketPeer *p : peers) {
        p->disconnect(this);
        delete p;
    }
}

bool WebSocketHub::isSocketTarget(const QByteArray &target)
{
    static const QRegularExpression path(QStringLiteral("^/(stream/[^/?]+|events)/?(\\?|$)"));
    return path.match(QString::fromLatin1(target)).hasMatch();
}

void WebSocketHub::handleUpgrade(QTcpSocket *socket)
{
    m_server->handleConnection(socket);
}

void WebSocketHub::onNewConnections()
{
    while (m_server->hasPendingConnections()) {
        std::unique_ptr<QWebSocket> socket(m_server->nextPendingConnection());
        if (!socket)
            continue;
        socket->setParent(nullptr); // owned here, not by the server
        if (!socket->isValid())
            continue;
        socket->setMaxAllowedIncomingFrameSize(quint64(m_maxMessageBytes));
        socket->setMaxAllowedIncomingMessageSize(quint64(m_maxMessageBytes));
        // Authentication and the chat lookup wait their turn in the work
        // queue with the stream starts (a thousand clients may connect at
        // once); what the client sends meanwhile is kept for its session.
        struct Pending {
            std::unique_ptr<QWebSocket> socket;
            QList<EarlyMessage> early;
        };
        auto pending = std::make_shared<Pending>();
        QWebSocket *ws = socket.get();
        pending->socket = std::move(socket);
        // Held until authentication, a few at most: a client has no reason to send more unanswered.
        auto keep = [pending](const QString &text, bool binary) {
            if (pending->early.size() >= kMaxEarlyMessages) {
                pending->socket->close(QWebSocketProtocol::CloseCodePolicyViolated,
                                       QStringLiteral("too many messages before authentication"));
                return;
            }
            pending->early.append({text, binary});
        };
        connect(ws, &QWebSocket::textMessageReceived, this, [keep](const QString &text) { keep(text, false); });
        connect(ws, &QWebSocket::binaryMessageReceived, this, [keep] { keep(QString(), true); });
        m_backend.generations().workQueue().post(this, [this, pending] {
            pending->socket->disconnect(this);
            if (pending->socket->state() == QAbstractSocket::ConnectedState)
                accept(std::move(pending->socket), pending->early);
        });
    }
}

void WebSocketHub::accept(std::unique_ptr<QWebSocket> socket, const QList<EarlyMessage> &early)
{
    QWebSocket *ws = socket.get();
    // Closing needs the socket alive until the close handshake ends.
    auto reject = [](std::unique_ptr<QWebSocket> s, int code, const QString &reason) {
        QWebSocket *raw = s.release();
        QObject::connect(raw, &QWebSocket::disconnected, raw, &QObject::deleteLater);
        raw->close(QWebSocketProtocol::CloseCode(code), reason);
    };

    const QUrl url = ws->requestUrl();
    static const QRegularExpression path(QStringLiteral("^/stream/([^/]+)/?$"));
    const auto match = path.match(url.path());
    const QUuid chatUuid = match.hasMatch() ? QUuid::fromString(match.captured(1)) : QUuid();
    static const QRegularExpression eventsPath(QStringLiteral("^/events/?$"));
    const bool accountEvents = eventsPath.match(url.path()).hasMatch();
    const QUrlQuery query(url);
    const QByteArray token = query.queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded).toUtf8();
    auto user = token.isEmpty() ? Result<AuthUser>(Error{ErrorCode::Unauthorized, QStringLiteral("missing token")})
                                : m_backend.auth().authenticate(token);
    if (!user)
        return reject(std::move(socket), kCloseUnauthorized, QStringLiteral("unauthorized"));
    if (m_perUser.value(user->id) >= kMaxSocketsPerUser)
        return reject(std::move(socket), kClosePolicy,
                      QStringLiteral("too many open sockets (%1) for this user").arg(kMaxSocketsPerUser));
    if (accountEvents) {
        auto *session = new AccountSession(m_backend.auth(), m_backend.approvals(), std::move(socket), connectionOf(*ws), *user, this);
        connect(session, &WebSocketPeer::closed, this, &WebSocketHub::remove);
        m_byUser.insert(user->id, session);
        ++m_perUser[user->id];
        for (const EarlyMessage &m : early)
            session->receive(m.text, m.binary);
        return;
    }
    if (chatUuid.isNull())
        return reject(std::move(socket), kCloseNotFound, QStringLiteral("chat not found"));
    const QString chatId = chatUuid.toString(QUuid::WithoutBraces);
    if (!m_backend.chats().chat(user->id, chatId))
        return reject(std::move(socket), kCloseNotFound, QStringLiteral("chat not found"));

    const bool compact = wantsCompactTokens(query);
    QTcpSocket *connection = connectionOf(*ws);
    auto *session = new WebSocketSession(m_backend, m_backend.generations().workQueue(), std::move(socket), connection,
                                         *user, chatId, compact, this);
    connect(session, &WebSocketPeer::closed, this, &WebSocketHub::remove);
    m_byChat.insert(chatId, session);
    ++m_perUser[user->id];
    // Same thread as the generation: nothing can happen between this snapshot and the next live event.
    if (Generation *running = m_backend.generations().activeInChat(chatId)) {
        session->send(streamevents::resume(*running));
    } else if (RemoteReplies *remote = m_backend.remoteReplies()) {
        // Streaming on another server: the same snapshot, then its saves as they come.
        if (auto point = remote->resume(user->id, chatId))
            session->send(streamevents::resume(point->messageId, point->parentMessageId, point->text, point->reasoning));
    }
    if (RemoteReplies *remote = m_backend.remoteReplies())
        remote->follow(chatId);
    for (const EarlyMessage &m : early)
        session->receive(m.text, m.binary);
}

void WebSocketHub::addServer(GuardedTcpServer *server)
{
    m_servers.append(server);
}

QTcpSocket *WebSocketHub::connectionOf(const QWebSocket &ws) const
{
    for (const QPointer<GuardedTcpServer> &server : m_servers) {
        QTcpSocket *tcp = server ? server->connectionFrom(ws.peerAddress(), ws.peerPort()) : nullptr;
        if (tcp && tcp->localPort() == ws.localPort())
            return tcp;
    }
    return nullptr;
}

void WebSocketHub::remove(WebSocketPeer *peer)
{
    auto *chatSession = qobject_cast<WebSocketSession *>(peer);
    const bool held = chatSession ? m_byChat.remove(chatSession->chatId(), chatSession) > 0
                                  : m_byUser.remove(peer->userId(), static_cast<AccountSession *>(peer)) > 0;
    if (!held)
        return;
    if (RemoteReplies *remote = m_backend.remoteReplies(); remote && chatSession)
        remote->unfollow(chatSession->chatId());
    if (--m_perUser[peer->userId()] <= 0)
        m_perUser.remove(peer->userId());
    peer->deleteLater();
}

void WebSocketHub::onGeneration(Generation *generation)
{
    connect(generation, &Generation::event, this, &WebSocketHub::broadcast);
}

void WebSocketHub::broadcast(const GenerationEvent &event)
{
    auto [it, end] = m_byChat.equal_range(event.chatId);
    if (it == end)
        return;
    // Serialise and frame each form once, however many sockets watch.
    struct Encoded { QByteArray text, frame; } full, compact;
    for (; it != end; ++it) {
        WebSocketSession *s = it.value();
        Encoded &e = s->isCompact() ? compact : full;
        if (e.text.isEmpty()) {
            e.text = streamevents::encode(event, s->isCompact()).json;
            e.frame = websocketframe::text(e.text);
        }
        s->sendFrame(e.text, e.frame);
    }
}

void WebSocketHub::onMessageAdded(const QString &userId, const PlacedMessage &message)
{
    if (message.message.role != QLatin1String("user"))
        return;
    auto [it, end] = m_byChat.equal_range(message.message.chatId);
    if (it == end)
        return;
    const streamevents::Encoded created = streamevents::messageCreated(message);
    for (; it != end; ++it) {
        if (it.value()->userId() == userId)
            it.value()->send(created);
    }
}

void WebSocketHub::onAccountEvent(const AccountEvent &event)
{
    QList<WebSocketPeer *> to;
    for (auto [it, end] = m_byUser.equal_range(event.userId); it != end; ++it)
        to.append(it.value());
    // A chat's own sockets hear of its changes too (the spec's per-chat chat_updated).
    if (event.type == AccountEvent::Type::ChatUpdated)
        for (auto [it, end] = m_byChat.equal_range(event.chatId); it != end; ++it)
            if (it.value()->userId() == event.userId)
                to.append(it.value());
    if (to.isEmpty())
        return;
    const QByteArray text = streamevents::encode(event).json;
    const QByteArray frame = websocketframe::text(text);
    for (WebSocketPeer *peer : std::as_const(to))
        peer->sendFrame(text, frame);
}

} // namespace teehee
