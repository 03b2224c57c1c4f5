#include "chatcontroller.h"

#include "backendhost.h"
#include "conversationloader.h"

#include "backend.h"
#include "chat/chatservice.h"
#include "db/messagerepository.h"

#include <QClipboard>
#include <QElapsedTimer>
#include <QGuiApplication>

using teehee::ChatDetail;
using teehee::ChatRecord;
using teehee::PlacedMessage;
using teehee::Result;
using Services = BackendHost::Services;

namespace {
ChatListModel::Chat toChat(const ChatRecord &c)
{
    return {c.id, c.name, c.updatedAt};
}
// What a failed call tells the person, or empty when it worked.
template <typename T>
QString errorOf(const Result<T> &r)
{
    return r ? QString() : r.error().message;
}
} // namespace

ChatController::ChatController(BackendHost *host, QObject *parent) : QObject(parent), m_host(host)
{
    m_deleteTimer.setSingleShot(true);
    m_deleteTimer.setInterval(5000);
    connect(&m_deleteTimer, &QTimer::timeout, this, &ChatController::commitPendingDelete);
    if (host->ready())
        onReady();
    else
        connect(host, &BackendHost::statusChanged, this, [this] {
            if (m_host->ready())
                onReady();
        });
}

ChatController *ChatController::create(QQmlEngine *engine, QJSEngine *)
{
    auto *host = engine->singletonInstance<BackendHost *>(qmlTypeId("Teehee", 1, 0, "BackendHost"));
    return new ChatController(host);
}

QString ChatController::currentChatName() const
{
    const auto chat = m_chats.chat(m_currentId);
    return chat ? chat->name : QString();
}

void ChatController::onReady()
{
    disconnect(m_host, &BackendHost::statusChanged, this, nullptr);
    subscribe();
    refresh();
}

// Changes made by anyone (this app's generation engine included) reach the
// views through the service's signals, delivered queued to this thread.
void ChatController::subscribe()
{
    QPointer<ChatController> self(this);
    m_host->post([self](Services s) {
        if (!self)
            return;
        auto *svc = &s.backend.chats();
        const QString uid = s.userId;
        ChatController *me = self.data();
        connect(svc, &teehee::ChatService::chatCreated, me, [me, uid](const ChatRecord &c) {
            if (c.userId == uid)
                me->m_chats.upsert(toChat(c));
        });
        connect(svc, &teehee::ChatService::chatUpdated, me, [me, uid](const ChatRecord &c) {
            if (c.userId != uid)
                return;
            me->m_chats.upsert(toChat(c));
            if (c.id == me->m_currentId)
                me->setCurrent(c.id, c.systemPrompt);
        });
        connect(svc, &teehee::ChatService::chatDeleted, me, [me](const QString &, const QString &chatId) {
            me->m_chats.remove(chatId);
            if (chatId == me->m_currentId)
                me->openChat(me->m_chats.idAt(0));
        });
        connect(svc, &teehee::ChatService::messageAdded, me, [me, uid](const QString &user, const PlacedMessage &pm) {
            if (user != uid || pm.message.chatId != me->m_currentId)
                return;
            const auto *last = me->m_conversation.last();
            if (pm.message.parentId.isEmpty() ? last == nullptr : (last && last->id == pm.message.parentId))
                me->m_conversation.upsert(ConversationLoader::toMessage(pm));
            else
                me->reloadConversation(); // a new branch: sibling counts and the path change
        });
        connect(svc, &teehee::ChatService::messageUpdated, me, [me, uid](const QString &user, const PlacedMessage &pm) {
            if (user == uid && pm.message.chatId == me->m_currentId && me->m_conversation.message(pm.message.id))
                me->m_conversation.upsert(ConversationLoader::toMessage(pm));
        });
    });
}

void ChatController::refresh()
{
    m_host->run(this, [](Services s) { return s.backend.chats().listChats(s.userId); },
                [this](const Result<QList<ChatRecord>> &r) {
                    if (!r)
                        return fail(r.error().message);
                    QList<ChatListModel::Chat> list;
                    for (const ChatRecord &c : r.value())
                        if (c.id != m_pendingDelete.id)
                            list.append(toChat(c));
                    m_chats.setChats(list);
                    if (m_currentId.isEmpty() && !list.isEmpty())
                        openChat(list.first().id);
                    if (!m_listLoaded) {
                        m_listLoaded = true;
                        Q_EMIT listLoadedChanged();
                    }
                });
}

