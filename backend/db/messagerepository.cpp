#include "db/messagerepository.h"

#include "db/nativerows.h"
#include "db/sqlquery.h"

#include <QHash>
#include <QJsonDocument>

namespace teehee {
namespace {
#define TEEHEE_MESSAGE_COLUMNS \
    "m.id, m.chat_session_id, m.parent_message_id, m.role, m.content, m.timestamp, m.is_partial," \
    " m.model, m.provider, m.status, m.seq, m.finish_reason, m.tokens_in, m.tokens_out, m.updated_at"

// Reads the columns of TEEHEE_MESSAGE_COLUMNS, in that order.
MessageRecord readMessage(const NativeRows &r)
{
    MessageRecord m;
    m.id = r.text(0);
    m.chatId = r.text(1);
    m.parentId = r.text(2);
    m.role = r.text(3);
    m.content = r.json(4);
    m.timestamp = r.time(5);
    m.isPartial = r.boolean(6);
    m.model = r.text(7);
    m.provider = r.text(8);
    m.status = r.text(9);
    m.seq = r.integer(10);
    m.finishReason = r.text(11);
    m.tokensIn = r.optionalInt(12);
    m.tokensOut = r.optionalInt(13);
    m.updatedAt = r.time(14);
    return m;
}

QByteArray idParam(const QString &id)
{
    return id.toLower().toUtf8();
}

QVariant optionalValue(const std::optional<int> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType::fromType<int>());
}

Error messageNotFound() { return Error::notFound(QStringLiteral("Message not found")); }
}

QVariant MessageRepository::streamOwner(const MessageRecord &m) const
{
    if (m.status != MessageStatus::Streaming || m_db.serverId().isEmpty())
        return QVariant(QMetaType::fromType<QString>());
    return m_db.serverId();
}

// content.usage.cost_usd, the one place a reply's cost is written: the
// column follows it, so usage totals need no JSON functions.
static QVariant costOf(const MessageRecord &m)
{
    const QJsonValue cost = m.content.value(QStringLiteral("usage")).toObject().value(QStringLiteral("cost_usd"));
    return cost.isDouble() ? QVariant(cost.toDouble()) : QVariant(QMetaType::fromType<double>());
}

Result<MessageRecord> MessageRepository::insert(MessageRecord m) const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    if (m.id.isEmpty())
        m.id = newUuid();
    if (m.seq == 0)
        m.seq = nextSequence();
    if (!m.timestamp.isValid())
        m.timestamp = QDateTime::currentDateTimeUtc();
    if (!m.updatedAt.isValid())
        m.updatedAt = m.timestamp;
    SqlQuery q(db.value(), QStringLiteral(
        "INSERT INTO messages (id, chat_session_id, parent_message_id, role, content, timestamp, is_partial,"
        " model, provider, status, seq, finish_reason, tokens_in, tokens_out, updated_at, stream_owner, cost_usd)"
        " VALUES (:id, :chat, :parent, :role, :content, :ts, :partial, :model, :provider, :status, :seq,"
        " :finish, :tin, :tout, :updated, :owner, :cost)"));
    q.bind(QStringLiteral(":id"), m.id).bind(QStringLiteral(":chat"), m.chatId)
        .bindText(QStringLiteral(":parent"), m.parentId).bind(QStringLiteral(":role"), m.role)
        .bindJson(QStringLiteral(":content"), m.content).bindTime(QStringLiteral(":ts"), m.timestamp)
        .bind(QStringLiteral(":partial"), m.isPartial).bindText(QStringLiteral(":model"), m.model)
        .bindText(QStringLiteral(":provider"), m.provider).bind(QStringLiteral(":status"), m.status)
        .bind(QStringLiteral(":seq"), m.seq).bindText(QStringLiteral(":finish"), m.finishReason)
        .bind(QStringLiteral(":tin"), optionalValue(m.tokensIn)).bind(QStringLiteral(":tout"), optionalValue(m.tokensOut))
        .bindTime(QStringLiteral(":updated"), m.updatedAt).bind(QStringLiteral(":owner"), streamOwner(m))
        .bind(QStringLiteral(":cost"), costOf(m));
    if (auto st = q.exec(); !st)
        return st.error();
    return m;
}

