#include "remotechatclient.h"

#include "accountsocket.h"
#include "remotejson.h"
#include "replyfollower.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTimer>
#include <QUrlQuery>

Q_LOGGING_CATEGORY(lcRemote, "teehee.remote")

namespace teehee::client {
namespace {

QString chatPath(const QString &chatId) { return QStringLiteral("/chats/%1").arg(chatId); }

// The reply's stream request: what to do and with which model.
QJsonObject turnBody(const TurnRequest &r)
{
    QJsonObject body;
    if (r.kind == TurnRequest::Kind::Send) {
        body.insert(QStringLiteral("content"), r.text);
        if (r.newRoot)
            body.insert(QStringLiteral("parent_message_id"), QJsonValue::Null);
        else if (!r.parentId.isEmpty())
            body.insert(QStringLiteral("parent_message_id"), r.parentId);
        if (!r.attachments.isEmpty())
            body.insert(QStringLiteral("attachments"), QJsonArray::fromStringList(r.attachments));
    }
    if (!r.provider.isEmpty())
        body.insert(QStringLiteral("provider"), r.provider);
    if (!r.model.isEmpty())
        body.insert(QStringLiteral("model"), r.model);
    if (!r.options.isEmpty())
        body.insert(QStringLiteral("options"), QJsonObject::fromVariantMap(r.options));
    if (r.tools)
        body.insert(QStringLiteral("tools"), true);
    return body;
}

template <typename T>
Outcome<T> failed(const ClientError &e)
{
    return Outcome<T>{T{}, e};
}

} // namespace

RemoteChatClient::RemoteChatClient(const Account &account, QObject *parent)
    : ChatClient(parent), m_link(account.server), m_events(new AccountSocket(m_link, this))
{
    m_link.setToken(account.token);
    m_link.setPinnedFingerprint(account.pinnedFingerprint);
    // The device this token belongs to: its payload's `did` (no secret in it).
    const QList<QByteArray> parts = account.token.split('.');
    if (parts.size() == 3)
        m_deviceId = QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(1), QByteArray::Base64UrlEncoding))
                         .object().value(u"did").toString();
    connect(&m_link, &ServerLink::unauthorized, this, &RemoteChatClient::lostAccess);
    connect(m_events, &AccountSocket::received, this, &RemoteChatClient::onAccountEvent);
    connect(m_events, &AccountSocket::signedOut, this, &RemoteChatClient::lostAccess);
    connect(m_events, &AccountSocket::certificateRejected, this, [this](const QString &detail) {
        certificateChanged({Failure::CertificateRejected, detail});
    });
    connect(m_events, &AccountSocket::linkChanged, this, [this](bool up) {
        if (m_state != State::Ready)
            return;
        setReconnecting(!up || m_streamsDown > 0);
        if (up)
            resync(); // what happened while the socket was down
    });
}

RemoteChatClient::~RemoteChatClient()
{
    // The replies go on on the server; only our watching of them ends.
    for (const auto &f : std::as_const(m_following))
        delete f.data();
}

void RemoteChatClient::setState(State state, const QString &text)
{
    m_state = state;
    m_statusText = text;
    Q_EMIT stateChanged();
}

void RemoteChatClient::lostAccess()
{
    if (m_state == State::Failed)
        return;
    m_events->close();
    setReconnecting(false);
    setState(State::Failed, QStringLiteral("this device was signed out of %1").arg(m_link.server().host()));
    Q_EMIT signedOut();
}

void RemoteChatClient::certificateChanged(const ClientError &error)
{
    if (m_state == State::Failed)
        return;
    qCWarning(lcRemote).noquote() << "stopped:" << error.detail;
    m_events->close();
    m_failure = error;
    m_reconnecting = false;
    setState(State::Failed, error.detail);
}

void RemoteChatClient::setReconnecting(bool on)
{
    if (m_reconnecting == on)
        return;
    m_reconnecting = on;
    qCInfo(lcRemote) << (on ? "connection to the server lost; reconnecting" : "connection to the server back");
    Q_EMIT stateChanged();
}

