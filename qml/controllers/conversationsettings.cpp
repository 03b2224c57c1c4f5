// ConversationController: the open chat's settings — provider, model and
// options, system prompt, the Tools choice — shown at once and written
// through the client (one file for the settings, one for the conversation).
#include "conversationcontroller.h"

#include "chatlistcontroller.h"
#include "chattoolschoice.h"

using namespace teehee::client;

QString ConversationController::provider() const
{
    if (!m_chat.provider.isEmpty())
        return m_chat.provider;
    return m_pendingProvider.isEmpty() ? m_defaultProvider : m_pendingProvider;
}

QString ConversationController::model() const
{
    if (!m_chat.provider.isEmpty())
        return m_chat.model;
    return m_pendingProvider.isEmpty() ? m_defaultModel : m_pendingModel;
}

void ConversationController::chooseModel(const QString &provider, const QString &model)
{
    if (provider == this->provider() && model == this->model())
        return;
    if (m_chatId.isEmpty()) {
        m_pendingProvider = provider;
        m_pendingModel = model;
    } else {
        m_chat.provider = provider; // shown at once; the chat's update confirms it
        m_chat.model = model;
        const QString chatId = m_chatId;
        writeSettings([this, chatId, provider, model](ChatClient::Done done) {
            m_client->setChatModel(this, chatId, provider, model, std::move(done));
        }, false);
    }
    Q_EMIT selectionChanged();
}

void ConversationController::setOption(const QString &name, const QVariant &value)
{
    QVariantMap next = options();
    if (value.isValid() && !value.isNull())
        next.insert(name, value);
    else
        next.remove(name);
    if (next == options())
        return;
    if (m_chatId.isEmpty()) {
        m_pendingOptions = next;
    } else {
        m_chat.options = next; // shown at once; the chat's update confirms it
        const QString chatId = m_chatId;
        writeSettings([this, chatId, next](ChatClient::Done done) {
            m_client->setChatOptions(this, chatId, next, std::move(done));
        }, true);
    }
    Q_EMIT selectionChanged();
}

void ConversationController::writeSettings(const std::function<void(ChatClient::Done)> &write, bool reloadOnFailure)
{
    const int serial = ++m_settingsWritten;
    write([this, serial, reloadOnFailure](const ClientError &e) {
        m_settingsAnswered = std::max(m_settingsAnswered, serial);
        fail(e);
        if (!e.ok() && reloadOnFailure)
            reload(); // the stored settings come back
    });
}

void ConversationController::adoptChat(const ChatInfo &chat)
{
    if (m_settingsAnswered < m_settingsWritten && chat.id == m_chat.id) {
        ChatInfo next = chat;
        next.provider = m_chat.provider;
        next.model = m_chat.model;
        next.options = m_chat.options;
        m_chat = next;
        return;
    }
    m_chat = chat;
}

void ConversationController::setSystemPrompt(const QString &prompt)
{
    if (m_chatId.isEmpty() || prompt == m_chat.systemPrompt)
        return;
    m_chat.systemPrompt = prompt;
    Q_EMIT chatChanged();
    m_client->setSystemPrompt(this, m_chatId, prompt, [this](const ClientError &e) { fail(e); });
}

// A new chat not yet written keeps the choice here until it has an id.
bool ConversationController::toolsEnabled() const
{
    return m_chatId.isEmpty() ? m_toolsEnabled : chattoolschoice::enabled(m_chatId);
}

void ConversationController::setToolsEnabled(bool enabled)
{
    if (enabled == toolsEnabled())
        return;
    m_toolsEnabled = enabled;
    chattoolschoice::setEnabled(m_chatId, enabled);
    Q_EMIT toolsEnabledChanged();
}