Result<MessageRecord> MessageRepository::get(const QString &messageId) const
{
    if (!isUuid(messageId))
        return messageNotFound();
    auto db = m_db.connection();
    if (!db)
        return db.error();
    auto rows = NativeRows::select(db.value(), "SELECT " TEEHEE_MESSAGE_COLUMNS " FROM messages m WHERE m.id = $1",
                                   {idParam(messageId)});
    if (!rows)
        return rows.error();
    if (!rows->next())
        return rows->error() ? Result<MessageRecord>(*rows->error()) : messageNotFound();
    return readMessage(rows.value());
}

Result<MessageRecord> MessageRepository::getForUser(const QString &userId, const QString &messageId) const
{
    if (!isUuid(userId) || !isUuid(messageId))
        return messageNotFound();
    auto db = m_db.connection();
    if (!db)
        return db.error();
    auto rows = NativeRows::select(db.value(), "SELECT " TEEHEE_MESSAGE_COLUMNS " FROM messages m"
                                   " JOIN chat_sessions c ON c.id = m.chat_session_id WHERE m.id = $1 AND c.user_id = $2",
                                   {idParam(messageId), idParam(userId)});
    if (!rows)
        return rows.error();
    if (!rows->next())
        return rows->error() ? Result<MessageRecord>(*rows->error()) : messageNotFound();
    return readMessage(rows.value());
}

Result<QList<PlacedMessage>> MessageRepository::listForChat(const QString &chatId) const
{
    if (!isUuid(chatId))
        return QList<PlacedMessage>{};
    auto db = m_db.connection();
    if (!db)
        return db.error();
    // One index range scan in creation order; sibling positions are counted
    // here in one pass (SQL window functions cost more than the whole scan).
    auto rows = NativeRows::select(db.value(), "SELECT " TEEHEE_MESSAGE_COLUMNS " FROM messages m"
                                   " WHERE m.chat_session_id = $1 ORDER BY m.seq", {idParam(chatId)});
    if (!rows)
        return rows.error();
    QList<PlacedMessage> out;
    QHash<QString, int> seen; // parent id ("" for roots) → children so far
    while (rows->next()) {
        PlacedMessage p{readMessage(rows.value()), {}};
        p.position.index = seen[p.message.parentId]++;
        out << std::move(p);
    }
    if (rows->error())
        return *rows->error();
    for (PlacedMessage &p : out)
        p.position.count = seen.value(p.message.parentId);
    return out;
}

Result<int> MessageRepository::countForChat(const QString &chatId) const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("SELECT COUNT(*) FROM messages WHERE chat_session_id = :chat"));
    q.bind(QStringLiteral(":chat"), chatId);
    if (auto st = q.exec(); !st)
        return st.error();
    q.next();
    return q.value(0).toInt();
}

Result<QList<MessageRecord>> MessageRepository::pathToRoot(const QString &messageId) const
{
    if (!isUuid(messageId))
        return messageNotFound();
    auto db = m_db.connection();
    if (!db)
        return db.error();
    // The rows travel inside the recursion: one primary-key lookup per level,
    // no second join back to messages.
    auto rows = NativeRows::select(db.value(),
        "WITH RECURSIVE path AS ("
        "  SELECT " TEEHEE_MESSAGE_COLUMNS ", 0 AS depth FROM messages m WHERE m.id = $1"
        "  UNION ALL"
        "  SELECT " TEEHEE_MESSAGE_COLUMNS ", path.depth + 1 FROM messages m JOIN path ON m.id = path.parent_message_id"
        ") SELECT " TEEHEE_MESSAGE_COLUMNS " FROM path m ORDER BY depth DESC", {idParam(messageId)});
    if (!rows)
        return rows.error();
    QList<MessageRecord> out;
    while (rows->next())
        out << readMessage(rows.value());
    if (rows->error())
        return *rows->error();
    if (out.isEmpty())
        return messageNotFound();
    return out;
}

