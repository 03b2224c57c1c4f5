#include "auth/sharedattemptstore.h"

#include "core/logging.h"
#include "db/attemptrepository.h"

#include <QMessageAuthenticationCode>

namespace teehee {

SharedAttemptStore::SharedAttemptStore(const Database &db, const QString &kind, const QByteArray &keySecret,
                                       qint64 retentionMs, size_t maxPerKey)
    : m_db(db), m_kind(kind), m_keySecret(keySecret), m_retentionMs(retentionMs),
      m_maxPerKey(int(qBound<size_t>(1, maxPerKey, 100000)))
{
}

QString SharedAttemptStore::keyHash(const QString &key) const
{
    return QString::fromLatin1(
        QMessageAuthenticationCode::hash(key.toUtf8(), m_keySecret, QCryptographicHash::Sha256).toHex());
}

Error SharedAttemptStore::unavailable(const char *what, const Error &cause) const
{
    // The cause names the statement, never the values bound to it.
    qCWarning(lcAuth).noquote() << "cannot" << what << m_kind << "attempts:" << cause.message;
    return Error{ErrorCode::Unavailable, QStringLiteral("Attempts cannot be counted right now; try again in a moment")};
}

void SharedAttemptStore::pruneIfDue(qint64 nowMs)
{
    if (nowMs - m_lastPruneMs < kPruneEveryMs)
        return;
    m_lastPruneMs = nowMs;
    auto pruned = AttemptRepository(m_db).prune(m_kind, nowMs - m_retentionMs, kPruneBatch);
    if (!pruned)
        qCWarning(lcAuth).noquote() << "cannot prune old" << m_kind << "attempts:" << pruned.error().message;
}

Status SharedAttemptStore::record(const QString &key, qint64 nowMs)
{
    pruneIfDue(nowMs);
    const QString hash = keyHash(key);
    AttemptRepository attempts(m_db);
    // The key's own expired rows go first, so a busy key stays a few rows.
    if (auto st = attempts.removeKey(m_kind, hash, nowMs - m_retentionMs); !st)
        return unavailable("expire", st.error());
    if (auto st = attempts.add(m_kind, hash, nowMs); !st)
        return unavailable("record", st.error());
    return success();
}

void SharedAttemptStore::release(const QString &key, qint64 atMs)
{
    if (auto st = AttemptRepository(m_db).removeOne(m_kind, keyHash(key), atMs); !st)
        unavailable("release", st.error());
}

void SharedAttemptStore::reset(const QString &key)
{
    if (auto st = AttemptRepository(m_db).removeKey(m_kind, keyHash(key)); !st)
        unavailable("reset", st.error());
}

Result<QList<qint64>> SharedAttemptStore::attempts(const QString &key, qint64 nowMs)
{
    auto times = AttemptRepository(m_db).since(m_kind, keyHash(key), nowMs - m_retentionMs, m_maxPerKey);
    if (!times)
        return unavailable("read", times.error());
    return times;
}

} // namespace teehee
