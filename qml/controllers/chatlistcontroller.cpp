#include "chatlistcontroller.h"

#include "clientprovider.h"
#include "failuretext.h"

#include <QClipboard>
#include <QGuiApplication>

using namespace teehee::client;

namespace {
ChatListModel::Chat rowOf(const ChatInfo &c)
{
    return {c.id, c.name, c.updatedAt, c.untitled};
}
} // namespace

ChatListController::ChatListController(ChatClient *client, QObject *parent) : QObject(parent), m_client(client)
{
    m_deleteTimer.setSingleShot(true);
    m_deleteTimer.setInterval(5000);
    connect(&m_deleteTimer, &QTimer::timeout, this, &ChatListController::commitPendingDelete);
    connect(client, &ChatClient::chatCreated, this, &ChatListController::remember);
    connect(client, &ChatClient::chatUpdated, this, &ChatListController::remember);
    connect(client, &ChatClient::chatDeleted, this, [this](const QString &chatId) {
        m_info.remove(chatId);
        m_chats.remove(chatId);
        if (chatId == m_currentId)
            openChat(m_chats.idAt(0));
    });
    if (client->state() == ChatClient::State::Ready)
        onReady();
    else
        connect(client, &ChatClient::stateChanged, this, [this] {
            if (m_client->state() == ChatClient::State::Ready)
                onReady();
        });
}

ChatListController *ChatListController::create(QQmlEngine *, QJSEngine *)
{
    return new ChatListController(ClientProvider::client());
}

void ChatListController::onReady()
{
    disconnect(m_client, &ChatClient::stateChanged, this, nullptr);
    refresh();
}

QString ChatListController::currentChatName() const
{
    const auto chat = m_chats.chat(m_currentId);
    return chat ? ChatListModel::shownName(*chat) : QString();
}

std::optional<ChatInfo> ChatListController::chatInfo(const QString &chatId) const
{
    const auto it = m_info.constFind(chatId);
    return it == m_info.cend() ? std::nullopt : std::optional<ChatInfo>(*it);
}

void ChatListController::remember(const ChatInfo &chat)
{
    const QString before = m_info.value(chat.id).name;
    m_info.insert(chat.id, chat);
    if (chat.id != m_pendingDelete.id)
        m_chats.upsert(rowOf(chat));
    if (chat.id != m_currentId)
        return;
    // Every new message moves the chat up the list; only a new name is news for the window.
    if (chat.name != before)
        Q_EMIT currentChatChanged();
    Q_EMIT chatChanged(chat);
}

void ChatListController::refresh()
{
    m_client->listChats(this, [this](const Outcome<QList<ChatInfo>> &r) {
        if (!r.ok())
            return fail(r.error);
        QList<ChatListModel::Chat> list;
        for (const ChatInfo &c : r.value) {
            m_info.insert(c.id, c);
            if (c.id != m_pendingDelete.id)
                list.append(rowOf(c));
        }
        m_chats.setChats(list);
        if (m_currentId.isEmpty() && !list.isEmpty())
            openChat(list.first().id);
        if (!m_listLoaded) {
            m_listLoaded = true;
            Q_EMIT listLoadedChanged();
        }
    });
}

void ChatListController::newChat()
{
    m_client->freshChat(this, [this](const Outcome<ChatInfo> &r) {
        if (!r.ok())
            return fail(r.error);
        remember(r.value);
        m_chats.keepVisible(r.value.id);
        setCurrent(r.value.id);
    });
}

void ChatListController::ensureChat(std::function<void(QString)> then)
{
    if (!m_currentId.isEmpty())
        return then(m_currentId);
    m_client->freshChat(this, [this, then](const Outcome<ChatInfo> &r) {
        if (!r.ok()) {
            fail(r.error);
            return then({}); // the caller learns that there is no chat
        }
        remember(r.value);
        m_chats.keepVisible(r.value.id);
        setCurrent(r.value.id);
        then(r.value.id);
    });
}

void ChatListController::openChat(const QString &chatId)
{
    if (chatId != m_currentId)
        setCurrent(chatId);
}

void ChatListController::openChatAt(const QString &chatId, const QString &messageId)
{
    openChat(chatId);
    Q_EMIT messageWanted(chatId, messageId);
}

void ChatListController::renameChat(const QString &chatId, const QString &name)
{
    const QString trimmed = name.simplified();
    if (trimmed.isEmpty())
        return;
    if (auto chat = m_chats.chat(chatId)) { // show it at once; the client's signal confirms
        chat->name = trimmed;
        chat->untitled = false;
        m_chats.upsert(*chat);
        Q_EMIT currentChatChanged();
    }
    m_client->renameChat(this, chatId, trimmed, [this](const ClientError &e) { fail(e); });
}

void ChatListController::deleteChat(const QString &chatId)
{
    commitPendingDelete();
    const auto chat = m_chats.chat(chatId);
    if (!chat)
        return;
    m_pendingDelete = *chat;
    const int row = m_chats.indexOf(chatId);
    m_chats.remove(chatId);
    if (chatId == m_currentId)
        openChat(m_chats.idAt(qMin(row, m_chats.rowCount() - 1)));
    m_deleteTimer.start();
    Q_EMIT pendingDeleteChanged();
}

void ChatListController::undoDelete()
{
    if (m_pendingDelete.id.isEmpty())
        return;
    m_deleteTimer.stop();
    const ChatListModel::Chat chat = m_pendingDelete;
    m_pendingDelete = {};
    m_chats.upsert(chat);
    openChat(chat.id);
    Q_EMIT pendingDeleteChanged();
}

void ChatListController::commitPendingDelete()
{
    m_deleteTimer.stop();
    if (m_pendingDelete.id.isEmpty())
        return;
    const QString id = m_pendingDelete.id;
    m_pendingDelete = {};
    Q_EMIT pendingDeleteChanged();
    m_client->deleteChat(this, id, [this](const ClientError &e) { fail(e); });
}

void ChatListController::forkChat(const QString &chatId, const QString &messageId)
{
    m_client->forkChat(this, chatId, messageId, [this](const Outcome<ChatInfo> &r) {
        if (!r.ok())
            return fail(r.error);
        remember(r.value);
        m_chats.keepVisible(r.value.id);
        setCurrent(r.value.id);
    });
}

void ChatListController::copyToClipboard(const QString &text) const
{
    if (auto *clipboard = QGuiApplication::clipboard())
        clipboard->setText(text);
}

void ChatListController::fail(const ClientError &error)
{
    if (error.ok())
        return;
    m_lastError = failureText(error);
    Q_EMIT errorOccurred(m_lastError);
}

void ChatListController::setCurrent(const QString &id)
{
    m_currentId = id;
    Q_EMIT currentChatChanged();
}