void RemoteChatClient::start()
{
    // The token first: a revoked device hears so before anything else.
    m_link.get(QStringLiteral("/auth/session"), this, [this](const Outcome<QJsonDocument> &session) {
        if (!session.ok()) {
            if (session.error.reason == Failure::Unauthorized)
                return lostAccess();
            if (session.error.reason == Failure::CertificateRejected)
                return certificateChanged(session.error);
            return setState(State::Failed, session.error.detail);
        }
        m_link.get(QStringLiteral("/models"), this, [this](const Outcome<QJsonDocument> &models) {
            for (const QJsonValue &m : models.value.array())
                m_models << remotejson::model(m.toObject());
            m_link.get(QStringLiteral("/providers"), this, [this](const Outcome<QJsonDocument> &providers) {
                if (!providers.ok())
                    return setState(State::Failed, providers.error.detail);
                for (const QJsonValue &p : providers.value.array()) {
                    const QJsonObject o = p.toObject();
                    const QJsonArray names = o.value(u"models").toArray();
                    m_providers << remotejson::provider(o, names.isEmpty() ? QString() : names.first().toString());
                }
                m_events->open();
                setState(State::Ready, {});
            });
        });
    });
}

void RemoteChatClient::signOut(QObject *context, Done done)
{
    m_events->close();
    request("POST", QStringLiteral("/auth/logout"), {}, context, done);
}

void RemoteChatClient::request(const QByteArray &method, const QString &path, const QJsonObject &body,
                               QObject *context, Done done)
{
    m_link.send(method, path, QJsonDocument(body), context,
                [done](const Outcome<QJsonDocument> &out) { done(out.error); });
}

// Chats

void RemoteChatClient::listChats(QObject *context, Reply<QList<ChatInfo>> reply)
{
    m_link.get(QStringLiteral("/chats"), context, [this, reply](const Outcome<QJsonDocument> &out) {
        if (!out.ok())
            return reply(failed<QList<ChatInfo>>(out.error));
        QList<ChatInfo> chats;
        for (const QJsonValue &c : out.value.array())
            chats << remotejson::chat(c.toObject());
        m_chats.clear();
        for (const ChatInfo &c : std::as_const(chats))
            m_chats.insert(c.id, c);
        reply({chats, {}});
    });
}

void RemoteChatClient::freshChat(QObject *context, Reply<ChatInfo> reply)
{
    m_link.get(QStringLiteral("/chats"), context, [this, context, reply](const Outcome<QJsonDocument> &out) {
        if (!out.ok())
            return reply(failed<ChatInfo>(out.error));
        // The newest untitled chat without messages, as the server's own rule is.
        for (const QJsonValue &v : out.value.array()) {
            const QJsonObject c = v.toObject();
            if (c.value(u"name").toString() == u"New Chat" && c.value(u"root_message_id").isNull()
                && c.value(u"active_leaf_id").isNull())
                return reply({remotejson::chat(c), {}});
        }
        m_link.send("POST", QStringLiteral("/chats"), QJsonDocument(QJsonObject{}), context,
                    [reply](const Outcome<QJsonDocument> &made) {
            if (!made.ok())
                return reply(failed<ChatInfo>(made.error));
            reply({remotejson::chat(made.value.object()), {}});
        });
    });
}

void RemoteChatClient::noteMessages(const QJsonObject &chatDetail)
{
    const QString chatId = chatDetail.value(u"id").toString();
    for (const QJsonValue &m : chatDetail.value(u"messages").toArray())
        m_chatOfMessage.insert(m.toObject().value(u"id").toString(), chatId);
}

void RemoteChatClient::chatPage(QObject *context, const QString &chatId, int count, Reply<ChatPage> reply)
{
    m_link.get(chatPath(chatId), context, [this, count, reply](const Outcome<QJsonDocument> &out) {
        if (!out.ok())
            return reply(failed<ChatPage>(out.error));
        noteMessages(out.value.object());
        reply({remotejson::page(out.value.object(), count), {}});
    });
}

void RemoteChatClient::patchChat(QObject *context, const QString &chatId, const QJsonObject &fields, Done done)
{
    request("PATCH", chatPath(chatId), fields, context, done);
}

