// Stream control over HTTP (spec/api.md): abort, continue (JSON or SSE), the
// SSE fallback for sending a message, and attaching to a stream's events
// with Last-Event-ID. Every route drives the same GenerationManager as the
// WebSocket sessions, so WebSocket subscribers of the chat see these too.
#include "api/apicontext.h"
#include "api/json/turnrequest.h"
#include "api/routes.h"
#include "api/ssesink.h"
#include "api/remotessesink.h"
#include "generation/remotereplies.h"
#include "api/json/streamevents.h"
#include "auth/authservice.h"
#include "backend.h"
#include "api/json/chatjson.h"
#include "chat/chatservice.h"
#include "generation/generationmanager.h"

namespace teehee {

namespace {

bool wantsEventStream(const ApiRequest &req)
{
    return req.header("accept").contains("text/event-stream");
}

bool wantsCompact(const ApiRequest &req)
{
    return wantsCompactTokens(req.query);
}

// Answers through SSE: optional leading events, then the generation from
// afterSeq, for as long as the user's token holds.
void streamGeneration(const ApiRequest &req, Responder res, Generation *g, qint64 afterSeq, AuthService &auth,
                      const AuthUser &user, const QList<streamevents::Encoded> &first = {})
{
    auto *sink = new SseSink(std::move(res), g, auth, user, wantsCompact(req));
    if (!sink->begin())
        return;
    // Leading events number just below the reply's first: a client resuming
    // from one (Last-Event-ID) gets the whole reply, and nothing twice.
    for (const streamevents::Encoded &event : first)
        sink->writeEvent(event, g->firstSeq() - 1);
    sink->follow(afterSeq);
}

// The blocking form of continue: one JSON answer when the generation ends.
void answerWhenDone(Responder res, Generation *g)
{
    auto reply = [res](const GenerationEvent &e) mutable {
        switch (e.type) {
        case GenerationEvent::Type::Completed:
            return res.send(jsonResponse(QJsonObject{{QStringLiteral("message"), QStringLiteral("Stream continued")},
                                                     {QStringLiteral("message_id"), e.messageId},
                                                     {QStringLiteral("status"), e.status()},
                                                     {QStringLiteral("content"), e.content}}));
        case GenerationEvent::Type::Aborted:
            return res.send(jsonResponse(QJsonObject{{QStringLiteral("message"), QStringLiteral("Stream aborted")},
                                                     {QStringLiteral("message_id"), e.messageId},
                                                     {QStringLiteral("status"), e.status()},
                                                     {QStringLiteral("content"), e.content}}));
        default: // Failed: the provider's failure, with the text kept so far.
            return res.send(jsonResponse(QJsonObject{{QStringLiteral("detail"), e.error},
                                                     {QStringLiteral("message_id"), e.messageId},
                                                     {QStringLiteral("status"), e.status()},
                                                     {QStringLiteral("content"), e.content}}, 502));
        }
    };
    if (g->isFinished())
        return reply(*g->terminalEvent());
    auto *context = new QObject(g);
    QObject::connect(g, &Generation::event, context, [reply, context](const GenerationEvent &e) mutable {
        if (!e.isTerminal())
            return;
        reply(e);
        context->deleteLater();
    });
}

// A stored message's state as the terminal event a stream would have ended with.
streamevents::Encoded storedOutcome(const MessageRecord &m)
{
    GenerationEvent e;
    e.messageId = m.id;
    e.content = m.text();
    e.type = m.status == MessageStatus::Complete ? GenerationEvent::Type::Completed
           : m.status == MessageStatus::Error    ? GenerationEvent::Type::Failed
                                                 : GenerationEvent::Type::Aborted;
    e.error = m.content.value(QStringLiteral("error")).toString();
    e.finishReason = m.finishReason;
    e.inputTokens = m.tokensIn.value_or(-1);
    e.outputTokens = m.tokensOut.value_or(-1);
    return streamevents::encode(e);
}

} // namespace

void registerStreamRoutes(ApiContext &ctx)
{
    Router &r = ctx.router();
    Backend &backend = ctx.backend();

    r.post(QStringLiteral("/stream/{message_id:uuid}/abort"),
           ctx.authed([&backend](const ApiRequest &req, const AuthUser &user, Responder res) {
        const QString id = req.param(QStringLiteral("message_id"));
        const bool aborted = backend.generations().abort(user.id, id);
        if (!aborted) {
            // An id that is not the user's message or chat is unknown, as on every other route.
            auto message = backend.chats().message(user.id, id);
            if (!message && message.error().code != ErrorCode::NotFound)
                return res.send(message.error());
            if (!message && !backend.chats().chat(user.id, id))
                return res.send(message.error());
        }
        res.send(jsonResponse(QJsonObject{{QStringLiteral("message"), aborted ? QStringLiteral("Stream aborted successfully")
                                                                              : QStringLiteral("No active stream to abort")}}));
    }));

    r.post(QStringLiteral("/stream/{message_id:uuid}/continue"),
           ctx.authed([&backend](const ApiRequest &req, const AuthUser &user, Responder res) {
        auto body = api::jsonBody(req, res);
        if (!body)
            return;
        const DecodedTurn turn = decodeTurn(TurnKind::Continue, *body, req.param(QStringLiteral("message_id")));
        if (!turn)
            return res.send(turn.error.toError());
        GenerationOptions options = turn->generationOptions();
        options.deviceId = user.deviceId;
        auto g = backend.generations().continueMessage(user.id, turn->messageId, options);
        if (!g)
            return res.send(g.error());
        if (wantsEventStream(req))
            return streamGeneration(req, std::move(res), g.value(), 0, backend.auth(), user);
        answerWhenDone(std::move(res), g.value());
    }));

    // Another reply to the same question: a new sibling of the assistant
    // message (the WebSocket's "regenerate"), for clients that stream over HTTP.
    r.post(QStringLiteral("/stream/{message_id:uuid}/regenerate"),
           ctx.authed([&backend](const ApiRequest &req, const AuthUser &user, Responder res) {
        auto body = api::jsonBody(req, res);
        if (!body)
            return;
        const DecodedTurn turn = decodeTurn(TurnKind::Regenerate, *body, req.param(QStringLiteral("message_id")));
        if (!turn)
            return res.send(turn.error.toError());
        auto g = backend.generations().regenerate(user.id, turn->messageId, turn->generationOptions());
        if (!g)
            return res.send(g.error());
        if (wantsEventStream(req))
            return streamGeneration(req, std::move(res), g.value(), 0, backend.auth(), user);
        answerWhenDone(std::move(res), g.value());
    }));

    r.post(QStringLiteral("/chats/{chat_id:uuid}/stream"),
           ctx.authed([&backend](const ApiRequest &req, const AuthUser &user, Responder res) {
        auto body = api::jsonBody(req, res);
        if (!body)
            return;
        const DecodedTurn turn = decodeTurn(TurnKind::Send, *body);
        if (!turn)
            return res.send(turn.error.toError());
        GenerationOptions options = turn->generationOptions();
        options.deviceId = user.deviceId;
        auto g = backend.generations().sendMessage(user.id, req.param(QStringLiteral("chat_id")), turn->text,
                                                   turn->parent, options, turn->attachments);
        if (!g)
            return res.send(g.error());
        QList<streamevents::Encoded> first;
        if (auto question = backend.chats().message(user.id, g.value()->parentMessageId()))
            first.append(streamevents::messageCreated(question.value()));
        streamGeneration(req, std::move(res), g.value(), 0, backend.auth(), user, first);
    }));

    // A complete WebSocket handshake never reaches the router (the connection
    // hands it to WebSocketHub); anything else on the socket path is told how.
    r.get(QStringLiteral("/stream/{chat_id}"), [](const ApiRequest &, Responder res) {
        res.send(detailResponse(426, QStringLiteral("Upgrade Required: connect with a WebSocket client "
                                                    "to ws://<host>/stream/{chat_id}?token=<JWT>")));
    });
    r.get(QStringLiteral("/events"), [](const ApiRequest &, Responder res) {
        res.send(detailResponse(426, QStringLiteral("Upgrade Required: connect with a WebSocket client "
                                                    "to ws://<host>/events?token=<JWT>")));
    });

    // EventSource cannot send headers: the token may also come as ?token=.
    r.get(QStringLiteral("/stream/{message_id:uuid}/events"), [&backend, &ctx](const ApiRequest &req, Responder res) {
        auto user = ctx.authenticate(req);
        if (!user && req.bearerToken().isEmpty() && req.query.hasQueryItem(QStringLiteral("token")))
            user = backend.auth().authenticate(req.query.queryItemValue(QStringLiteral("token")).toUtf8());
        if (!user)
            return res.send(user.error());
        const QString messageId = req.param(QStringLiteral("message_id"));
        auto message = backend.chats().message(user->id, messageId);
        if (!message)
            return res.send(message.error());
        QByteArray last = req.header("last-event-id");
        if (last.isEmpty())
            last = req.query.queryItemValue(QStringLiteral("last_event_id")).toUtf8();
        const qint64 afterSeq = last.trimmed().toLongLong();
        if (Generation *g = backend.generations().forMessage(messageId); g && g->userId() == user->id)
            return streamGeneration(req, std::move(res), g, afterSeq, backend.auth(), user.value());
        if (RemoteReplies *remote = backend.remoteReplies(); remote && message->message.status == MessageStatus::Streaming) {
            // Streaming on another server sharing the database: followed from here.
            auto *sink = new RemoteSseSink(res, *remote, message->message.chatId, message->message.id, backend.auth(),
                                           user.value(), wantsCompact(req));
            if (sink->start(user->id, backend.generations().takeSeq()))
                return;
            // It ended meanwhile: its stored outcome, read again.
            message = backend.chats().message(user->id, messageId);
            if (!message)
                return res.send(message.error());
        }
        SseSink::writeFinished(std::move(res), storedOutcome(message->message), backend.generations().takeSeq());
    });
}

} // namespace teehee
