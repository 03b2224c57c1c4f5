#pragma once

#include "core/error.h"
#include "db/database.h"
#include "db/records.h"

#include <QList>
#include <QStringList>

namespace teehee {

// Uploaded files (records.h AttachmentRecord), scoped to their owner: another
// user's attachment is NotFound, as a missing one is.
class AttachmentRepository {
public:
    explicit AttachmentRepository(const Database &db) : m_db(db) {}

    // Stores a new attachment; id and created_at are filled in when empty.
    Result<AttachmentRecord> create(AttachmentRecord attachment) const;
    // The description without the bytes.
    Result<AttachmentRecord> find(const QString &userId, const QString &id) const;
    // The description and the bytes.
    Result<AttachmentRecord> load(const QString &userId, const QString &id) const;
    // The descriptions of those of `ids` that are the user's, in the order of `ids`.
    Result<QList<AttachmentRecord>> findMany(const QString &userId, const QStringList &ids) const;
    Status remove(const QString &userId, const QString &id) const;

private:
    Result<AttachmentRecord> read(const QString &userId, const QString &id, bool withBytes) const;

    const Database &m_db;
};

} // namespace teehee
