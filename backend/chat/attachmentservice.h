#pragma once

#include "core/config.h"
#include "core/error.h"
#include "db/attachmentrepository.h"
#include "db/database.h"
#include "providers/chatrequest.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace teehee {

// Files a user uploads for their messages (spec/api.md, "Attachments"). Only
// the owner reads or deletes one; another user's id is NotFound. Lives on the
// backend thread, like ChatService.
class AttachmentService {
public:
    AttachmentService(const Database &db, const Config &config);

    // Most attachments one message may carry.
    static constexpr int kMaxPerMessage = 20;

    // Stores `bytes` after judging their type (attachmenttype::sniff): TooLarge
    // over ATTACHMENT_MAX_BYTES, UnsupportedType for what is not accepted.
    Result<AttachmentRecord> upload(const QString &userId, const QString &name, const QString &declaredType,
                                    const QByteArray &bytes) const;
    Result<AttachmentRecord> download(const QString &userId, const QString &id) const;
    // Deletes it; the messages that carried it keep it listed, marked `removed`.
    Status remove(const QString &userId, const QString &id) const;

    // content.attachments for a new message: [{id, name, mime_type, size}] of
    // the user's attachments `ids` (an unknown one: InvalidInput naming it).
    Result<QJsonArray> describe(const QString &userId, const QStringList &ids) const;
    // Fills in the bytes of every attachment in `messages` (the user's own);
    // one deleted since is marked removed.
    Status load(const QString &userId, QList<ChatMessage> &messages) const;

    // The attachments a saved message lists (content.attachments), without bytes.
    static QList<ChatAttachment> listed(const QJsonObject &content);
    static QJsonObject toJson(const AttachmentRecord &a); // {id, name, mime_type, size, sha256, created_at}
    qint64 maxBytes() const { return m_maxBytes; }

private:
    const Database &m_db;
    AttachmentRepository m_repo;
    qint64 m_maxBytes;
};

} // namespace teehee
