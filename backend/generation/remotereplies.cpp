#include "generation/remotereplies.h"

#include "core/logging.h"
#include "db/database.h"
#include "db/messagerepository.h"
#include "db/pgnotifications.h"
#include "db/records.h"
#include "db/streamingreplies.h"
#include "generation/accountevents.h"
#include "generation/savewriter.h"

namespace teehee {

namespace {
QString reasoningOf(const MessageRecord &row)
{
    return row.content.value(QStringLiteral("reasoning")).toString();
}
}

RemoteReplies::RemoteReplies(const Database &db, PgNotifications &notifications, std::function<qint64()> nextSeq,
                             QObject *parent)
    : QObject(parent), m_db(db), m_nextSeq(std::move(nextSeq))
{
    connect(&notifications, &PgNotifications::received, this, &RemoteReplies::onNotification);
}

void RemoteReplies::follow(const QString &chatId)
{
    ++m_followers[chatId];
}

void RemoteReplies::unfollow(const QString &chatId)
{
    if (--m_followers[chatId] > 0)
        return;
    m_followers.remove(chatId);
    m_tracked.removeIf([&chatId](const auto &it) { return it.value().chatId == chatId; });
}

std::optional<RemoteReplies::Resume> RemoteReplies::resume(const QString &userId, const QString &chatId)
{
    auto streaming = StreamingReplies(m_db).inChat(userId, chatId);
    if (!streaming || !streaming.value() || streaming.value()->owner == m_db.serverId())
        return std::nullopt;
    const QString messageId = streaming.value()->messageId;
    if (!m_tracked.contains(messageId)) {
        auto row = MessageRepository(m_db).get(messageId);
        if (!row || row->status != MessageStatus::Streaming)
            return std::nullopt;
        m_tracked.insert(messageId, Tracked{chatId, row->parentId, row->text(), reasoningOf(row.value())});
    }
    const Tracked &t = m_tracked[messageId];
    return Resume{messageId, t.parentMessageId, t.text, t.reasoning};
}

void RemoteReplies::onNotification(const QString &channel, const QString &payload)
{
    if (channel != SaveWriter::kSavedChannel)
        return;
    const qsizetype tab = payload.indexOf(u'\t');
    if (tab < 0 || !m_followers.contains(payload.mid(tab + 1)))
        return;
    catchUp(payload.left(tab));
}

void RemoteReplies::onRemoteEvent(const AccountEvent &event)
{
    const bool started = event.type == AccountEvent::Type::StreamStarted;
    if ((!started && event.type != AccountEvent::Type::StreamEnded) || !m_followers.contains(event.chatId))
        return;
    if (!started)
        return catchUp(event.messageId); // the end's own save may still be on its way: its notification ends it then
    if (m_tracked.contains(event.messageId))
        return; // a socket already resumed it
    auto row = MessageRepository(m_db).get(event.messageId);
    if (!row)
        return;
    Tracked t{event.chatId, row->parentId, row->text(), reasoningOf(row.value())};
    GenerationEvent e = eventFor(t, event.messageId, GenerationEvent::Type::Started);
    e.continued = !t.text.isEmpty();
    e.content = t.text;
    m_tracked.insert(event.messageId, t);
    Q_EMIT this->event(e);
}

void RemoteReplies::catchUp(const QString &messageId)
{
    if (!m_tracked.contains(messageId))
        return; // started before any socket here: its first socket resumes it
    auto row = MessageRepository(m_db).get(messageId);
    if (!row) {
        qCWarning(lcGeneration).noquote() << "a reply streaming on another server was not read:" << row.error().message;
        return;
    }
    if (sendNew(messageId, row.value()) && row->status != MessageStatus::Streaming)
        finish(messageId, row.value());
}

// Every emit may end a follower (a client gone), and with the last one the
// reply is no longer tracked: it is looked up again after each.
bool RemoteReplies::sendNew(const QString &messageId, const MessageRecord &row)
{
    auto tracked = m_tracked.find(messageId);
    if (tracked == m_tracked.end())
        return false;
    const QString reasoning = reasoningOf(row);
    if (reasoning.size() > tracked->reasoning.size() && reasoning.startsWith(tracked->reasoning)) {
        GenerationEvent e = eventFor(tracked.value(), messageId, GenerationEvent::Type::Reasoning);
        e.token = reasoning.mid(tracked->reasoning.size());
        e.content = reasoning;
        tracked->reasoning = reasoning;
        Q_EMIT event(e);
        tracked = m_tracked.find(messageId);
        if (tracked == m_tracked.end())
            return false;
    }
    const QString text = row.text();
    if (text.size() > tracked->text.size() && text.startsWith(tracked->text)) {
        GenerationEvent e = eventFor(tracked.value(), messageId, GenerationEvent::Type::Token);
        e.token = text.mid(tracked->text.size());
        e.content = text;
        tracked->text = text;
        Q_EMIT event(e);
    }
    return m_tracked.contains(messageId);
}

void RemoteReplies::finish(const QString &messageId, const MessageRecord &row)
{
    const Tracked tracked = m_tracked.take(messageId);
    const QString &status = row.status;
    GenerationEvent end = eventFor(tracked, messageId,
                                   status == MessageStatus::Complete ? GenerationEvent::Type::Completed
                                   : status == MessageStatus::Error  ? GenerationEvent::Type::Failed
                                                                     : GenerationEvent::Type::Aborted);
    end.content = tracked.text;
    end.finishReason = row.finishReason;
    end.inputTokens = row.tokensIn.value_or(-1);
    end.outputTokens = row.tokensOut.value_or(-1);
    end.error = row.content.value(QStringLiteral("error")).toString();
    end.errorReason = row.content.value(QStringLiteral("error_reason")).toString();
    Q_EMIT event(end);
}

GenerationEvent RemoteReplies::eventFor(const Tracked &tracked, const QString &messageId, GenerationEvent::Type type)
{
    GenerationEvent e;
    e.type = type;
    e.seq = m_nextSeq();
    e.chatId = tracked.chatId;
    e.messageId = messageId;
    e.parentMessageId = tracked.parentMessageId;
    return e;
}

} // namespace teehee