void ChatController::newChat()
{
    // An empty chat is already a new chat: do not pile them up.
    if (!m_currentId.isEmpty() && m_conversation.rowCount() == 0 && !m_loading)
        return;
    m_host->run(this, [](Services s) { return s.backend.chats().createChat(s.userId); },
                [this](const Result<ChatRecord> &r) {
                    if (!r)
                        return fail(r.error().message);
                    m_chats.upsert(toChat(r.value()));
                    m_conversation.clear();
                    setCurrent(r->id, r->systemPrompt);
                });
}

void ChatController::ensureChat(std::function<void(QString)> then)
{
    if (!m_currentId.isEmpty())
        return then(m_currentId);
    m_host->run(this, [](Services s) { return s.backend.chats().createChat(s.userId); },
                [this, then](const Result<ChatRecord> &r) {
                    if (!r) {
                        fail(r.error().message);
                        return then({}); // the caller learns that there is no chat
                    }
                    m_chats.upsert(toChat(r.value()));
                    m_conversation.clear();
                    setCurrent(r->id, r->systemPrompt);
                    then(r->id);
                });
}

void ChatController::openChat(const QString &chatId)
{
    const int serial = ++m_loadSerial;
    if (chatId.isEmpty()) {
        m_conversation.clear();
        setCurrent({}, {});
        return;
    }
    // The previous chat's rows stay until the new ones arrive (a few ms): the
    // view is then updated once instead of emptied, rebuilt and repositioned.
    setCurrent(chatId, {});
    setLoading(true);
    QElapsedTimer clock;
    clock.start();
    // First the end of the path (what the view shows), then the whole path.
    m_host->run(this, [chatId](Services s) { return ConversationLoader::tail(s, chatId, ConversationModel::kWindow); },
                [this, serial, clock](const ConversationLoader::Loaded &tail) {
                    if (serial != m_loadSerial)
                        return;
                    if (tail.path.isEmpty() && tail.chatId == m_currentId)
                        m_conversation.clear(); // an empty chat
                    else if (!tail.path.isEmpty())
                        showLoaded(tail, clock.elapsed());
                });
    m_host->run(this, [chatId](Services s) { return ConversationLoader::fromDetail(s.backend.chats().chatDetail(s.userId, chatId)); },
                [this, serial, clock](const ConversationLoader::Loaded &loaded) {
                    if (serial != m_loadSerial)
                        return;
                    setLoading(false);
                    if (!loaded.error.isEmpty())
                        return fail(loaded.error);
                    if (loaded.chatId == m_currentId && m_conversation.adoptFullPath(loaded.path))
                        return;
                    showLoaded(loaded, clock.elapsed());
                });
}

void ChatController::reloadConversation()
{
    if (m_currentId.isEmpty())
        return;
    const int serial = ++m_loadSerial;
    QElapsedTimer clock;
    clock.start();
    m_host->run(this, [id = m_currentId](Services s) { return ConversationLoader::fromDetail(s.backend.chats().chatDetail(s.userId, id)); },
                [this, serial, clock](const ConversationLoader::Loaded &loaded) {
                    if (serial == m_loadSerial)
                        showLoaded(loaded, clock.elapsed());
                });
}

void ChatController::showLoaded(const ConversationLoader::Loaded &loaded, qint64 startedMs)
{
    if (!loaded.error.isEmpty())
        return fail(loaded.error);
    if (loaded.chatId != m_currentId)
        return;
    m_conversation.setMessages(loaded.path);
    setCurrent(loaded.chatId, loaded.systemPrompt);
    m_lastLoadMs = startedMs;
    Q_EMIT conversationLoaded();
}

void ChatController::renameChat(const QString &chatId, const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return;
    if (auto chat = m_chats.chat(chatId)) { // show it at once; the backend's answer confirms
        chat->name = trimmed;
        m_chats.upsert(*chat);
        Q_EMIT currentChatChanged();
    }
    m_host->run(this, [chatId, trimmed](Services s) { return errorOf(s.backend.chats().renameChat(s.userId, chatId, trimmed)); },
                [this](const QString &error) { if (!error.isEmpty()) fail(error); });
}

void ChatController::deleteChat(const QString &chatId)
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

void ChatController::undoDelete()
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

void ChatController::commitPendingDelete()
{
    m_deleteTimer.stop();
    if (m_pendingDelete.id.isEmpty())
        return;
    const QString id = m_pendingDelete.id;
    m_pendingDelete = {};
    Q_EMIT pendingDeleteChanged();
    m_host->run(this, [id](Services s) { return errorOf(s.backend.chats().deleteChat(s.userId, id)); },
                [this](const QString &error) { if (!error.isEmpty()) fail(error); });
}

void ChatController::setSystemPrompt(const QString &prompt)
{
    if (m_currentId.isEmpty() || prompt == m_systemPrompt)
        return;
    m_systemPrompt = prompt;
    Q_EMIT currentChatChanged();
    m_host->run(this, [id = m_currentId, prompt](Services s) { return errorOf(s.backend.chats().setSystemPrompt(s.userId, id, prompt)); },
                [this](const QString &error) { if (!error.isEmpty()) fail(error); });
}

