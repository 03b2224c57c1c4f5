#include "api/websocketsession.h"

#include "api/apicontext.h"
#include "api/json/turnrequest.h"
#include "api/streamevents.h"
#include "api/tokenwatch.h"
#include "backend.h"
#include "chat/chatservice.h"
#include "core/fairworkqueue.h"
#include "core/logging.h"
#include "generation/generationmanager.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QTcpSocket>
#include <QWebSocket>

#include <sys/socket.h>

namespace teehee {

namespace {

constexpr int kCloseUnauthorized = 4001;

} // namespace

WebSocketSession::WebSocketSession(Backend &backend, FairWorkQueue &work, std::unique_ptr<QWebSocket> socket,
                                   QTcpSocket *connection, const AuthUser &user, QString chatId, bool compact,
                                   QObject *parent)
    : QObject(parent), m_backend(backend), m_work(work), m_socket(std::move(socket)), m_tcp(connection),
      m_userId(user.id), m_chatId(std::move(chatId)), m_compact(compact),
      m_token(new TokenWatch(backend.auth(), user, this))
{
    connect(m_token, &TokenWatch::ended, this, [this](const QString &reason) { close(kCloseUnauthorized, reason); });
    connect(m_socket.get(), &QWebSocket::textMessageReceived, this, [this](const QString &text) { receive(text, false); });
    connect(m_socket.get(), &QWebSocket::binaryMessageReceived, this, [this] { receive({}, true); });
    connect(m_socket.get(), &QWebSocket::disconnected, this, [this] {
        m_closed = true;
        Q_EMIT closed(this);
    });
}

WebSocketSession::~WebSocketSession()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void WebSocketSession::receive(const QString &text, bool binary)
{
    m_work.post(this, [this, text, binary] {
        if (m_closed)
            return; // a closing socket starts nothing more
        if (binary)
            sendError(QStringLiteral("Send JSON as text messages, not binary ones"));
        else
            onTextMessage(text);
    });
}

void WebSocketSession::sendText(const QString &text)
{
    if (m_closed || !m_socket || !m_socket->isValid())
        return;
    if (m_socket->bytesToWrite() > kMaxBufferedBytes) {
        close(1008, QStringLiteral("client does not read its events"));
        return;
    }
    m_socket->sendTextMessage(text);
}

void WebSocketSession::sendFrame(const QByteArray &utf8, const QByteArray &frame)
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
    if (m_tcp->bytesToWrite() == 0) {
        const ssize_t n = ::send(int(m_tcp->socketDescriptor()), frame.constData(), size_t(frame.size()),
                                 MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n > 0)
            written = n;
    }
    if (written < frame.size())
        m_tcp->write(frame.constData() + written, frame.size() - written);
}

void WebSocketSession::send(const QJsonObject &object)
{
    sendText(QString::fromUtf8(streamevents::compactText(object)));
}

void WebSocketSession::close(int code, const QString &reason)
{
    if (m_closed || !m_socket)
        return;
    m_closed = true;
    m_socket->close(QWebSocketProtocol::CloseCode(code), reason);
}

void WebSocketSession::sendError(const QString &message)
{
    send(streamevents::error(message));
}

void WebSocketSession::onTextMessage(const QString &text)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return sendError(QStringLiteral("Invalid JSON: send one object such as {\"type\":\"ping\"}"));
    const QJsonObject message = doc.object();
    const QJsonValue type = message.value(QStringLiteral("type"));
    if (!type.isString())
        return sendError(QStringLiteral("type: field required"));
    handle(type.toString(), message);
}

bool WebSocketSession::tokenStillValid()
{
    return m_token->stillValid(); // when not, TokenWatch::ended has closed the socket
}

bool WebSocketSession::isInThisChat(const QString &messageId)
{
    auto found = m_backend.chats().message(m_userId, messageId);
    if (!found || found->message.chatId != m_chatId) {
        sendError(QStringLiteral("message_id: no such message in this chat"));
        return false;
    }
    return true;
}

void WebSocketSession::handle(const QString &type, const QJsonObject &message)
{
    GenerationManager &generations = m_backend.generations();

    if (type == u"ping")
        return send({{QStringLiteral("type"), QStringLiteral("pong")}});

    if (type == u"abort_stream") {
        auto id = api::optionalString(message, QStringLiteral("message_id"));
        if (!id)
            return sendError(id.error().message);
        Generation *running = generations.activeInChat(m_chatId);
        if (!running || (!id->isEmpty() && id->toLower() != running->messageId()))
            return sendError(QStringLiteral("No active stream to abort"));
        generations.abort(m_userId, running->messageId());
        return;
    }

    const TurnKind kind = type == u"stream_message" ? TurnKind::Send
                        : type == u"continue_stream" ? TurnKind::Continue
                                                     : TurnKind::Regenerate;
    if (kind == TurnKind::Regenerate && type != u"regenerate")
        return sendError(QStringLiteral("Unknown message type \"%1\"; expected stream_message, abort_stream, "
                                        "continue_stream, regenerate or ping").arg(type.left(64)));
    const DecodedTurn turn = decodeTurn(kind, message);
    if (!turn)
        return sendError(turn.error.message);
    if (kind != TurnKind::Send && !isInThisChat(turn->messageId))
        return;
    if (!tokenStillValid())
        return;
    const GenerationOptions options = turn->generationOptions();
    auto started = kind == TurnKind::Send       ? generations.sendMessage(m_userId, m_chatId, turn->text, turn->parent, options)
                 : kind == TurnKind::Regenerate ? generations.regenerate(m_userId, turn->messageId, options)
                                                : generations.continueMessage(m_userId, turn->messageId, options);
    if (!started)
        sendError(started.error().message);
}

} // namespace teehee