void RemoteChatClient::renameChat(QObject *context, const QString &chatId, const QString &name, Done done)
{
    patchChat(context, chatId, {{QStringLiteral("name"), name}}, done);
}

void RemoteChatClient::setSystemPrompt(QObject *context, const QString &chatId, const QString &prompt, Done done)
{
    patchChat(context, chatId, {{QStringLiteral("system_prompt"), prompt}}, done);
}

void RemoteChatClient::setChatModel(QObject *context, const QString &chatId, const QString &provider,
                                    const QString &model, Done done)
{
    patchChat(context, chatId, {{QStringLiteral("provider"), provider}, {QStringLiteral("model"), model}}, done);
}

void RemoteChatClient::setChatOptions(QObject *context, const QString &chatId, const QVariantMap &options, Done done)
{
    patchChat(context, chatId, {{QStringLiteral("options"), QJsonObject::fromVariantMap(options)}}, done);
}

void RemoteChatClient::deleteChat(QObject *context, const QString &chatId, Done done)
{
    request("DELETE", chatPath(chatId), {}, context, done);
}

void RemoteChatClient::forkChat(QObject *context, const QString &chatId, const QString &messageId,
                                Reply<ChatInfo> reply)
{
    auto branch = [this, context, chatId, reply](const QString &baseId) {
        m_link.send("POST", chatPath(chatId) + QStringLiteral("/branch"),
                    QJsonDocument(QJsonObject{{QStringLiteral("base_message_id"), baseId}}), context,
                    [reply](const Outcome<QJsonDocument> &out) {
            if (!out.ok())
                return reply(failed<ChatInfo>(out.error));
            reply({remotejson::chat(out.value.object()), {}});
        });
    };
    if (!messageId.isEmpty())
        return branch(messageId);
    // The whole active branch: it ends at the active leaf.
    m_link.get(chatPath(chatId), context, [branch, reply](const Outcome<QJsonDocument> &out) {
        const QJsonArray path = out.value.object().value(u"current_path").toArray();
        if (!out.ok() || path.isEmpty())
            return reply(failed<ChatInfo>(out.ok() ? ClientError{Failure::Invalid, QStringLiteral("the chat is empty")}
                                                   : out.error));
        branch(path.last().toString());
    });
}

void RemoteChatClient::deleteMessage(QObject *context, const QString &messageId, Done done)
{
    request("DELETE", QStringLiteral("/messages/%1").arg(messageId), {}, context, done);
}

void RemoteChatClient::switchSibling(QObject *context, const QString &messageId, int delta, Done done)
{
    const QString chatId = m_chatOfMessage.value(messageId);
    if (chatId.isEmpty())
        return QTimer::singleShot(0, context, [done] { done({Failure::NotFound, QStringLiteral("unknown message")}); });
    m_link.get(chatPath(chatId), context, [this, context, chatId, messageId, delta, done](const Outcome<QJsonDocument> &out) {
        if (!out.ok())
            return done(out.error);
        const QJsonArray messages = out.value.object().value(u"messages").toArray();
        QJsonObject self;
        for (const QJsonValue &m : messages)
            if (m.toObject().value(u"id").toString() == messageId)
                self = m.toObject();
        const QJsonValue parent = self.value(u"parent_message_id");
        const int wanted = self.value(u"sibling_index").toInt() + delta;
        for (const QJsonValue &v : messages) {
            const QJsonObject m = v.toObject();
            if (m.value(u"parent_message_id") == parent && m.value(u"sibling_index").toInt() == wanted)
                return request("POST", chatPath(chatId) + QStringLiteral("/active"),
                               {{QStringLiteral("message_id"), m.value(u"id").toString()}}, context, done);
        }
        done({self.isEmpty() ? Failure::NotFound : Failure::Invalid, QStringLiteral("no such sibling")});
    });
}

void RemoteChatClient::activateBranch(QObject *context, const QString &chatId, const QString &messageId, Done done)
{
    request("POST", chatPath(chatId) + QStringLiteral("/active"), {{QStringLiteral("message_id"), messageId}}, context,
            done);
}

