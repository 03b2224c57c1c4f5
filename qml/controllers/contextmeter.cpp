#include "contextmeter.h"

#include "clientprovider.h"
#include "conversationcontroller.h"

#include <QLocale>

ContextMeter::ContextMeter(QObject *parent) : QObject(parent), m_client(ClientProvider::client())
{
}

void ContextMeter::setConversation(ConversationController *conversation)
{
    if (conversation == m_conversation)
        return;
    if (m_conversation) {
        disconnect(m_conversation, nullptr, this, nullptr);
        disconnect(m_conversation->messages(), nullptr, this, nullptr);
    }
    m_conversation = conversation;
    if (conversation) {
        ConversationModel *rows = conversation->messages();
        connect(conversation, &ConversationController::selectionChanged, this, &ContextMeter::recount);
        connect(conversation, &ConversationController::chatChanged, this, &ContextMeter::recount);
        connect(rows, &QAbstractItemModel::modelReset, this, &ContextMeter::recount);
        connect(rows, &QAbstractItemModel::rowsInserted, this, &ContextMeter::recount);
        connect(rows, &QAbstractItemModel::rowsRemoved, this, &ContextMeter::recount);
        connect(rows, &QAbstractItemModel::dataChanged, this, &ContextMeter::recount);
    }
    Q_EMIT conversationChanged();
    recount();
}

void ContextMeter::recount()
{
    qint64 context = 0, used = 0;
    bool estimated = true;
    if (m_conversation && m_client) {
        const QString provider = m_conversation->provider(), model = m_conversation->model();
        if (const auto known = m_client->catalogueModel(provider, model))
            context = known->contextTokens;
        // From the end: what was written after the last counted reply, then that reply's count.
        qint64 chars = 0;
        m_conversation->messages()->visitFromEnd([&](const ConversationModel::Message &m) {
            if (m.role == u"assistant" && m.tokensIn >= 0 && m.tokensOut >= 0 && m.status != ConversationModel::Streaming) {
                used = m.tokensIn + m.tokensOut;
                estimated = false;
                return false;
            }
            chars += m.text.size() + m.reasoning.size();
            return true;
        });
        if (estimated)
            chars += m_conversation->systemPrompt().size();
        used += (chars + kCharsPerToken - 1) / kCharsPerToken;
    }
    if (context == m_context && used == m_used && estimated == m_estimated)
        return;
    m_context = context;
    m_used = used;
    m_estimated = estimated;
    Q_EMIT changed();
}

QString ContextMeter::text() const
{
    const QLocale locale;
    if (!known())
        return tr("%Ln tokens (the model's context window is not known)", nullptr, int(m_used));
    return tr("%1 of %2 tokens").arg(locale.toString(m_used), locale.toString(m_context));
}
