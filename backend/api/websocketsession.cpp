#include "api/websocketsession.h"

#include "api/streamevents.h"
#include "backend.h"
#include "chat/chatservice.h"
#include "core/fairworkqueue.h"
#include "core/logging.h"
#include "generation/generationmanager.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QWebSocket>

namespace teehee {

namespace {

// An optional string field; `ok` false (and an error sent) when it has another type.
QString stringField(const QJsonObject &o, const QString &name, bool *ok)
{
    const QJsonValue v = o.value(name);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isString()) {
        *ok = false;
        return {};
    }
    return v.toString();
}

} // namespace

WebSocketSession::WebSocketSession(Backend &backend, FairWorkQueue &work, std::unique_ptr<QWebSocket> socket,
                                   QTcpSocket *connection, const AuthUser &user, QString chatId, bool compact,
                                   QObject *parent)
    : WebSocketPeer(backend.auth(), std::move(socket), connection, user, compact, parent), m_backend(backend),
      m_work(work), m_userId(user.id), m_chatId(std::move(chatId))
{
}

void WebSocketSession::receive(const QString &text, bool binary)
{
    m_work.post(this, [this, text, binary] {
        if (isClosed())
            return; // a closing socket starts nothing more
        if (binary)
            sendError(QStringLiteral("Send JSON as text messages, not binary ones"));
        else
            onTextMessage(text);
    });
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

QString WebSocketSession::messageInThisChat(const QJsonObject &message)
{
    bool ok = true;
    const QString id = stringField(message, QStringLiteral("message_id"), &ok).toLower();
    if (!ok || id.isEmpty()) {
        sendError(QStringLiteral("message_id: field required"));
        return {};
    }
    auto found = m_backend.chats().message(m_userId, id);
    if (!found || found->message.chatId != m_chatId) {
        sendError(QStringLiteral("message_id: no such message in this chat"));
        return {};
    }
    return id;
}

void WebSocketSession::handle(const QString &type, const QJsonObject &message)
{
    GenerationManager &generations = m_backend.generations();
    bool ok = true;
    GenerationOptions options{stringField(message, QStringLiteral("provider"), &ok),
                              stringField(message, QStringLiteral("model"), &ok),
                              stringField(message, QStringLiteral("key_id"), &ok)};
    if (!ok)
        return sendError(QStringLiteral("provider, model and key_id must be strings"));

    if (type == u"ping")
        return send(streamevents::pong());

    if (type == u"stream_message") {
        const QJsonValue content = message.value(QStringLiteral("content"));
        if (!content.isString() || content.toString().trimmed().isEmpty())
            return sendError(QStringLiteral("content: a non-empty string is required"));
        const QString parentId = stringField(message, QStringLiteral("parent_message_id"), &ok);
        if (!ok)
            return sendError(QStringLiteral("parent_message_id: must be a string"));
        const MessageParent parent = parentId.isEmpty() ? MessageParent::activeLeaf()
                                                        : MessageParent::message(parentId.toLower());
        if (!tokenStillValid())
            return;
        auto started = generations.sendMessage(m_userId, m_chatId, content.toString(), parent, options);
        if (!started)
            sendError(started.error().message);
        return;
    }

    if (type == u"abort_stream") {
        const QString id = stringField(message, QStringLiteral("message_id"), &ok).toLower();
        if (!ok)
            return sendError(QStringLiteral("message_id: must be a string"));
        Generation *running = generations.activeInChat(m_chatId);
        if (!running || (!id.isEmpty() && id != running->messageId()))
            return sendError(QStringLiteral("No active stream to abort"));
        generations.abort(m_userId, running->messageId());
        return;
    }

    if (type == u"continue_stream" || type == u"regenerate") {
        const QString id = messageInThisChat(message);
        if (id.isEmpty() || !tokenStillValid())
            return;
        auto started = type == u"regenerate" ? generations.regenerate(m_userId, id, options)
                                             : generations.continueMessage(m_userId, id, options);
        if (!started)
            sendError(started.error().message);
        return;
    }

    sendError(QStringLiteral("Unknown message type \"%1\"; expected stream_message, abort_stream, "
                             "continue_stream, regenerate or ping").arg(type.left(64)));
}

} // namespace teehee
