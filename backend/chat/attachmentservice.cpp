#include "chat/attachmentservice.h"

#include "chat/attachmenttype.h"
#include "db/messagerepository.h"
#include "db/sqlquery.h"

#include <QCryptographicHash>

namespace teehee {

AttachmentService::AttachmentService(const Database &db, const Config &config)
    : m_db(db), m_repo(db), m_maxBytes(config.attachmentMaxBytes)
{
}

Result<AttachmentRecord> AttachmentService::upload(const QString &userId, const QString &name,
                                                   const QString &declaredType, const QByteArray &bytes) const
{
    if (bytes.size() > m_maxBytes)
        return Error{ErrorCode::TooLarge, QStringLiteral("The file is larger than %1 bytes (ATTACHMENT_MAX_BYTES)").arg(m_maxBytes)};
    if (bytes.isEmpty())
        return Error::invalid(QStringLiteral("file: the file is empty"));
    auto type = attachmenttype::sniff(bytes, declaredType, name);
    if (!type)
        return type.error();
    AttachmentRecord a;
    a.userId = userId;
    a.name = attachmenttype::cleanName(name);
    a.mimeType = type.value();
    a.bytes = bytes;
    a.sha256 = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    auto created = m_repo.create(std::move(a));
    if (!created)
        return created.error();
    created->bytes.clear();
    return created;
}

Result<AttachmentRecord> AttachmentService::download(const QString &userId, const QString &id) const
{
    return m_repo.load(userId, id);
}

Status AttachmentService::remove(const QString &userId, const QString &id) const
{
    auto found = m_repo.find(userId, id);
    if (!found)
        return found.error();
    auto db = m_db.connection();
    if (!db)
        return db.error();
    Transaction tx(db.value());
    if (auto st = tx.begin(); !st)
        return st;
    // The messages that carried it (the id appears in their content) keep it listed, marked removed.
    SqlQuery q(db.value(), QStringLiteral("SELECT m.id FROM messages m JOIN chat_sessions c ON c.id = m.chat_session_id"
                                          " WHERE c.user_id = :user AND CAST(m.content AS TEXT) LIKE :pattern"));
    q.bind(QStringLiteral(":user"), found->userId).bind(QStringLiteral(":pattern"), QStringLiteral("%%1%").arg(found->id));
    if (auto st = q.exec(); !st)
        return st;
    QStringList messageIds;
    while (q.next())
        messageIds << sqlvalue::text(q.value(0));
    MessageRepository messages(m_db);
    for (const QString &messageId : std::as_const(messageIds)) {
        auto m = messages.get(messageId);
        if (!m)
            return m.error();
        QJsonArray listed = m->content.value(QStringLiteral("attachments")).toArray();
        bool changed = false;
        for (auto it = listed.begin(); it != listed.end(); ++it) {
            QJsonObject entry = it->toObject();
            if (entry.value(QStringLiteral("id")).toString() != found->id)
                continue;
            entry.insert(QStringLiteral("removed"), true);
            *it = entry;
            changed = true;
        }
        if (!changed)
            continue;
        MessageRecord updated = m.value();
        updated.content.insert(QStringLiteral("attachments"), listed);
        if (auto st = messages.update(updated); !st)
            return st;
    }
    if (auto st = m_repo.remove(userId, id); !st)
        return st;
    return tx.commit();
}

Result<QJsonArray> AttachmentService::describe(const QString &userId, const QStringList &ids) const
{
    if (ids.size() > kMaxPerMessage)
        return Error::invalid(QStringLiteral("attachments: at most %1 per message").arg(kMaxPerMessage));
    QJsonArray out;
    QStringList seen;
    for (const QString &id : ids) {
        if (seen.contains(id.toLower()))
            continue;
        seen << id.toLower();
        auto a = m_repo.find(userId, id);
        if (!a) {
            if (a.error().code == ErrorCode::NotFound)
                return Error::invalid(QStringLiteral("attachments: no attachment \"%1\"").arg(id.left(64)));
            return a.error();
        }
        out.append(QJsonObject{{QStringLiteral("id"), a->id}, {QStringLiteral("name"), a->name},
                               {QStringLiteral("mime_type"), a->mimeType}, {QStringLiteral("size"), a->size}});
    }
    return out;
}

Status AttachmentService::load(const QString &userId, QList<ChatMessage> &messages) const
{
    for (ChatMessage &m : messages) {
        for (ChatAttachment &a : m.attachments) {
            if (a.removed)
                continue;
            auto stored = m_repo.load(userId, a.id);
            if (stored) {
                a.bytes = std::move(stored->bytes);
                a.mimeType = stored->mimeType;
            } else if (stored.error().code == ErrorCode::NotFound) {
                a.removed = true;
            } else {
                return stored.error();
            }
        }
    }
    return success();
}

QList<ChatAttachment> AttachmentService::listed(const QJsonObject &content)
{
    QList<ChatAttachment> out;
    const QJsonArray array = content.value(QStringLiteral("attachments")).toArray();
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        ChatAttachment a;
        a.id = o.value(QStringLiteral("id")).toString();
        a.name = o.value(QStringLiteral("name")).toString();
        a.mimeType = o.value(QStringLiteral("mime_type")).toString();
        a.removed = o.value(QStringLiteral("removed")).toBool();
        if (!a.id.isEmpty())
            out.append(a);
    }
    return out;
}

QJsonObject AttachmentService::toJson(const AttachmentRecord &a)
{
    return QJsonObject{{QStringLiteral("id"), a.id},
                       {QStringLiteral("name"), a.name},
                       {QStringLiteral("mime_type"), a.mimeType},
                       {QStringLiteral("size"), a.size},
                       {QStringLiteral("sha256"), a.sha256},
                       {QStringLiteral("created_at"), sqlvalue::isoTime(a.createdAt)}};
}

} // namespace teehee
