#include "conversationcontroller.h"

#include "chattoolschoice.h"

#include "chatlistcontroller.h"
#include "failuretext.h"
#include "messagerows.h"

#include <QDateTime>
#include <QElapsedTimer>

using namespace teehee::client;

ConversationController::ConversationController(QObject *parent) : QObject(parent)
{
    connect(&m_wanted, &WantedMessage::revealed, this, &ConversationController::messageRevealed);
    connect(&m_wanted, &WantedMessage::failed, this, &ConversationController::fail);
    connect(this, &ConversationController::chatChanged, this, [this] {
        // The first message writes a new chat: the chip's choice becomes the chat's.
        if (m_toolsChatId.isEmpty() && !m_chatId.isEmpty() && m_toolsEnabled)
            chattoolschoice::setEnabled(m_chatId, true);
        if (m_toolsChatId != m_chatId && !m_chatId.isEmpty())
            m_toolsEnabled = false; // a new chat starts without tools
        m_toolsChatId = m_chatId;
        Q_EMIT toolsEnabledChanged();
    });
}

void ConversationController::setChatList(ChatListController *chatList)
{
    if (m_chatList == chatList)
        return;
    if (m_chatList)
        disconnect(m_chatList, nullptr, this, nullptr);
    if (m_client)
        disconnect(m_client, nullptr, this, nullptr);
    m_chatList = chatList;
    m_client = chatList ? chatList->client() : nullptr;
    Q_EMIT chatListChanged();
    if (!m_chatList)
        return;
    connect(m_chatList, &ChatListController::currentChatChanged, this, [this] { open(m_chatList->currentChatId()); });
    connect(m_chatList, &ChatListController::chatChanged, this, [this](const ChatInfo &chat) {
        if (chat.id != m_chatId)
            return;
        adoptChat(chat);
        Q_EMIT chatChanged();
        Q_EMIT selectionChanged();
    });
    connect(m_chatList, &ChatListController::messageWanted, this, [this](const QString &chatId, const QString &messageId) {
        if (chatId == m_chatId)
            m_wanted.want(m_client, chatId, messageId, !m_loading);
    });
    connect(m_client, &ChatClient::turnEvent, this, &ConversationController::onTurnEvent);
    connect(m_client, &ChatClient::messageChanged, this, [this](const MessageInfo &m) {
        if (m.chatId == m_chatId && m_model.message(m.id))
            m_model.upsert(rowOf(m));
    });
    connect(m_client, &ChatClient::branchChanged, this, [this](const QString &chatId) {
        if (chatId == m_chatId)
            reload();
    });
    open(m_chatList->currentChatId());
}

void ConversationController::open(const QString &chatId)
{
    if (chatId == m_chatId)
        return;
    const int serial = ++m_loadSerial;
    m_chatId = chatId;
    m_settingsAnswered = m_settingsWritten; // another chat's writes no longer hold this one's settings
    m_chat = {};
    if (m_chatList)
        if (auto info = m_chatList->chatInfo(chatId))
            m_chat = *info;
    if (!m_pendingProvider.isEmpty() && m_chat.provider.isEmpty() && !chatId.isEmpty()) {
        // The model picked before the chat existed becomes the new chat's.
        chooseModel(std::exchange(m_pendingProvider, {}), std::exchange(m_pendingModel, {}));
    }
    if (!m_pendingOptions.isEmpty() && m_chat.options.isEmpty() && !chatId.isEmpty()) {
        m_chat.options = std::exchange(m_pendingOptions, {});
        m_client->setChatOptions(this, chatId, m_chat.options, [this](const ClientError &e) { fail(e); });
    }
    // Asked first: the backend reads while the views below follow the switch.
    if (!chatId.isEmpty())
        load(chatId, serial);
    if (m_streamingId.size()) {
        m_streamingId.clear();
        Q_EMIT streamingChanged();
    }
    if (!m_lastError.isEmpty()) {
        m_lastError.clear(); // another chat's trouble is not this one's
        Q_EMIT errorOccurred({});
    }
    Q_EMIT chatChanged();
    Q_EMIT selectionChanged();
    if (chatId.isEmpty()) {
        m_model.clear();
        setLoading(false); // a load still in flight for the previous chat no longer counts
        return;
    }
    // The previous chat's rows stay until the new ones arrive (a few ms): the
    // view is then updated once instead of emptied, rebuilt and repositioned.
    setLoading(true);
}

