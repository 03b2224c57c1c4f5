#include "db/messagerepository.h"

#include "db/sqlquery.h"

#include <QHash>
#include <QRegularExpression>

namespace teehee {
namespace {
const QString kColumns = QStringLiteral(
    "m.id, m.chat_session_id, m.parent_message_id, m.role, m.content, m.timestamp, m.is_partial,"
    " m.model, m.provider, m.status, m.seq, m.finish_reason, m.tokens_in, m.tokens_out, m.updated_at");

// The columns as read back. PostgreSQL hands over UUID, JSONB and TIMESTAMPTZ as
// text, which QPSQL would otherwise convert value by value (its date parsing
// alone costs more than the query); sqlvalue:: parses our formats quickly.
const QString &readColumns(Dialect dialect)
{
    static const QString sqlite = kColumns;
    static const QString postgres = [] {
        QString cols = kColumns;
        for (const char *c : {"m.id", "m.chat_session_id", "m.parent_message_id", "m.content", "m.timestamp", "m.updated_at"}) {
            const QString name = QLatin1String(c);
            cols.replace(QRegularExpression(QRegularExpression::escape(name) + QStringLiteral("(?=,|$)")), name + QStringLiteral("::text"));
        }
        return cols;
    }();
    return dialect == Dialect::Postgres ? postgres : sqlite;
}

std::optional<int> optionalInt(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    return v.toInt();
}

MessageRecord readMessage(SqlQuery &q)
{
    MessageRecord m;
    m.id = sqlvalue::text(q.value(0));
    m.chatId = sqlvalue::text(q.value(1));
    m.parentId = sqlvalue::text(q.value(2));
    m.role = sqlvalue::text(q.value(3));
    m.content = sqlvalue::json(q.value(4));
    m.timestamp = sqlvalue::time(q.value(5));
    m.isPartial = q.value(6).toBool();
    m.model = sqlvalue::text(q.value(7));
    m.provider = sqlvalue::text(q.value(8));
    m.status = sqlvalue::text(q.value(9));
    m.seq = q.value(10).toLongLong();
    m.finishReason = sqlvalue::text(q.value(11));
    m.tokensIn = optionalInt(q.value(12));
    m.tokensOut = optionalInt(q.value(13));
    m.updatedAt = sqlvalue::time(q.value(14));
    return m;
}

QVariant optionalValue(const std::optional<int> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType::fromType<int>());
}

Error messageNotFound() { return Error::notFound(QStringLiteral("Message not found")); }
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
        " model, provider, status, seq, finish_reason, tokens_in, tokens_out, updated_at)"
        " VALUES (:id, :chat, :parent, :role, :content, :ts, :partial, :model, :provider, :status, :seq,"
        " :finish, :tin, :tout, :updated)"));
    q.bind(QStringLiteral(":id"), m.id).bind(QStringLiteral(":chat"), m.chatId)
        .bindText(QStringLiteral(":parent"), m.parentId).bind(QStringLiteral(":role"), m.role)
        .bindJson(QStringLiteral(":content"), m.content).bindTime(QStringLiteral(":ts"), m.timestamp)
        .bind(QStringLiteral(":partial"), m.isPartial).bindText(QStringLiteral(":model"), m.model)
        .bindText(QStringLiteral(":provider"), m.provider).bind(QStringLiteral(":status"), m.status)
        .bind(QStringLiteral(":seq"), m.seq).bindText(QStringLiteral(":finish"), m.finishReason)
        .bind(QStringLiteral(":tin"), optionalValue(m.tokensIn)).bind(QStringLiteral(":tout"), optionalValue(m.tokensOut))
        .bindTime(QStringLiteral(":updated"), m.updatedAt);
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
    SqlQuery q(db.value(), QStringLiteral("SELECT %1 FROM messages m WHERE m.id = :id").arg(readColumns(m_db.dialect())));
    q.bind(QStringLiteral(":id"), messageId.toLower());
    if (auto st = q.exec(); !st)
        return st.error();
    if (!q.next())
        return messageNotFound();
    return readMessage(q);
}

