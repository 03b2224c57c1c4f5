// Chats and Messages of the API contract (spec/api.md). Routes only translate
// HTTP ⇄ ChatService; every rule lives in the service. Ids in paths are
// matched as UUIDs by the router (anything else is 404); another user's id
// is NotFound in the service, so it answers exactly like a missing one.
#include "api/apicontext.h"
#include "api/json/turnrequest.h"
#include "api/routes.h"
#include "backend.h"
#include "api/json/chatjson.h"
#include "chat/attachmentservice.h"
#include "chat/chatservice.h"
#include "db/sqlquery.h"

#include <QJsonArray>

namespace teehee {
namespace {

QString param(const ApiRequest &req, const char *name)
{
    return req.param(QLatin1String(name));
}

// A field that must hold a message id: 422 when absent or not a UUID.
Result<QString> requiredId(const QJsonObject &body, const QString &field)
{
    auto id = api::requiredString(body, field);
    if (!id)
        return id.error();
    if (!isUuid(id.value()))
        return Error::invalid(QStringLiteral("%1: must be a UUID").arg(field));
    return id.value().toLower();
}

// Absent → keep; null → clear (system_prompt only); string → set.
Result<std::optional<QString>> optionalChange(const QJsonObject &body, const QString &field, bool nullClears)
{
    const QJsonValue v = body.value(field);
    if (v.isUndefined() || (v.isNull() && !nullClears))
        return std::optional<QString>{};
    if (v.isNull())
        return std::optional<QString>{QString()};
    if (!v.isString())
        return Error::invalid(QStringLiteral("%1: must be a string").arg(field));
    return std::optional<QString>{v.toString()};
}

// A turn's decoding refused: 422 naming the field.
HttpResponse refused(const TurnRequestError &error)
{
    return errorResponse(error.toError());
}

// The chat's settings: provider and model (a string, or null to clear) and
// options (replacing the chat's; null: none).
Result<ChatSettingsChanges> settingsFrom(const QJsonObject &body)
{
    ChatSettingsChanges changes;
    for (auto [field, target] : {std::pair{"provider", &changes.provider}, std::pair{"model", &changes.model}}) {
        auto value = optionalChange(body, QLatin1String(field), true);
        if (!value)
            return value.error();
        *target = value.value();
    }
    if (body.contains(QStringLiteral("options"))) {
        const auto options = ChatOptions::fromJson(body.value(QStringLiteral("options")));
        if (!options)
            return options.error.toError();
        changes.options = options.value();
    }
    return changes;
}

NewMessage newMessageFrom(const TurnRequest &turn)
{
    NewMessage m;
    m.role = turn.role;
    m.text = turn.text;
    m.parent = turn.parent;
    m.model = turn.model;
    m.provider = turn.provider;
    return m;
}

HttpResponse messageResponse(const Result<PlacedMessage> &m, int status = 200)
{
    if (!m) {
        if (MessageTree::isForeignParent(m.error()))
            return detailResponse(400, m.error().message);
        return errorResponse(m.error());
    }
    return HttpResponse{status, {}, chatjson::messageBytes(m.value())};
}

void registerChatCollection(ApiContext &ctx, Backend &backend)
{
    Router &r = ctx.router();
    r.get(QStringLiteral("/chats"), ctx.authed([&backend](const ApiRequest &, const AuthUser &user, Responder res) {
        ChatService &chats = backend.chats();
        auto list = chats.listChats(user.id);
        if (!list)
            return res.send(list.error());
        res.send(HttpResponse{200, {}, chatjson::chatsBytes(list.value())});
    }));

    r.post(QStringLiteral("/chats"), ctx.authed([&backend](const ApiRequest &req, const AuthUser &user, Responder res) {
        ChatService &chats = backend.chats();
        auto body = api::jsonBody(req, res);
        if (!body)
            return;
        auto name = api::optionalString(*body, QStringLiteral("name"));
        if (!name)
            return res.send(name.error());
        auto prompt = api::optionalString(*body, QStringLiteral("system_prompt"));
        if (!prompt)
            return res.send(prompt.error());
        auto chat = chats.createChat(user.id, name.value(), prompt.value());
        if (!chat)
            return res.send(chat.error());
        res.send(HttpResponse{201, {}, chatjson::chatBytes(chat.value())});
    }));
}

void registerChatItem(ApiContext &ctx, Backend &backend)
{
    Router &r = ctx.router();
    const QString item = QStringLiteral("/chats/{chat_id:uuid}");

    r.get(item, ctx.authed([&backend](const ApiRequest &req, const AuthUser &user, Responder res) {
        ChatService &chats = backend.chats();
        auto detail = chats.chatDetail(user.id, param(req, "chat_id"));
        if (!detail)
            return res.send(detail.error());
        res.send(HttpResponse{200, {}, chatjson::chatDetailBytes(detail.value())});
    }));

    r.patch(item, ctx.authed([&backend](const ApiRequest &req, const AuthUser &user, Responder res) {
        ChatService &chats = backend.chats();
        auto body = api::jsonBody(req, res);
        if (!body)
            return;
        auto name = optionalChange(*body, QStringLiteral("name"), false);
        if (!name)
            return res.send(name.error());
        auto prompt = optionalChange(*body, QStringLiteral("system_prompt"), true);
        if (!prompt)
            return res.send(prompt.error());
        const auto settings = settingsFrom(*body);
        if (!settings)
            return res.send(settings.error());
        const ChatChanges changes{name.value(), prompt.value()};
        // Settings alone leave the name and prompt alone (and the other way round).
        auto chat = settings->isEmpty() || changes.name || changes.systemPrompt
                        ? chats.updateChat(user.id, param(req, "chat_id"), changes)
                        : chats.chat(user.id, param(req, "chat_id"));
        if (chat && !settings->isEmpty())
            chat = chats.updateSettings(user.id, chat->id, *settings);
        if (!chat)
            return res.send(chat.error());
        res.send(HttpResponse{200, {}, chatjson::chatBytes(chat.value())});
    }));

    r.del(item, ctx.authed([&backend](const ApiRequest &req, const AuthUser &user, Responder res) {
        ChatService &chats = backend.chats();
        if (auto st = chats.deleteChat(user.id, param(req, "chat_id")); !st)
            return res.send(st.error());
        res.send(jsonResponse(QJsonObject{{QStringLiteral("message"), QStringLiteral("Chat deleted successfully")}}));
    }));

    r.post(item + QStringLiteral("/branch"), ctx.authed([&backend](const ApiRequest &req, const AuthUser &user, Responder res) {
        ChatService &chats = backend.chats();
        auto body = api::jsonBody(req, res);
        if (!body)
            return;
        auto base = requiredId(*body, QStringLiteral("base_message_id"));
        if (!base)
            return res.send(base.error());
        auto fork = chats.forkChat(user.id, param(req, "chat_id"), base.value());
        if (!fork)
            return res.send(fork.error());
        res.send(HttpResponse{201, {}, chatjson::chatDetailBytes(fork.value())});
    }));

    r.post(item + QStringLiteral("/active"), ctx.authed([&backend](const ApiRequest &req, const AuthUser &user, Responder res) {
        ChatService &chats = backend.chats();
        auto body = api::jsonBody(req, res);
        if (!body)
            return;
        auto id = requiredId(*body, QStringLiteral("message_id"));
        if (!id)
            return res.send(id.error());
        auto detail = chats.setActiveBranch(user.id, param(req, "chat_id"), id.value());
        if (!detail)
            return res.send(detail.error());
        res.send(HttpResponse{200, {}, chatjson::chatWithPathBytes(detail->chat, detail->currentPath)});
    }));
}

void registerMessageRoutes(ApiContext &ctx, Backend &backend)
{
    Router &r = ctx.router();
    const QString messages = QStringLiteral("/chats/{chat_id:uuid}/messages");

    r.get(messages, ctx.authed([&backend](const ApiRequest &req, const AuthUser &user, Responder res) {
        ChatService &chats = backend.chats();
        auto list = chats.messages(user.id, param(req, "chat_id"));
        if (!list)
            return res.send(list.error());
        res.send(HttpResponse{200, {}, chatjson::messagesBytes(list.value())});
    }));

    r.post(messages, ctx.authed([&backend](const ApiRequest &req, const AuthUser &user, Responder res) {
        ChatService &chats = backend.chats();
        auto body = api::jsonBody(req, res);
        if (!body)
            return;
        const DecodedTurn turn = decodeTurn(TurnKind::AddMessage, *body);
        if (!turn)
            return res.send(refused(turn.error));
        NewMessage message = newMessageFrom(turn.value());
        if (!turn->attachments.isEmpty()) {
            if (message.role != QLatin1String("user"))
                return res.send(Error::invalid(QStringLiteral("attachments: only a user message carries attachments")));
            auto described = backend.attachments().describe(user.id, turn->attachments);
            if (!described)
                return res.send(described.error());
            message.attachments = described.value();
        }
        res.send(messageResponse(chats.addMessage(user.id, param(req, "chat_id"), message), 201));
    }));

    auto edit = ctx.authed([&backend](const ApiRequest &req, const AuthUser &user, Responder res) {
        ChatService &chats = backend.chats();
        auto body = api::jsonBody(req, res);
        if (!body)
            return;
        auto text = decodeContent(body->value(QStringLiteral("content")));
        if (!text)
            return res.send(text.error());
        res.send(messageResponse(chats.editMessage(user.id, param(req, "message_id"), text.value())));
    });
    auto remove = ctx.authed([&backend](const ApiRequest &req, const AuthUser &user, Responder res) {
        ChatService &chats = backend.chats();
        res.send(messageResponse(chats.deleteMessage(user.id, param(req, "message_id"))));
    });
    // The existing web client calls the /chats/messages/... forms.
    for (const QString &path : {QStringLiteral("/messages/{message_id:uuid}"), QStringLiteral("/chats/messages/{message_id:uuid}")}) {
        r.patch(path, edit);
        r.del(path, remove);
    }
}

} // namespace

void registerChatRoutes(ApiContext &ctx)
{
    // Services are looked up per request: the routes may be registered before the backend opened its database.
    Backend &backend = ctx.backend();
    registerChatCollection(ctx, backend);
    registerChatItem(ctx, backend);
    registerMessageRoutes(ctx, backend);
}

} // namespace teehee
