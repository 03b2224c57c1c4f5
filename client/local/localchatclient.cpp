#include "localchatclient.h"

#include "accountrelay.h"
#include "localtools.h"
#include "backendcalls.h"
#include "importjob.h"
#include "localsharing.h"
#include "recordconversions.h"

#include "auth/authservice.h"
#include "backend.h"
#include "core/configloader.h"
#include "chat/chatsearch.h"
#include "chat/chatservice.h"
#include "generation/generationmanager.h"
#include "keys/keyservice.h"
#include "keys/providerservice.h"
#include "tools/toolregistry.h"

#include <QDir>
#include <QJsonObject>
#include <QMetaObject>
#include <QStandardPaths>

namespace teehee::client {
namespace {

ClientError statusError(const Status &st)
{
    return st ? ClientError{} : convert::error(st.error());
}

template <typename T>
ClientError statusError(const Result<T> &r)
{
    return r ? ClientError{} : convert::error(r.error());
}

// Refusals of the chosen provider (rather than of the request): the turn is
// kept so that the person can fix the cause and retry.
bool keptWhenRefused(const Error &e)
{
    return e.is(ErrorReason::NoKey) || e.is(ErrorReason::NoModel) || e.is(ErrorReason::NoProvider)
        || e.is(ErrorReason::UnknownProvider);
}

} // namespace

LocalChatClient::LocalChatClient(const QString &storedUserId, QObject *parent)
    : ChatClient(parent), m_storedUserId(storedUserId)
{
    qRegisterMetaType<TurnEvent>();
    qRegisterMetaType<ChatInfo>();
    qRegisterMetaType<ToolCallRequest>();
    // A folder the app happens to be started in (a download, a cloned
    // repository) must not choose its database or its keys: no .env from there.
    ConfigLoader loader;
    loader.setEnvFile(envFile(), false);
    auto config = loader.load();
    if (!config) {
        m_state = State::Failed;
        m_statusText = config.error().message;
        return;
    }
    m_statusText = tr("Starting…");
    m_location = config->database.redacted();
    for (const ProviderFacts &p : ProviderService::factsOf(ProviderRegistry(config.value())))
        m_providers << ProviderInfo{p.name, p.displayName, p.description, p.defaultModel, p.serverKey};
    m_dataDirectory = QDir::toNativeSeparators(config->dataDir);
    m_attachmentMaxBytes = config->attachmentMaxBytes;
    m_thread.setObjectName(QStringLiteral("teehee-backend"));
    m_backend = new Backend(config.value());
    m_backend->moveToThread(&m_thread);
    m_sharing = new LocalSharing(*this, m_backend);
}

SharingClient *LocalChatClient::sharing() const
{
    return m_sharing;
}

QString LocalChatClient::defaultDataDirectory()
{
    return ConfigLoader::defaultDataDir();
}

QString LocalChatClient::envFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + QStringLiteral("/teehee/teehee.env");
}