void RemoteChatClient::search(QObject *context, const QString &query, const QString &cursor, Reply<SearchPage> reply)
{
    QUrlQuery params;
    params.addQueryItem(QStringLiteral("q"), QString::fromLatin1(QUrl::toPercentEncoding(query)));
    params.addQueryItem(QStringLiteral("limit"), QStringLiteral("20"));
    if (!cursor.isEmpty())
        params.addQueryItem(QStringLiteral("cursor"), QString::fromLatin1(QUrl::toPercentEncoding(cursor)));
    m_link.get(QStringLiteral("/search?") + params.toString(QUrl::FullyEncoded), context,
               [reply](const Outcome<QJsonDocument> &out) {
        if (!out.ok())
            return reply(failed<SearchPage>(out.error));
        reply({remotejson::searchPage(out.value.object()), {}});
    });
}

// Replies

void RemoteChatClient::startTurn(QObject *context, const TurnRequest &request, Reply<QString> reply)
{
    QString chatId = request.chatId;
    if (chatId.isEmpty())
        chatId = m_chatOfMessage.value(request.messageId);
    const QString path = request.kind == TurnRequest::Kind::Send     ? chatPath(chatId) + QStringLiteral("/stream")
                       : request.kind == TurnRequest::Kind::Continue ? QStringLiteral("/stream/%1/continue").arg(request.messageId)
                                                                     : QStringLiteral("/stream/%1/regenerate").arg(request.messageId);
    auto *follower = new ReplyFollower(m_link, chatId, this);
    QPointer<QObject> alive(context);
    auto answered = std::make_shared<bool>(false);
    ++m_starting[chatId];
    // Started or refused: held stream_started events of the chat are looked at again.
    auto settled = [this, chatId] {
        if (--m_starting[chatId] > 0)
            return;
        m_starting.remove(chatId);
        const QList<QJsonObject> held = std::exchange(m_heldStarts, {});
        for (const QJsonObject &e : held)
            onAccountEvent(QStringLiteral("stream_started"), e);
    };
    connect(follower, &ReplyFollower::refused, this, [alive, reply, answered, settled](const ClientError &e) {
        if (!std::exchange(*answered, true)) {
            settled();
            if (alive)
                reply(failed<QString>(e));
        }
    });
    connect(follower, &ReplyFollower::event, this, [this, follower, alive, reply, answered, settled](const TurnEvent &e) {
        if (e.type == TurnEvent::Type::Started) {
            m_following.insert(e.messageId, follower);
            m_chatOfMessage.insert(e.messageId, e.chatId);
            if (!e.parentMessageId.isEmpty())
                m_chatOfMessage.insert(e.parentMessageId, e.chatId);
            if (!std::exchange(*answered, true)) {
                settled();
                if (alive)
                    reply({e.messageId, {}});
            }
        }
    });
    follow(follower);
    follower->start(path, QJsonDocument(turnBody(request)));
}

void RemoteChatClient::follow(ReplyFollower *follower)
{
    connect(follower, &ReplyFollower::event, this, [this](const TurnEvent &e) { Q_EMIT turnEvent(e); });
    connect(follower, &ReplyFollower::linkChanged, this, [this](bool up) {
        m_streamsDown += up ? -1 : 1;
        setReconnecting(m_streamsDown > 0 || (m_state == State::Ready && !m_events->isUp()));
    });
    connect(follower, &QObject::destroyed, this, [this, follower] {
        for (auto it = m_following.begin(); it != m_following.end();) {
            if (it.value().isNull() || it.value() == follower)
                it = m_following.erase(it);
            else
                ++it;
        }
    });
}

void RemoteChatClient::stopTurn(const QString &messageOrChatId)
{
    m_link.send("POST", QStringLiteral("/stream/%1/abort").arg(messageOrChatId), {}, this,
                [](const Outcome<QJsonDocument> &out) {
        if (!out.ok())
            qCWarning(lcRemote).noquote() << "stop refused:" << out.error.detail.left(200);
    });
}

} // namespace teehee::client