Result<QList<MessageRecord>> MessageRepository::children(const QString &chatId, const QString &parentId) const
{
    if (!isUuid(chatId) || (!parentId.isEmpty() && !isUuid(parentId)))
        return QList<MessageRecord>{};
    auto db = m_db.connection();
    if (!db)
        return db.error();
    auto rows = parentId.isEmpty()
        ? NativeRows::select(db.value(), "SELECT " TEEHEE_MESSAGE_COLUMNS " FROM messages m"
                             " WHERE m.chat_session_id = $1 AND m.parent_message_id IS NULL ORDER BY m.seq", {idParam(chatId)})
        : NativeRows::select(db.value(), "SELECT " TEEHEE_MESSAGE_COLUMNS " FROM messages m"
                             " WHERE m.chat_session_id = $1 AND m.parent_message_id = $2 ORDER BY m.seq",
                             {idParam(chatId), idParam(parentId)});
    if (!rows)
        return rows.error();
    QList<MessageRecord> out;
    while (rows->next())
        out << readMessage(rows.value());
    if (rows->error())
        return *rows->error();
    return out;
}

Result<QList<PlacedMessage>> MessageRepository::pathTail(const QString &messageId, int count) const
{
    if (!isUuid(messageId) || count < 1)
        return messageNotFound();
    auto db = m_db.connection();
    if (!db)
        return db.error();
    // The depth limit is a literal: a bound text parameter would compare as
    // text on SQLite. Sibling positions are counted per row by the same
    // indexed lookups siblingPosition() uses.
    const QByteArray sql =
        "WITH RECURSIVE path AS ("
        "  SELECT " TEEHEE_MESSAGE_COLUMNS ", 0 AS depth FROM messages m WHERE m.id = $1"
        "  UNION ALL"
        "  SELECT " TEEHEE_MESSAGE_COLUMNS ", path.depth + 1 FROM messages m JOIN path ON m.id = path.parent_message_id"
        "  WHERE path.depth + 1 < " + QByteArray::number(count) +
        ") SELECT " TEEHEE_MESSAGE_COLUMNS ","
        " CASE WHEN m.parent_message_id IS NULL"
        "  THEN (SELECT COUNT(*) FROM messages s WHERE s.chat_session_id = m.chat_session_id AND s.parent_message_id IS NULL AND s.seq < m.seq)"
        "  ELSE (SELECT COUNT(*) FROM messages s WHERE s.parent_message_id = m.parent_message_id AND s.seq < m.seq) END,"
        " CASE WHEN m.parent_message_id IS NULL"
        "  THEN (SELECT COUNT(*) FROM messages s WHERE s.chat_session_id = m.chat_session_id AND s.parent_message_id IS NULL)"
        "  ELSE (SELECT COUNT(*) FROM messages s WHERE s.parent_message_id = m.parent_message_id) END"
        " FROM path m ORDER BY depth DESC";
    auto rows = NativeRows::select(db.value(), sql.constData(), {idParam(messageId)});
    if (!rows)
        return rows.error();
    QList<PlacedMessage> out;
    while (rows->next())
        out << PlacedMessage{readMessage(rows.value()), {int(rows->integer(15)), std::max(1, int(rows->integer(16)))}};
    if (rows->error())
        return *rows->error();
    if (out.isEmpty())
        return messageNotFound();
    return out;
}

Result<SiblingPosition> MessageRepository::siblingPosition(const MessageRecord &message) const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    // The parent alone names the siblings; adding the chat would tempt the
    // planner into scanning the whole chat.
    const QString where = message.parentId.isEmpty()
        ? QStringLiteral("chat_session_id = :chat AND parent_message_id IS NULL")
        : QStringLiteral("parent_message_id = :parent");
    SqlQuery q(db.value(), QStringLiteral("SELECT COUNT(*), COALESCE(SUM(CASE WHEN seq < :seq THEN 1 ELSE 0 END), 0)"
                                          " FROM messages WHERE %1").arg(where));
    q.bind(QStringLiteral(":seq"), message.seq);
    if (message.parentId.isEmpty())
        q.bind(QStringLiteral(":chat"), message.chatId);
    else
        q.bind(QStringLiteral(":parent"), message.parentId);
    if (auto st = q.exec(); !st)
        return st.error();
    q.next();
    return SiblingPosition{q.value(1).toInt(), std::max(1, q.value(0).toInt())};
}