void ConversationController::load(const QString &chatId, int serial)
{
    m_opening = true;
    QElapsedTimer clock;
    clock.start();
    // First the end of the path (what the view shows, one query), then all of it.
    m_client->chatPage(this, chatId, ConversationModel::kWindow, [this, serial, clock](const Outcome<ChatPage> &tail) {
        if (serial != m_loadSerial || !tail.ok())
            return;
        showPage(tail.value, clock.elapsed());
        if (tail.value.complete)
            setLoading(false);
    });
    m_client->chatPage(this, chatId, 0, [this, serial, clock](const Outcome<ChatPage> &all) {
        if (serial != m_loadSerial)
            return;
        setLoading(false);
        if (!all.ok())
            return fail(all.error);
        QList<ConversationModel::Message> rows;
        rows.reserve(all.value.path.size());
        for (const MessageInfo &m : all.value.path)
            rows << rowOf(m);
        if (!m_model.adoptFullPath(std::move(rows))) // moved: a copy would duplicate every row
            showPage(all.value, clock.elapsed());
        m_wanted.pathLoaded(m_chatId);
    });
}

void ConversationController::reload()
{
    if (m_chatId.isEmpty())
        return;
    const int serial = ++m_loadSerial;
    QElapsedTimer clock;
    clock.start();
    m_client->chatPage(this, m_chatId, 0, [this, serial, clock](const Outcome<ChatPage> &page) {
        if (serial != m_loadSerial)
            return;
        if (!page.ok())
            return fail(page.error);
        showPage(page.value, clock.elapsed());
        m_wanted.pathLoaded(m_chatId);
    });
}

void ConversationController::showPage(const ChatPage &page, qint64 startedMs)
{
    if (page.chat.id != m_chatId)
        return;
    QList<ConversationModel::Message> rows;
    rows.reserve(page.path.size());
    for (const MessageInfo &m : page.path)
        rows << rowOf(m);
    // Rows the view already shows stay (a branch switch keeps the view where it is).
    m_model.mergePath(std::move(rows));
    m_lastLoadMs = startedMs;
    // Opening showed the chat list's copy already: views re-read only what changed.
    if (page.chat != m_chat) {
        adoptChat(page.chat);
        Q_EMIT chatChanged();
        Q_EMIT selectionChanged();
    }
    Q_EMIT loaded();
    if (std::exchange(m_opening, false))
        Q_EMIT opened();
}

bool ConversationController::canStart() const
{
    return m_client && m_client->state() == ChatClient::State::Ready && !streaming() && !m_starting;
}

bool ConversationController::send(const QString &text, const QStringList &attachments)
{
    const QString trimmed = text.trimmed();
    if ((trimmed.isEmpty() && attachments.isEmpty()) || !canStart() || !m_chatList)
        return false;
    m_starting = true;
    m_chatList->ensureChat([this, trimmed, attachments](const QString &chatId) {
        if (chatId.isEmpty()) {
            m_starting = false;
            return;
        }
        open(chatId);
        TurnRequest request;
        request.chatId = chatId;
        request.text = trimmed;
        request.attachments = attachments;
        start(request);
        Q_EMIT sent();
    });
    return true;
}

void ConversationController::stop()
{
    if (!streaming() && !m_starting)
        return;
    m_client->stopTurn(m_streamingId.isEmpty() ? m_chatId : m_streamingId);
}

void ConversationController::continueMessage(const QString &messageId)
{
    again(TurnRequest::Kind::Continue, messageId);
}

void ConversationController::regenerate(const QString &messageId)
{
    again(TurnRequest::Kind::Regenerate, messageId);
}

void ConversationController::again(TurnRequest::Kind kind, const QString &messageId)
{
    if (!canStart())
        return;
    TurnRequest request;
    request.kind = kind;
    request.chatId = m_chatId;
    request.messageId = messageId;
    m_starting = true;
    start(request);
}

void ConversationController::editAndResubmit(const QString &messageId, const QString &text)
{
    const auto *m = m_model.message(messageId);
    if (!m || text.trimmed().isEmpty() || !canStart())
        return;
    TurnRequest request;
    request.chatId = m_chatId;
    request.text = text.trimmed();
    request.parentId = m->parentId;
    request.newRoot = m->parentId.isEmpty();
    request.attachments = attachmentIds(*m);
    m_starting = true;
    start(request);
}

