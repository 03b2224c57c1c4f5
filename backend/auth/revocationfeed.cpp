#include "auth/revocationfeed.h"

#include "core/logging.h"
#include "db/devicerepository.h"

namespace teehee {

RevocationFeed::RevocationFeed(const Database &db, QObject *parent)
    : QObject(parent), m_db(db), m_horizon(QDateTime::currentDateTimeUtc())
{
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (auto st = poll(); !st)
            qCWarning(lcAuth).noquote() << "cannot read device revocations:" << st.error().message;
    });
}

void RevocationFeed::start()
{
    m_timer.start();
}

void RevocationFeed::noteLocal(const QString &deviceId, const QDateTime &revokedAt)
{
    m_known.insert(deviceId, revokedAt);
}

Status RevocationFeed::poll()
{
    const QDateTime since = m_horizon.addMSecs(-kOverlapMs);
    auto revoked = DeviceRepository(m_db).revokedSince(since);
    if (!revoked)
        return revoked.error();
    for (const DeviceRecord &d : std::as_const(revoked.value())) {
        m_horizon = qMax(m_horizon, d.revokedAt);
        if (m_known.contains(d.id))
            continue;
        m_known.insert(d.id, d.revokedAt);
        Q_EMIT this->revoked(d.userId, d.id);
    }
    // What left the overlap cannot come back.
    const QDateTime oldest = m_horizon.addMSecs(-2 * kOverlapMs);
    for (auto it = m_known.begin(); it != m_known.end();)
        it = it.value() < oldest ? m_known.erase(it) : std::next(it);
    return success();
}

} // namespace teehee