Result<QString> MessageRepository::deepestRecentDescendant(const QString &messageId) const
{
    if (!isUuid(messageId))
        return messageNotFound();
    auto db = m_db.connection();
    if (!db)
        return db.error();
    // One indexed child lookup per level: (parent_message_id, seq) DESC LIMIT 1.
    SqlQuery q(db.value(), QStringLiteral(
        "WITH RECURSIVE down(id, depth) AS ("
        "  SELECT id, 0 FROM messages WHERE id = :id"
        "  UNION ALL"
        "  SELECT (SELECT c.id FROM messages c WHERE c.parent_message_id = down.id ORDER BY c.seq DESC LIMIT 1),"
        "         down.depth + 1 FROM down WHERE down.id IS NOT NULL"
        ") SELECT id FROM down WHERE id IS NOT NULL ORDER BY depth DESC LIMIT 1"));
    q.bind(QStringLiteral(":id"), messageId.toLower());
    if (auto st = q.exec(); !st)
        return st.error();
    if (!q.next())
        return messageNotFound();
    return sqlvalue::text(q.value(0));
}

Status MessageRepository::update(const MessageRecord &m) const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral(
        "UPDATE messages SET content = :content, is_partial = :partial, status = :status, model = :model,"
        " provider = :provider, finish_reason = :finish, tokens_in = :tin, tokens_out = :tout, updated_at = :updated,"
        " stream_owner = :owner, cost_usd = :cost WHERE id = :id"));
    q.bindJson(QStringLiteral(":content"), m.content).bind(QStringLiteral(":partial"), m.isPartial)
        .bind(QStringLiteral(":status"), m.status).bindText(QStringLiteral(":model"), m.model)
        .bindText(QStringLiteral(":provider"), m.provider).bindText(QStringLiteral(":finish"), m.finishReason)
        .bind(QStringLiteral(":tin"), optionalValue(m.tokensIn)).bind(QStringLiteral(":tout"), optionalValue(m.tokensOut))
        .bindTime(QStringLiteral(":updated"), m.updatedAt.isValid() ? m.updatedAt : QDateTime::currentDateTimeUtc())
        .bind(QStringLiteral(":owner"), streamOwner(m)).bind(QStringLiteral(":cost"), costOf(m))
        .bind(QStringLiteral(":id"), m.id);
    if (auto st = q.exec(); !st)
        return st;
    if (q.rowsAffected() == 0)
        return messageNotFound();
    return success();
}

Result<bool> MessageRepository::updateStreamingContent(const QString &messageId, const QByteArray &contentJson,
                                                       const QByteArray &updatedAt) const
{
    if (!isUuid(messageId))
        return false;
    auto db = m_db.connection();
    if (!db)
        return db.error();
    auto rows = NativeRows::select(db.value(),
                                   "UPDATE messages SET content = $1, updated_at = $2 WHERE id = $3 AND status = $4 RETURNING id",
                                   {contentJson, updatedAt, idParam(messageId), MessageStatus::Streaming.toUtf8()});
    if (!rows)
        return rows.error();
    const bool landed = rows->next();
    while (rows->next()) {
    } // to the end: SQLite finishes the statement there
    if (rows->error())
        return *rows->error();
    return landed;
}

Result<int> MessageRepository::markInterruptedStreams() const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("UPDATE messages SET status = :aborted, is_partial = :partial, updated_at = :now"
                                          " WHERE status = :streaming"));
    q.bind(QStringLiteral(":aborted"), MessageStatus::Aborted).bind(QStringLiteral(":partial"), true)
        .bindTime(QStringLiteral(":now"), QDateTime::currentDateTimeUtc())
        .bind(QStringLiteral(":streaming"), MessageStatus::Streaming);
    if (auto st = q.exec(); !st)
        return st.error();
    return q.rowsAffected();
}

} // namespace teehee