void ConversationController::start(TurnRequest request)
{
    request.provider = provider();
    request.model = model();
    request.tools = toolsEnabled();
    m_client->startTurn(this, request, [this](const Outcome<QString> &r) {
        m_starting = false;
        if (!r.ok())
            fail(r.error);
    });
}

void ConversationController::onTurnEvent(const TurnEvent &e)
{
    if (e.chatId != m_chatId)
        return;
    switch (e.type) {
    case TurnEvent::Type::Started:
        return onStarted(e);
    case TurnEvent::Type::Token:
        return m_model.streamText(e.messageId, e.token, e.content);
    case TurnEvent::Type::Reasoning:
        return m_model.streamReasoning(e.messageId, e.token, e.reasoning);
    case TurnEvent::Type::ToolCall:
    case TurnEvent::Type::ToolResult: {
        // Steps within the reply, not its end.
        ToolCallInfo call{e.callId, e.toolServer, e.toolName, e.toolArguments, e.toolStatus, e.toolContent};
        QVariantMap row = toolCallRow(call);
        if (e.type == TurnEvent::Type::ToolResult) { // only the outcome: what the call showed stays
            row.remove(QStringLiteral("server"));
            row.remove(QStringLiteral("tool"));
            row.remove(QStringLiteral("arguments"));
        }
        return m_model.updateToolCall(e.messageId, row);
    }
    default:
        return onEnded(e);
    }
}

void ConversationController::onStarted(const TurnEvent &e)
{
    m_streamingId = e.messageId;
    Q_EMIT streamingChanged();
    for (const MessageInfo &row : e.rows)
        m_model.branchTo(rowOf(row));
    if (const auto *m = m_model.message(e.messageId)) {
        ConversationModel::Message updated = *m;
        updated.status = ConversationModel::Streaming;
        updated.text = e.content;
        updated.error.clear();
        updated.isPartial = false;
        updated.rateLimited = false;
        updated.retryAt = 0;
        m_model.upsert(updated);
    } else {
        reload(); // a reply of this chat this view has no row for
    }
}

void ConversationController::onEnded(const TurnEvent &e)
{
    m_model.flushPending();
    // A refused turn arrives as one Failed event with its kept rows.
    for (const MessageInfo &row : e.rows)
        m_model.branchTo(rowOf(row));
    if (const auto *m = m_model.message(e.messageId)) {
        ConversationModel::Message updated = *m;
        updated.text = e.content;
        updated.status = rowStatus(e.status());
        updated.error = e.errorReason == Failure::None || e.rateLimited ? e.error : failureText({e.errorReason, e.error});
        updated.errorReason = failureName(e.errorReason);
        updated.isPartial = e.type != TurnEvent::Type::Completed || e.finishReason == QLatin1String("length");
        updated.tokensIn = e.inputTokens;
        updated.tokensOut = e.outputTokens;
        updated.costUsd = e.costUsd;
        // The notice counts down to this moment; an absolute time survives
        // delegates being recreated while the view scrolls.
        updated.rateLimited = e.rateLimited;
        updated.retryAt = e.rateLimited && e.retryAfterSeconds >= 0
                              ? QDateTime::currentMSecsSinceEpoch() + qint64(e.retryAfterSeconds) * 1000 : 0;
        m_model.upsert(updated);
    }
    if (e.messageId == m_streamingId) {
        m_streamingId.clear();
        Q_EMIT streamingChanged();
    }
    Q_EMIT replyFinished(e.messageId, rowStatus(e.status()));
}

void ConversationController::switchBranch(const QString &messageId, int delta)
{
    const auto *m = m_model.message(messageId);
    if (!m || m->siblingCount < 2)
        return;
    const int target = m->siblingIndex + delta;
    if (target < 0 || target >= m->siblingCount)
        return;
    // The client's branchChanged() reloads the path.
    m_client->switchSibling(this, messageId, delta, [this](const ClientError &e) { fail(e); });
}

void ConversationController::deleteMessage(const QString &messageId)
{
    m_client->deleteMessage(this, messageId, [this](const ClientError &e) { fail(e); });
}

void ConversationController::forkFrom(const QString &messageId)
{
    if (m_chatList)
        m_chatList->forkChat(m_chatId, messageId);
}

void ConversationController::setLoading(bool loading)
{
    if (std::exchange(m_loading, loading) != loading)
        Q_EMIT loadingChanged();
}

void ConversationController::fail(const ClientError &error)
{
    if (error.ok())
        return;
    m_lastError = failureText(error);
    Q_EMIT errorOccurred(m_lastError);
}
