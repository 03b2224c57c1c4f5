#include "api/websocketsession.h"

#include "api/accountsession.h"

#include "api/apicontext.h"
#include "api/json/turnrequest.h"
#include "api/json/streamevents.h"
#include "backend.h"
#include "chat/chatservice.h"
#include "core/fairworkqueue.h"
#include "core/logging.h"
#include "generation/generationmanager.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QWebSocket>

namespace teehee {

WebSocketSession::WebSocketSession(Backend &backend, FairWorkQueue &work, std::unique_ptr<QWebSocket> socket,
                                   QTcpSocket *connection, const AuthUser &user, QString chatId, bool compact,
                                   QObject *parent)
    : WebSocketPeer(backend.auth(), std::move(socket), connection, user, compact, parent), m_backend(backend),
      m_work(work), m_userId(user.id), m_deviceId(user.deviceId), m_chatId(std::move(chatId))
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
        return send(streamevents::pong());

    if (type == u"tool_approval") {
        if (!tokenStillValid())
            return;
        if (auto refused = answerToolApproval(m_backend.approvals(), m_userId, message))
            send(*refused);
        return;
    }

    if (type == u"abort_stream") {
        auto id = api::optionalString(message, QStringLiteral("message_id"));
        if (!id)
            return sendError(id.error().message);
        Generation *running = generations.activeInChat(m_chatId);
        if (running && (id->isEmpty() || id->toLower() == running->messageId())) {
            generations.abort(m_userId, running->messageId());
            return;
        }
        // Not streaming here: perhaps on another server sharing the database.
        if (running || (!id->isEmpty() && !isInThisChat(*id)) || !generations.abort(m_userId, id->isEmpty() ? m_chatId : *id))
            return sendError(QStringLiteral("No active stream to abort"));
        return;
    }

    const TurnKind kind = type == u"stream_message" ? TurnKind::Send
                        : type == u"continue_stream" ? TurnKind::Continue
                                                     : TurnKind::Regenerate;
    if (kind == TurnKind::Regenerate && type != u"regenerate")
        return sendError(QStringLiteral("Unknown message type \"%1\"; expected stream_message, abort_stream, "
                                        "continue_stream, regenerate, tool_approval or ping").arg(type.left(64)));
    const DecodedTurn turn = decodeTurn(kind, message);
    if (!turn)
        return sendError(turn.error.message);
    if (kind != TurnKind::Send && !isInThisChat(turn->messageId))
        return;
    if (!tokenStillValid())
        return;
    GenerationOptions options = turn->generationOptions();
    options.deviceId = m_deviceId;
    auto started = kind == TurnKind::Send       ? generations.sendMessage(m_userId, m_chatId, turn->text, turn->parent, options, turn->attachments)
                 : kind == TurnKind::Regenerate ? generations.regenerate(m_userId, turn->messageId, options)
                                                : generations.continueMessage(m_userId, turn->messageId, options);
    if (!started)
        sendError(started.error().message);
}

} // namespace teehee
