#include "auth/attemptstores.h"

#include "auth/attemptlog.h"
#include "auth/sharedattemptstore.h"
#include "db/database.h"

namespace teehee {

AttemptStores AttemptStores::forDatabase(const Database &db, const QByteArray &keySecret)
{
    AttemptStores stores;
    if (db.dialect() == Dialect::Postgres) {
        stores.m_db = &db;
        stores.m_keySecret = keySecret;
    }
    return stores;
}

std::unique_ptr<AttemptStore> AttemptStores::make(const QString &kind, qint64 retentionMs, size_t maxPerKey) const
{
    if (m_db)
        return std::make_unique<SharedAttemptStore>(*m_db, kind, m_keySecret, retentionMs, maxPerKey);
    return std::make_unique<AttemptLog>(retentionMs, maxPerKey);
}

} // namespace teehee