Result<MessageRecord> MessageRepository::getForUser(const QString &userId, const QString &messageId) const
{
    if (!isUuid(userId) || !isUuid(messageId))
        return messageNotFound();
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("SELECT %1 FROM messages m JOIN chat_sessions c ON c.id = m.chat_session_id"
                                          " WHERE m.id = :id AND c.user_id = :user").arg(readColumns(m_db.dialect())));
    q.bind(QStringLiteral(":id"), messageId.toLower()).bind(QStringLiteral(":user"), userId);
    if (auto st = q.exec(); !st)
        return st.error();
    if (!q.next())
        return messageNotFound();
    return readMessage(q);
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
    SqlQuery q(db.value(), QStringLiteral("SELECT %1 FROM messages m WHERE m.chat_session_id = :chat ORDER BY m.seq").arg(readColumns(m_db.dialect())));
    q.bind(QStringLiteral(":chat"), chatId.toLower());
    if (auto st = q.exec(); !st)
        return st.error();
    QList<PlacedMessage> out;
    QHash<QString, int> seen; // parent id ("" for roots) → children so far
    while (q.next()) {
        PlacedMessage p{readMessage(q), {}};
        p.position.index = seen[p.message.parentId]++;
        out << std::move(p);
    }
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
    SqlQuery q(db.value(), QStringLiteral(
        "WITH RECURSIVE path AS ("
        "  SELECT %1, 0 AS depth FROM messages m WHERE m.id = :id"
        "  UNION ALL"
        "  SELECT %1, path.depth + 1 FROM messages m JOIN path ON m.id = path.parent_message_id"
        ") SELECT %2 FROM path m ORDER BY depth DESC").arg(kColumns, readColumns(m_db.dialect())));
    q.bind(QStringLiteral(":id"), messageId.toLower());
    if (auto st = q.exec(); !st)
        return st.error();
    QList<MessageRecord> out;
    while (q.next())
        out << readMessage(q);
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
    const QString where = parentId.isEmpty() ? QStringLiteral("m.chat_session_id = :chat AND m.parent_message_id IS NULL")
                                             : QStringLiteral("m.chat_session_id = :chat AND m.parent_message_id = :parent");
    SqlQuery q(db.value(), QStringLiteral("SELECT %1 FROM messages m WHERE %2 ORDER BY m.seq").arg(readColumns(m_db.dialect()), where));
    q.bind(QStringLiteral(":chat"), chatId.toLower());
    if (!parentId.isEmpty())
        q.bind(QStringLiteral(":parent"), parentId.toLower());
    if (auto st = q.exec(); !st)
        return st.error();
    QList<MessageRecord> out;
    while (q.next())
        out << readMessage(q);
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
        " provider = :provider, finish_reason = :finish, tokens_in = :tin, tokens_out = :tout, updated_at = :updated"
        " WHERE id = :id"));
    q.bindJson(QStringLiteral(":content"), m.content).bind(QStringLiteral(":partial"), m.isPartial)
        .bind(QStringLiteral(":status"), m.status).bindText(QStringLiteral(":model"), m.model)
        .bindText(QStringLiteral(":provider"), m.provider).bindText(QStringLiteral(":finish"), m.finishReason)
        .bind(QStringLiteral(":tin"), optionalValue(m.tokensIn)).bind(QStringLiteral(":tout"), optionalValue(m.tokensOut))
        .bindTime(QStringLiteral(":updated"), m.updatedAt.isValid() ? m.updatedAt : QDateTime::currentDateTimeUtc())
        .bind(QStringLiteral(":id"), m.id);
    if (auto st = q.exec(); !st)
        return st;
    if (q.rowsAffected() == 0)
        return messageNotFound();
    return success();
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
