#include "db/attachmentrepository.h"

#include "db/sqlquery.h"

namespace teehee {
namespace {
const QString kColumns = QStringLiteral("id, user_id, name, mime_type, size, sha256, created_at");

AttachmentRecord readAttachment(SqlQuery &q, bool withBytes)
{
    AttachmentRecord a;
    a.id = sqlvalue::text(q.value(0));
    a.userId = sqlvalue::text(q.value(1));
    a.name = sqlvalue::text(q.value(2));
    a.mimeType = sqlvalue::text(q.value(3));
    a.size = q.value(4).toLongLong();
    a.sha256 = sqlvalue::text(q.value(5));
    a.createdAt = sqlvalue::time(q.value(6));
    if (withBytes)
        a.bytes = q.value(7).toByteArray();
    return a;
}

Error attachmentNotFound() { return Error::notFound(QStringLiteral("Attachment not found")); }
} // namespace

Result<AttachmentRecord> AttachmentRepository::create(AttachmentRecord a) const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    if (a.id.isEmpty())
        a.id = newUuid();
    if (!a.createdAt.isValid())
        a.createdAt = QDateTime::currentDateTimeUtc();
    a.size = a.bytes.size();
    SqlQuery q(db.value(), QStringLiteral("INSERT INTO attachments (id, user_id, name, mime_type, size, sha256, bytes, created_at)"
                                          " VALUES (:id, :user, :name, :mime, :size, :sha, :bytes, :created)"));
    q.bind(QStringLiteral(":id"), a.id).bind(QStringLiteral(":user"), a.userId).bind(QStringLiteral(":name"), a.name)
        .bind(QStringLiteral(":mime"), a.mimeType).bind(QStringLiteral(":size"), a.size)
        .bind(QStringLiteral(":sha"), a.sha256).bind(QStringLiteral(":bytes"), a.bytes)
        .bindTime(QStringLiteral(":created"), a.createdAt);
    if (auto st = q.exec(); !st)
        return st.error();
    return a;
}

Result<AttachmentRecord> AttachmentRepository::find(const QString &userId, const QString &id) const
{
    return read(userId, id, false);
}

Result<AttachmentRecord> AttachmentRepository::load(const QString &userId, const QString &id) const
{
    return read(userId, id, true);
}

Result<AttachmentRecord> AttachmentRepository::read(const QString &userId, const QString &id, bool withBytes) const
{
    if (!isUuid(userId) || !isUuid(id))
        return attachmentNotFound();
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("SELECT %1%2 FROM attachments WHERE id = :id AND user_id = :user")
                               .arg(kColumns, withBytes ? QStringLiteral(", bytes") : QString()));
    q.bind(QStringLiteral(":id"), id.toLower()).bind(QStringLiteral(":user"), userId.toLower());
    if (auto st = q.exec(); !st)
        return st.error();
    if (!q.next())
        return attachmentNotFound();
    return readAttachment(q, withBytes);
}

Result<QList<AttachmentRecord>> AttachmentRepository::findMany(const QString &userId, const QStringList &ids) const
{
    QList<AttachmentRecord> out;
    for (const QString &id : ids) {
        auto a = find(userId, id);
        if (a)
            out.append(std::move(a).value());
        else if (a.error().code != ErrorCode::NotFound)
            return a.error();
    }
    return out;
}

Status AttachmentRepository::remove(const QString &userId, const QString &id) const
{
    if (!isUuid(userId) || !isUuid(id))
        return attachmentNotFound();
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("DELETE FROM attachments WHERE id = :id AND user_id = :user"));
    q.bind(QStringLiteral(":id"), id.toLower()).bind(QStringLiteral(":user"), userId.toLower());
    if (auto st = q.exec(); !st)
        return st;
    if (q.rowsAffected() < 1)
        return attachmentNotFound();
    return success();
}

} // namespace teehee
