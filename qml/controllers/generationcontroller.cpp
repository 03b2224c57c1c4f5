#include "generationcontroller.h"

#include "backendhost.h"
#include "chatcontroller.h"

#include "generation/generationmanager.h"
#include "providers/modelcatalogue.h"

#include <QDateTime>
#include <QSettings>

using teehee::Generation;
using teehee::GenerationEvent;
using Services = BackendHost::Services;

namespace {
struct Started {
    QString error;
    QList<GenerationEvent> events; // what happened before we subscribed
};
} // namespace

GenerationController::GenerationController(BackendHost *host, ChatController *chats, QObject *parent)
    : QObject(parent), m_host(host), m_chats(chats)
{
    qRegisterMetaType<teehee::GenerationEvent>();
    QSettings settings;
    m_provider = settings.value(QStringLiteral("models/defaultProvider"), QStringLiteral("openai")).toString();
    m_model = settings.value(QStringLiteral("models/defaultModel")).toString();
    if (m_model.isEmpty())
        m_model = teehee::ModelCatalogue::defaultModel(m_provider);
}

GenerationController *GenerationController::create(QQmlEngine *engine, QJSEngine *)
{
    auto *host = engine->singletonInstance<BackendHost *>(qmlTypeId("Teehee", 1, 0, "BackendHost"));
    auto *chats = engine->singletonInstance<ChatController *>(qmlTypeId("Teehee", 1, 0, "ChatController"));
    return new GenerationController(host, chats);
}

void GenerationController::setProvider(const QString &provider)
{
    if (provider == m_provider)
        return;
    m_provider = provider;
    // A model of the previous provider means nothing to this one.
    if (const QString model = teehee::ModelCatalogue::defaultModel(provider); !model.isEmpty())
        m_model = model;
    Q_EMIT selectionChanged();
}

void GenerationController::setModel(const QString &model)
{
    if (model == m_model)
        return;
    m_model = model;
    Q_EMIT selectionChanged();
}

bool GenerationController::send(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || streaming() || m_starting || !m_host || !m_host->ready())
        return false;
    m_starting = true;
    m_chats->ensureChat([this, trimmed](const QString &chatId) {
        if (chatId.isEmpty()) {
            m_starting = false;
            return;
        }
        m_chats->nameFromFirstMessage(trimmed);
        start(Kind::Send, chatId, trimmed, {}, false);
    });
    return true;
}

void GenerationController::stop()
{
    if (!streaming() && !m_starting)
        return;
    const QString target = m_messageId.isEmpty() ? m_chatId : m_messageId;
    m_host->post([target](Services s) { s.generations.abort(s.userId, target); });
}

void GenerationController::continueMessage(const QString &messageId)
{
    if (streaming() || m_starting || !m_host || !m_host->ready())
        return;
    m_starting = true;
    start(Kind::Continue, m_chats->currentChatId(), messageId, {}, false);
}

void GenerationController::regenerate(const QString &messageId)
{
    if (streaming() || m_starting || !m_host || !m_host->ready())
        return;
    m_starting = true;
    start(Kind::Regenerate, m_chats->currentChatId(), messageId, {}, false);
}

void GenerationController::editAndResubmit(const QString &messageId, const QString &text)
{
    const auto *m = m_chats->conversation()->message(messageId);
    if (!m || text.trimmed().isEmpty() || streaming() || m_starting || !m_host || !m_host->ready())
        return;
    m_starting = true;
    start(Kind::Send, m_chats->currentChatId(), text.trimmed(), m->parentId, m->parentId.isEmpty());
}

void GenerationController::start(Kind kind, const QString &chatId, const QString &idOrText, const QString &parentId,
                                 bool newRoot)
{
    m_chatId = chatId;
    const teehee::GenerationOptions options{m_provider, m_model};
    QPointer<GenerationController> self(this);
    m_host->run(this, [self, kind, chatId, idOrText, parentId, newRoot, options](Services s) -> Started {
        teehee::Result<Generation *> g = teehee::Error::internal({});
        switch (kind) {
        case Kind::Send: {
            const auto parent = newRoot ? teehee::MessageParent::newRoot()
                              : parentId.isEmpty() ? teehee::MessageParent::activeLeaf()
                                                   : teehee::MessageParent::message(parentId);
            g = s.generations.sendMessage(s.userId, chatId, idOrText, parent, options);
            break;
        }
        case Kind::Continue:
            g = s.generations.continueMessage(s.userId, idOrText);
            break;
        case Kind::Regenerate:
            g = s.generations.regenerate(s.userId, idOrText, options);
            break;
        }
        if (!g)
            return {g.error().message, {}};
        // Snapshot and subscribe in this one slot: no event is missed or repeated.
        Started started{{}, g.value()->eventsAfter(0)};
        if (self)
            QObject::connect(g.value(), &Generation::event, self.data(),
                             [me = self.data()](const GenerationEvent &e) { me->onEvent(e); });
        return started;
    }, [this](const Started &started) {
        m_starting = false;
        if (!started.error.isEmpty())
            return fail(started.error);
        for (const GenerationEvent &e : started.events)
            onEvent(e);
    });
}

void GenerationController::onEvent(const GenerationEvent &e)
{
    ConversationModel *conversation = m_chats->conversation();
    const bool visible = e.chatId == m_chats->currentChatId();
    switch (e.type) {
    case GenerationEvent::Type::Started: {
        m_messageId = e.messageId;
        m_chatId = e.chatId;
        Q_EMIT streamingChanged();
        if (!visible)
            return;
        if (const auto *m = conversation->message(e.messageId)) {
            ConversationModel::Message updated = *m;
            updated.status = QStringLiteral("streaming");
            updated.text = e.content;
            updated.error.clear();
            updated.isPartial = false;
            updated.rateLimited = false;
            updated.retryAt = 0;
            conversation->upsert(updated);
        } else {
            m_chats->reloadConversation();
        }
        m_chats->touchCurrentChat();
        return;
    }
    case GenerationEvent::Type::Token:
        if (visible)
            conversation->streamText(e.messageId, e.token, e.content);
        return;
    case GenerationEvent::Type::Reasoning:
        if (visible)
            conversation->streamReasoning(e.messageId, e.token, e.content);
        return;
    case GenerationEvent::Type::Completed:
    case GenerationEvent::Type::Aborted:
    case GenerationEvent::Type::Failed:
        break;
    }
    if (visible) {
        conversation->flushPending();
        if (const auto *m = conversation->message(e.messageId)) {
            ConversationModel::Message updated = *m;
            updated.text = e.content;
            updated.status = e.status();
            updated.error = e.error;
            updated.isPartial = e.type != GenerationEvent::Type::Completed || e.finishReason == QLatin1String("length");
            updated.tokensIn = e.inputTokens;
            updated.tokensOut = e.outputTokens;
            // The notice counts down to this moment; an absolute time survives
            // delegates being recreated while the view scrolls.
            updated.rateLimited = e.rateLimited;
            updated.retryAt = e.rateLimited && e.retryAfterSeconds >= 0
                                  ? QDateTime::currentMSecsSinceEpoch() + qint64(e.retryAfterSeconds) * 1000 : 0;
            conversation->upsert(updated);
        }
    }
    if (e.messageId == m_messageId) {
        m_messageId.clear();
        Q_EMIT streamingChanged();
    }
    Q_EMIT replyFinished(e.messageId, e.status());
}

void GenerationController::fail(const QString &message)
{
    m_lastError = message;
    Q_EMIT errorOccurred(message);
}