LocalChatClient::~LocalChatClient()
{
    m_imports.reset(); // a running import stops between two chats; its thread uses the database
    if (m_thread.isRunning()) {
        // The database connection belongs to the backend thread: close it
        // there, after running replies are saved as stopped.
        QMetaObject::invokeMethod(m_backend, [backend = m_backend, sharing = m_sharing] {
            if (sharing)
                sharing->shutDownOnBackendThread(); // the shared server goes before the services it serves
            delete backend;
        }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    } else {
        delete m_backend;
    }
}

void LocalChatClient::start()
{
    if (!m_backend || m_thread.isRunning())
        return;
    m_thread.start();
    QMetaObject::invokeMethod(m_backend, [this, backend = m_backend, storedId = m_storedUserId] {
        backend->start([this, backend, storedId](Status status) {
            QString userId, error;
            if (!status.ok()) {
                error = status.error().message;
            } else if (auto user = backend->auth().ensureLocalUser(storedId); !user) {
                error = user.error().message;
            } else {
                userId = user.value();
                // The machine's owner: their own Ollama or LM Studio on localhost is the normal case.
                backend->keys().trustWithPrivateEndpoints(userId);
                // Other accounts on the share may use the keys the owner shares with them.
                backend->keys().setKeyOwner(userId);
                relayAccountEvents(*backend, userId, this);
                relayToolEvents(*backend, userId, this);
                // Trusted now: the account's stdio servers may run.
                backend->toolRegistry().startFor(userId);
            }
            QMetaObject::invokeMethod(this, [this, userId, error] { started(userId, error); }, Qt::QueuedConnection);
        });
    }, Qt::QueuedConnection);
}

void LocalChatClient::started(const QString &userId, const QString &error)
{
    m_userId = userId;
    m_state = error.isEmpty() ? State::Ready : State::Failed;
    m_statusText = error.isEmpty() ? tr("Ready") : error;
    Q_EMIT stateChanged();
}

void LocalChatClient::listChats(QObject *context, Reply<QList<ChatInfo>> reply)
{
    run(context, [](Backend &b, const QString &uid) {
        auto list = b.chats().listChats(uid);
        if (!list)
            return convert::failed<QList<ChatInfo>>(list.error());
        Outcome<QList<ChatInfo>> out;
        for (const ChatRecord &c : list.value())
            out.value << convert::chat(c);
        return out;
    }, reply);
}

void LocalChatClient::freshChat(QObject *context, Reply<ChatInfo> reply)
{
    run(context, [](Backend &b, const QString &uid) {
        auto chat = b.chats().freshChat(uid);
        return chat ? Outcome<ChatInfo>{convert::chat(chat.value()), {}} : convert::failed<ChatInfo>(chat.error());
    }, reply);
}

void LocalChatClient::chatPage(QObject *context, const QString &chatId, int count, Reply<ChatPage> reply)
{
    run(context, [chatId, count](Backend &b, const QString &uid) {
        if (count > 0) {
            auto tail = b.chats().pathTail(uid, chatId, count);
            return tail ? Outcome<ChatPage>{convert::page(tail.value()), {}} : convert::failed<ChatPage>(tail.error());
        }
        auto detail = b.chats().chatDetail(uid, chatId);
        return detail ? Outcome<ChatPage>{convert::page(detail.value()), {}} : convert::failed<ChatPage>(detail.error());
    }, reply);
}

void LocalChatClient::renameChat(QObject *context, const QString &chatId, const QString &name, Done done)
{
    run(context, [chatId, name](Backend &b, const QString &uid) { return statusError(b.chats().renameChat(uid, chatId, name)); }, done);
}

void LocalChatClient::setSystemPrompt(QObject *context, const QString &chatId, const QString &prompt, Done done)
{
    run(context, [chatId, prompt](Backend &b, const QString &uid) {
        return statusError(b.chats().setSystemPrompt(uid, chatId, prompt));
    }, done);
}

void LocalChatClient::setChatModel(QObject *context, const QString &chatId, const QString &provider,
                                   const QString &model, Done done)
{
    run(context, [chatId, provider, model](Backend &b, const QString &uid) {
        ChatSettingsChanges changes;
        changes.provider = provider;
        changes.model = model;
        return statusError(b.chats().updateSettings(uid, chatId, changes));
    }, done);
}

void LocalChatClient::setChatOptions(QObject *context, const QString &chatId, const QVariantMap &options, Done done)
{
    run(context, [chatId, options](Backend &b, const QString &uid) {
        const auto decoded = ChatOptions::fromJson(QJsonObject::fromVariantMap(options));
        if (!decoded)
            return ClientError{Failure::Invalid, decoded.error.message};
        ChatSettingsChanges changes;
        changes.options = decoded.value();
        return statusError(b.chats().updateSettings(uid, chatId, changes));
    }, done);
}

void LocalChatClient::deleteChat(QObject *context, const QString &chatId, Done done)
{
    run(context, [chatId](Backend &b, const QString &uid) { return statusError(b.chats().deleteChat(uid, chatId)); }, done);
}

void LocalChatClient::forkChat(QObject *context, const QString &chatId, const QString &messageId, Reply<ChatInfo> reply)
{
    run(context, [chatId, messageId](Backend &b, const QString &uid) {
        auto forked = messageId.isEmpty() ? b.chats().forkActiveBranch(uid, chatId) : b.chats().forkChat(uid, chatId, messageId);
        return forked ? Outcome<ChatInfo>{convert::chat(forked->chat), {}} : convert::failed<ChatInfo>(forked.error());
    }, reply);
}

void LocalChatClient::deleteMessage(QObject *context, const QString &messageId, Done done)
{
    run(context, [messageId](Backend &b, const QString &uid) { return statusError(b.chats().deleteMessage(uid, messageId)); }, done);
}

void LocalChatClient::switchSibling(QObject *context, const QString &messageId, int delta, Done done)
{
    run(context, [messageId, delta](Backend &b, const QString &uid) {
        return statusError(b.chats().switchSibling(uid, messageId, delta));
    }, done);
}

void LocalChatClient::activateBranch(QObject *context, const QString &chatId, const QString &messageId, Done done)
{
    run(context, [chatId, messageId](Backend &b, const QString &uid) { return statusError(b.chats().setActiveBranch(uid, chatId, messageId)); }, done);
}

void LocalChatClient::search(QObject *context, const QString &query, const QString &cursor, Reply<SearchPage> reply)
{
    run(context, [query, cursor](Backend &b, const QString &uid) {
        auto page = ChatSearch(b.database()).search(uid, SearchRequest{.query = query, .cursor = cursor}); // 20 a page
        return page ? Outcome<SearchPage>{convert::searchPage(page.value()), {}} : convert::failed<SearchPage>(page.error());
    }, reply);
}

void LocalChatClient::startTurn(QObject *context, const TurnRequest &request, Reply<QString> reply)
{
    run(context, [this, request](Backend &b, const QString &uid) {
        GenerationOptions options;
        options.provider = request.provider;
        options.model = request.model;
        if (request.tools)
            options.tools = QStringList{}; // every enabled tool
        if (!request.options.isEmpty()) {
            const auto decoded = ChatOptions::fromJson(QJsonObject::fromVariantMap(request.options));
            if (!decoded)
                return Outcome<QString>{{}, {Failure::Invalid, decoded.error.message}};
            options.options = decoded.value();
        }
        GenerationManager &gens = b.generations();
        Result<Generation *> g = Error::internal({});
        switch (request.kind) {
        case TurnRequest::Kind::Send: {
            const auto parent = request.newRoot ? MessageParent::newRoot()
                              : request.parentId.isEmpty() ? MessageParent::activeLeaf()
                                                           : MessageParent::message(request.parentId);
            g = gens.sendMessage(uid, request.chatId, request.text, parent, options, request.attachments);
            // A kept turn would lose its files: with attachments the refusal is told as such.
            if (!g && request.attachments.isEmpty() && keptWhenRefused(g.error())) {
                // What the person typed stays, with the reason in the reply's place.
                if (auto kept = gens.keepRefusedTurn(uid, request.chatId, request.text, parent, options, g.error())) {
                    TurnEvent failed;
                    failed.type = TurnEvent::Type::Failed;
                    failed.chatId = request.chatId;
                    failed.messageId = kept->reply.message.id;
                    failed.parentMessageId = kept->question.message.id;
                    failed.error = g.error().message;
                    failed.errorReason = convert::failure(g.error());
                    failed.rows = {convert::message(kept->question), convert::message(kept->reply)};
                    QMetaObject::invokeMethod(this, [this, failed] { Q_EMIT turnEvent(failed); }, Qt::QueuedConnection);
                    // The turn exists and has ended: its failure is told once, by that event.
                    return Outcome<QString>{kept->reply.message.id, {}};
                }
            }
            break;
        }
        case TurnRequest::Kind::Continue:
            g = gens.continueMessage(uid, request.messageId, options);
            break;
        case TurnRequest::Kind::Regenerate:
            g = gens.regenerate(uid, request.messageId, options);
            break;
        }
        return g ? Outcome<QString>{g.value()->messageId(), {}} : convert::failed<QString>(g.error());
    }, reply);
}

void LocalChatClient::stopTurn(const QString &messageOrChatId)
{
    if (m_state != State::Ready)
        return;
    QMetaObject::invokeMethod(m_backend, [this, messageOrChatId] {
        m_backend->generations().abort(m_userId, messageOrChatId);
    }, Qt::QueuedConnection);
}

void LocalChatClient::listKeys(QObject *context, Reply<QList<KeyInfo>> reply)
{
    run(context, [](Backend &b, const QString &uid) {
        auto keys = b.keys().list(uid);
        if (!keys)
            return convert::failed<QList<KeyInfo>>(keys.error());
        Outcome<QList<KeyInfo>> out;
        for (const KeyRecord &k : keys.value())
            out.value << convert::key(k);
        return out;
    }, reply);
}

void LocalChatClient::saveKey(QObject *context, const QString &provider, const QString &apiKey, Done done)
{
    run(context, [provider, apiKey](Backend &b, const QString &uid) { return statusError(b.keys().replace(uid, provider, apiKey)); },
        keysChanged(done));
}

void LocalChatClient::saveEndpoint(QObject *context, const QString &label, const QString &baseUrl, const QString &apiKey,
                                   Done done)
{
    run(context, [label, baseUrl, apiKey](Backend &b, const QString &uid) {
        return statusError(b.keys().replace(uid, QStringLiteral("custom"), apiKey, baseUrl, label));
    }, done);
}

void LocalChatClient::deleteKey(QObject *context, const QString &keyId, Done done)
{
    run(context, [keyId](Backend &b, const QString &uid) { return statusError(b.keys().remove(uid, keyId)); },
        keysChanged(done));
}

ChatClient::Done LocalChatClient::keysChanged(Done done)
{
    // Sharing lists the owner's keys (to share them or not): it hears of changes here.
    return [sharing = QPointer<LocalSharing>(m_sharing), done](const ClientError &error) {
        if (sharing)
            sharing->refreshKeyShares();
        if (done)
            done(error);
    };
}

} // namespace teehee::client
