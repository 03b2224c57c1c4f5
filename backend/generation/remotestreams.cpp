#include "generation/remotestreams.h"

#include "core/logging.h"
#include "db/database.h"
#include "db/pgnotifications.h"
#include "db/streamingreplies.h"

namespace teehee {

namespace {
constexpr QChar kSeparator = u'\t';
}

RemoteStreams::RemoteStreams(const Database &db, PgNotifications &notifications, QObject *parent)
    : QObject(parent), m_db(db), m_notifications(notifications)
{
    connect(&notifications, &PgNotifications::received, this, &RemoteStreams::onNotification);
}

Status RemoteStreams::checkIdle(const QString &userId, const QString &chatId) const
{
    auto streaming = StreamingReplies(m_db).inChat(userId, chatId);
    if (!streaming)
        return streaming.error();
    if (!streaming.value())
        return success();
    return Error::conflict(QStringLiteral("A reply is already being generated in this chat (message %1); "
                                          "abort it or wait for it to finish").arg(streaming.value()->messageId))
        .withReason(ErrorReason::ReplyRunning);
}

bool RemoteStreams::abort(const QString &userId, const QString &chatId, const QString &messageId)
{
    auto streaming = StreamingReplies(m_db).inChat(userId, chatId);
    if (!streaming) {
        qCWarning(lcGeneration).noquote() << "cannot look for a reply streaming elsewhere:" << streaming.error().message;
        return false;
    }
    const std::optional<StreamingReply> &reply = streaming.value();
    if (!reply || reply->owner.isEmpty() || reply->owner == m_db.serverId()
        || (!messageId.isEmpty() && messageId.toLower() != reply->messageId))
        return false;
    if (auto st = m_notifications.send(kAbortChannel, reply->owner + kSeparator + reply->messageId); !st) {
        qCWarning(lcGeneration).noquote() << "cannot ask another server to abort a reply:" << st.error().message;
        return false;
    }
    qCInfo(lcGeneration).noquote() << "asked server" << logSafe(reply->owner) << "to abort reply" << reply->messageId;
    return true;
}

void RemoteStreams::onNotification(const QString &channel, const QString &payload)
{
    if (channel != kAbortChannel)
        return;
    const qsizetype separator = payload.indexOf(kSeparator);
    if (separator < 0 || QStringView(payload).left(separator) != m_db.serverId())
        return; // meant for another server
    Q_EMIT abortRequested(payload.mid(separator + 1));
}

} // namespace teehee