void ChatController::forkFrom(const QString &messageId)
{
    m_host->run(this, [id = m_currentId, messageId](Services s) {
        auto forked = s.backend.chats().forkChat(s.userId, id, messageId);
        return std::make_pair(forked ? toChat(forked->chat) : ChatListModel::Chat{}, ConversationLoader::fromDetail(forked));
    }, [this](const std::pair<ChatListModel::Chat, ConversationLoader::Loaded> &r) {
        if (!r.second.error.isEmpty())
            return fail(r.second.error);
        m_chats.upsert(r.first);
        setCurrent(r.second.chatId, r.second.systemPrompt);
        showLoaded(r.second, 0);
    });
}

void ChatController::forkChat(const QString &chatId)
{
    m_host->run(this, [chatId](Services s) {
        auto chat = s.backend.chats().chat(s.userId, chatId);
        if (!chat)
            return std::make_pair(ChatListModel::Chat{}, ConversationLoader::Loaded{chat.error().message, {}, {}, {}});
        if (chat->activeLeafId.isEmpty())
            return std::make_pair(ChatListModel::Chat{}, ConversationLoader::Loaded{tr("An empty chat has nothing to fork."), {}, {}, {}});
        auto forked = s.backend.chats().forkChat(s.userId, chatId, chat->activeLeafId);
        return std::make_pair(forked ? toChat(forked->chat) : ChatListModel::Chat{}, ConversationLoader::fromDetail(forked));
    }, [this](const std::pair<ChatListModel::Chat, ConversationLoader::Loaded> &r) {
        if (!r.second.error.isEmpty())
            return fail(r.second.error);
        m_chats.upsert(r.first);
        setCurrent(r.second.chatId, r.second.systemPrompt);
        showLoaded(r.second, 0);
    });
}

void ChatController::deleteMessage(const QString &messageId)
{
    m_host->run(this, [messageId](Services s) { return errorOf(s.backend.chats().deleteMessage(s.userId, messageId)); },
                [this](const QString &error) { if (!error.isEmpty()) fail(error); });
}

void ChatController::switchBranch(const QString &messageId, int delta)
{
    const auto *m = m_conversation.message(messageId);
    if (!m || m->siblingCount < 2)
        return;
    const int target = m->siblingIndex + delta;
    if (target < 0 || target >= m->siblingCount)
        return;
    const QString chatId = m_currentId;
    const QString parentId = m->parentId;
    m_host->run(this, [chatId, parentId, target](Services s) -> Result<ChatDetail> {
        auto siblings = teehee::MessageRepository(s.backend.database()).children(chatId, parentId);
        if (!siblings)
            return siblings.error();
        if (target >= siblings->size())
            return teehee::Error::notFound(tr("That branch no longer exists."));
        return s.backend.chats().setActiveBranch(s.userId, chatId, siblings->at(target).id);
    }, [this](const Result<ChatDetail> &r) {
        if (!r)
            return fail(r.error().message);
        showLoaded(ConversationLoader::fromDetail(r), 0);
    });
}

void ChatController::copyToClipboard(const QString &text) const
{
    if (auto *clipboard = QGuiApplication::clipboard())
        clipboard->setText(text);
}

QString ChatController::lastReplyText() const
{
    const auto all = m_conversation.messages();
    for (auto it = all.crbegin(); it != all.crend(); ++it)
        if (it->role == QLatin1String("assistant"))
            return it->text;
    return {};
}

void ChatController::nameFromFirstMessage(const QString &text)
{
    const auto chat = m_chats.chat(m_currentId);
    if (!chat || chat->name != teehee::ChatService::kDefaultName || m_conversation.rowCount() > 0)
        return;
    QString title = text.simplified();
    if (title.size() > 48)
        title = title.left(47).trimmed() + QChar(0x2026);
    renameChat(m_currentId, title);
}

void ChatController::touchCurrentChat()
{
    if (auto chat = m_chats.chat(m_currentId)) {
        chat->updatedAt = QDateTime::currentDateTimeUtc();
        m_chats.upsert(*chat);
    }
}

void ChatController::setLoading(bool loading)
{
    if (m_loading != loading) {
        m_loading = loading;
        Q_EMIT loadingChanged();
    }
}

void ChatController::fail(const QString &message)
{
    m_lastError = message;
    Q_EMIT errorOccurred(message);
}

void ChatController::setCurrent(const QString &id, const QString &systemPrompt)
{
    m_currentId = id;
    m_systemPrompt = systemPrompt;
    Q_EMIT currentChatChanged();
}
