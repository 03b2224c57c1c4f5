#include "generation/generationmanager.h"

#include "generation/remotestreams.h"

#include "chat/chatservice.h"
#include "core/config.h"
#include "core/logging.h"
#include "generation/chattitler.h"
#include "generation/turnparts.h"
#include "db/sqlquery.h"
#include "keys/keyservice.h"
#include "providers/httpconnectionpool.h"
#include "providers/modelcatalogue.h"
#include "providers/providerstream.h"

#include <QDateTime>
#include <QTimer>

namespace teehee {

using turnparts::effectiveOptions;
using turnparts::exchangeOf;
using turnparts::withMessages;

GenerationManager::GenerationManager(const Config &config, const Database &db, ChatService &chats, KeyService &keys,
                                     const ProviderRegistry &providers, QObject *parent)
    : QObject(parent), m_config(config), m_db(db), m_chats(chats), m_keys(keys), m_registry(providers),
      m_attachments(db, config), m_batcher(db),
      // Sequence numbers stay increasing across restarts, so an SSE client's
      // Last-Event-ID from before a restart never hides newer events.
      m_seq(QDateTime::currentMSecsSinceEpoch() * 1000)
{
    m_connections = new HttpConnectionPool(this);
    m_prices = PriceTable::builtIn();
    if (!config.pricesFile.isEmpty()) {
        if (auto file = PriceTable::withFile(config.pricesFile))
            m_prices = file.value();
        else // the built-in prices still hold; costs from the file are what is missing
            qCWarning(lcGeneration).noquote() << file.error().message;
    }
    // Titles are asked with the provider, key and limits a reply of that user would get.
    m_titler = new ChatTitler(config, chats, m_registry, [this](const QString &userId, const QString &provider,
                                                                const QString &model) {
        return resolveProvider(userId, GenerationOptions{provider, model, {}});
    }, this);
    connect(this, &GenerationManager::generationCreated, m_titler, &ChatTitler::follow);
    m_timeouts.totalMs = config.streamTimeoutSeconds * 1000;
    // Deleting a chat aborts its reply before the rows go.
    connect(&m_chats, &ChatService::chatAboutToBeDeleted, this,
            [this](const QString &userId, const QString &chatId) { abort(userId, chatId); });
}

GenerationManager::~GenerationManager()
{
    // Shutdown: every running reply is saved as aborted (continuable) while we are whole.
    const auto running = m_byChat.values();
    for (Generation *g : running)
        g->abort();
    // Before m_batcher goes: savers unregister from it when deleted.
    qDeleteAll(findChildren<Generation *>(QString(), Qt::FindDirectChildrenOnly));
}

void GenerationManager::setStreamSettings(const StreamTimeouts &timeouts, const RetrySettings &retry)
{
    m_timeouts = timeouts;
    m_retry = retry;
}

Generation *GenerationManager::activeInChat(const QString &chatId) const
{
    return m_byChat.value(chatId);
}

Generation *GenerationManager::forMessage(const QString &messageId) const
{
    return m_byMessage.value(messageId);
}

Status GenerationManager::checkIdle(const QString &userId, const QString &chatId) const
{
    if (Generation *g = m_byChat.value(chatId))
        return Error::conflict(QStringLiteral("A reply is already being generated in this chat (message %1); "
                                              "abort it or wait for it to finish").arg(g->messageId()))
            .withReason(ErrorReason::ReplyRunning);
    return m_remote ? m_remote->checkIdle(userId, chatId) : success();
}

Status GenerationManager::checkCapacity(const QString &userId) const
{
    const int limit = m_config.maxGenerationsPerUser;
    if (limit > 0 && m_runningPerUser.value(userId) >= limit)
        return Error{ErrorCode::RateLimited,
                     QStringLiteral("Too many replies running at once (%1, MAX_GENERATIONS_PER_USER); "
                                    "wait for one to finish or abort one").arg(limit)};
    return success();
}

Result<ChatRequest> GenerationManager::resolveProvider(const QString &userId, const GenerationOptions &options) const
{
    ChatRequest request;
    request.connections = m_connections;
    request.provider = options.provider;
    request.model = options.model;
    if (!options.keyId.isEmpty() && (request.provider.isEmpty() || request.provider == u"custom"))
        request.provider = KeyService::customChoice(options.keyId);
    if (request.provider.isEmpty())
        return Error::invalid(QStringLiteral("provider: field required")).withReason(ErrorReason::NoProvider);
    const bool custom = KeyService::isCustom(request.provider);
    if (!custom && !m_registry.contains(request.provider))
        return Error::invalid(QStringLiteral("provider: unknown provider \"%1\"; available: %2, custom:<endpoint>")
                                  .arg(request.provider, m_registry.names().join(QStringLiteral(", "))))
            .withReason(ErrorReason::UnknownProvider);
    if (request.model.isEmpty())
        request.model = ModelCatalogue::defaultModel(request.provider);
    if (request.model.isEmpty())
        return Error::invalid(QStringLiteral("model: field required")).withReason(ErrorReason::NoModel);
    auto key = m_keys.resolve(userId, request.provider);
    if (!key) {
        if (key.error().code == ErrorCode::NotFound)
            return Error::invalid(key.error().message).withReason(key.error().reason); // advice on adding a key, not a missing resource
        return key.error();
    }
    request.apiKey = key->apiKey;
    if (custom) {
        // Each endpoint is its own choice: the reply records which one by key id,
        // so continue and regenerate go back to the same server.
        request.provider = KeyService::customChoice(key->keyId);
        request.baseUrl = key->baseUrl;
        request.endpointLabel = key->label;
        request.endpointPolicy = key->endpointPolicy;
    }
    request.maxTokens = options.options.maxTokens.value_or(m_config.maxTokens);
    request.temperature = options.options.temperature;
    if (options.options.reasoningEffort)
        request.reasoningEffort = ChatOptions::effortName(*options.options.reasoningEffort);
    request.thinking = options.options.thinking.value_or(false);
    request.timeouts = m_timeouts;
    request.retry = m_retry;
    return request;
}

Result<ChatRequest> GenerationManager::buildRequest(const QString &userId, const QString &answeredMessageId,
                                                    const GenerationOptions &options, bool continuing)
{
    auto resolved = resolveProvider(userId, options);
    if (!resolved)
        return resolved.error();
    return withContext(std::move(resolved).value(), userId, answeredMessageId, continuing);
}

Result<ChatRequest> GenerationManager::withContext(ChatRequest request, const QString &userId,
                                                   const QString &answeredMessageId, bool continuing) const
{
    auto context = m_chats.context(userId, answeredMessageId);
    if (!context)
        return context.error();
    if (auto st = m_attachments.load(userId, context.value()); !st)
        return st.error();
    return withMessages(std::move(request), std::move(context).value(), continuing);
}

Result<Generation *> GenerationManager::sendMessage(const QString &userId, const QString &chatId, const QString &text,
                                                    const MessageParent &parent, const GenerationOptions &options,
                                                    const QStringList &attachments)
{
    auto chat = m_chats.chat(userId, chatId);
    if (!chat)
        return chat.error();
    if (auto st = checkIdle(userId, chat->id); !st)
        return st.error();
    if (auto st = checkCapacity(userId); !st)
        return st.error();
    if (text.trimmed().isEmpty() && attachments.isEmpty())
        return Error::invalid(QStringLiteral("content: must not be empty")).withReason(ErrorReason::EmptyContent);
    auto described = m_attachments.describe(userId, attachments);
    if (!described)
        return described.error();
    // Provider and key are checked before anything is written.
    auto resolved = resolveProvider(userId, effectiveOptions(options, chat.value()));
    if (!resolved)
        return resolved.error();

    // The question and its empty reply are written together or not at all.
    auto [user, reply] = exchangeOf(text, parent, resolved->provider, resolved->model);
    user.attachments = described.value();
    reply.status = MessageStatus::Streaming;
    reply.isPartial = true;
    // A choice named in the request becomes the chat's, announced with the exchange.
    std::optional<std::pair<QString, QString>> choice;
    if (!options.provider.isEmpty() || !options.model.isEmpty() || !options.keyId.isEmpty())
        choice = std::pair{resolved->provider, resolved->model};
    auto exchange = m_chats.addExchange(userId, chat.value(), user, reply, choice);
    if (!exchange)
        return exchange.error();
    QList<ChatMessage> context = ChatService::contextOf(chat.value(), exchange->path);
    if (auto st = m_attachments.load(userId, context); !st)
        return st.error();
    ChatRequest request = withMessages(std::move(resolved).value(), std::move(context), false);
    return launch(userId, exchange->reply.message, std::move(request), false, options);
}

Result<MessageTree::Exchange> GenerationManager::keepRefusedTurn(const QString &userId, const QString &chatId,
                                                                 const QString &text, const MessageParent &parent,
                                                                 const GenerationOptions &options, const Error &refusal)
{
    auto chat = m_chats.chat(userId, chatId);
    if (!chat)
        return chat.error();
    if (text.trimmed().isEmpty())
        return Error::invalid(QStringLiteral("content: must not be empty")).withReason(ErrorReason::EmptyContent);
    const GenerationOptions chosen = effectiveOptions(options, chat.value());
    auto [user, reply] = exchangeOf(text, parent, chosen.provider, chosen.model);
    reply.status = MessageStatus::Error;
    reply.isPartial = true; // empty: Retry answers it afresh
    reply.error = refusal.message;
    reply.errorReason = errorReasonName(refusal.reason);
    return m_chats.addExchange(userId, chat.value(), user, reply);
}

Result<Generation *> GenerationManager::continueMessage(const QString &userId, const QString &messageId,
                                                        const GenerationOptions &options)
{
    auto found = m_chats.message(userId, messageId);
    if (!found)
        return found.error();
    MessageRecord message = found->message;
    if (message.role != QLatin1String("assistant"))
        return Error::invalid(QStringLiteral("message_id: only assistant messages can be continued"))
            .withReason(ErrorReason::NotAnAnswer);
    if (message.content.value(QStringLiteral("deleted")).toBool())
        return Error::conflict(QStringLiteral("The message was deleted and cannot be continued"))
            .withReason(ErrorReason::MessageDeleted);
    if (auto st = checkIdle(userId, message.chatId); !st)
        return st.error();
    if (auto st = checkCapacity(userId); !st)
        return st.error();
    if (message.status == MessageStatus::Complete && !message.isPartial && !message.text().isEmpty())
        return Error::conflict(QStringLiteral("The message is already complete; regenerate it for another answer"))
            .withReason(ErrorReason::AlreadyComplete);
    auto chat = m_chats.chat(userId, message.chatId);
    if (!chat)
        return chat.error();
    auto request = buildRequest(userId, message.id, effectiveOptions(options, chat.value(), &message), true);
    if (!request)
        return request.error();
    message.provider = request->provider;
    message.model = request->model;
    return launchRemembering(userId, chat->id, options, message, std::move(request).value(), true);
}

Result<Generation *> GenerationManager::regenerate(const QString &userId, const QString &assistantMessageId,
                                                   const GenerationOptions &options)
{
    auto found = m_chats.message(userId, assistantMessageId);
    if (!found)
        return found.error();
    const MessageRecord &old = found->message;
    if (old.role != QLatin1String("assistant"))
        return Error::invalid(QStringLiteral("message_id: only assistant messages can be regenerated"))
            .withReason(ErrorReason::NotAnAnswer);
    if (old.parentId.isEmpty())
        return Error::invalid(QStringLiteral("message_id: the message answers nothing and cannot be regenerated"))
            .withReason(ErrorReason::NotAnAnswer);
    if (auto st = checkIdle(userId, old.chatId); !st)
        return st.error();
    if (auto st = checkCapacity(userId); !st)
        return st.error();
    auto chat = m_chats.chat(userId, old.chatId);
    if (!chat)
        return chat.error();
    auto request = buildRequest(userId, old.parentId, effectiveOptions(options, chat.value(), &old), false);
    if (!request)
        return request.error();
    NewMessage reply;
    reply.role = QStringLiteral("assistant");
    reply.parent = MessageParent::message(old.parentId);
    reply.provider = request->provider;
    reply.model = request->model;
    reply.status = MessageStatus::Streaming;
    reply.isPartial = true;
    auto answer = m_chats.addMessage(userId, old.chatId, reply);
    if (!answer)
        return answer.error();
    return launchRemembering(userId, chat->id, options, answer->message, std::move(request).value(), false);
}

void GenerationManager::rememberChoice(const QString &userId, const QString &chatId, const GenerationOptions &requested,
                                       const QString &provider, const QString &model)
{
    if (requested.provider.isEmpty() && requested.model.isEmpty() && requested.keyId.isEmpty())
        return;
    ChatSettingsChanges changes;
    changes.provider = provider;
    changes.model = model;
    if (auto st = m_chats.updateSettings(userId, chatId, changes); !st)
        qCWarning(lcGeneration).noquote() << "the chat's provider and model were not saved:" << st.error().message;
}

Result<Generation *> GenerationManager::launchRemembering(const QString &userId, const QString &chatId,
                                                          const GenerationOptions &requested,
                                                          const MessageRecord &assistant, ChatRequest request,
                                                          bool continued)
{
    const QString provider = request.provider;
    const QString model = request.model;
    auto g = launch(userId, assistant, std::move(request), continued, requested);
    if (g)
        rememberChoice(userId, chatId, requested, provider, model);
    return g;
}

Result<Generation *> GenerationManager::launch(const QString &userId, const MessageRecord &assistant,
                                               ChatRequest request, bool continued, const GenerationOptions &options)
{
    const QString &deviceId = options.deviceId;
    std::optional<ToolSetup> tools;
    if (options.tools && m_tools) {
        tools = m_tools->setupFor(userId, *options.tools);
        if (tools->tools.isEmpty())
            tools.reset();
        else
            for (const OfferedTool &t : tools->tools)
                request.tools << t.spec;
    }
    auto stream = m_registry.createStream(request);
    if (!stream)
        return stream.error();
    auto *g = new Generation(m_db, m_batcher, userId, assistant, continued, stream.value(), [this] { return ++m_seq; }, this);
    g->setMaxReplyBytes(m_config.maxReplyBytes);
    g->setPrices(&m_prices);
    g->setDeviceId(deviceId); // before generationCreated: listeners see who asked
    if (tools)
        g->enableTools(std::move(*tools), request, [this](const ChatRequest &next) { return m_registry.createStream(next); });
    // A generation replaced in m_byMessage (continued again) is only forgotten, not deleted: its own timer does that.
    m_byChat.insert(g->chatId(), g);
    m_byMessage.insert(g->messageId(), g);
    ++m_runningPerUser[userId];
    connect(g, &Generation::finished, this, [this, g] { onFinished(g); });
    ++m_stats.started;
    Q_EMIT generationCreated(g);
    if (auto st = g->start(); !st) {
        m_byChat.remove(g->chatId());
        m_byMessage.remove(g->messageId());
        releaseSlot(userId);
        g->disconnect();
        delete g;
        return st.error();
    }
    qCInfo(lcGeneration).noquote() << "reply" << g->messageId() << "started with" << logSafe(request.provider) << logSafe(request.model)
                                   << (continued ? "(continuing)" : "");
    return g;
}

void GenerationManager::onFinished(Generation *g)
{
    if (m_byChat.value(g->chatId()) == g)
        m_byChat.remove(g->chatId());
    releaseSlot(g->userId());
    // Kept a while so that a client that dropped can still replay the end (Last-Event-ID).
    QTimer::singleShot(m_retentionMs, g, [this, g] {
        if (m_byMessage.value(g->messageId()) == g)
            m_byMessage.remove(g->messageId());
        g->deleteLater();
    });
}

void GenerationManager::releaseSlot(const QString &userId)
{
    if (--m_runningPerUser[userId] <= 0)
        m_runningPerUser.remove(userId);
}

} // namespace teehee
