#include "auth/deviceservice.h"

#include "auth/revocationfeed.h"
#include "core/logging.h"
#include "db/devicerepository.h"

namespace teehee {

DeviceService::DeviceService(const Database &db, int tokenDays, QObject *parent)
    : QObject(parent), m_db(db), m_tokenDays(tokenDays > 0 ? tokenDays : 90), m_feed(new RevocationFeed(db, this))
{
    connect(m_feed, &RevocationFeed::revoked, this, &DeviceService::deviceRevoked);
    // Only PostgreSQL is shared by several servers.
    if (db.dialect() == Dialect::Postgres)
        m_feed->start();
}

DeviceService::~DeviceService() = default;

Result<DeviceRecord> DeviceService::add(const QString &userId, const QString &name, const QString &id)
{
    DeviceRecord d;
    d.id = id;
    d.userId = userId;
    d.name = name;
    auto created = DeviceRepository(m_db).create(d);
    if (created) {
        qCInfo(lcAuth).noquote() << "new device" << created->id << "for" << userId;
        Q_EMIT deviceAdded(userId, created->id);
    }
    return created;
}

Result<QList<DeviceRecord>> DeviceService::list(const QString &userId) const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return DeviceRepository(m_db).listActive(userId, now.addDays(-m_tokenDays));
}

Status DeviceService::revoke(const QString &userId, const QString &deviceId)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (auto st = DeviceRepository(m_db).revoke(userId, deviceId, now); !st)
        return st;
    qCInfo(lcAuth).noquote() << "device" << deviceId.toLower() << "of" << userId << "revoked";
    m_feed->noteLocal(deviceId.toLower(), now);
    Q_EMIT deviceRevoked(userId, deviceId.toLower());
    return success();
}

void DeviceService::lookForRevocations()
{
    if (auto st = m_feed->poll(); !st)
        qCWarning(lcAuth).noquote() << "revoked devices not read:" << st.error().message;
}

Result<QDateTime> DeviceService::admit(const DeviceRecord &device) const
{
    if (device.isRevoked())
        return Error{ErrorCode::Unauthorized, QStringLiteral("This device has been signed out; sign in again"),
                     ErrorReason::DeviceSignedOut};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (device.lastSeenAt.addDays(m_tokenDays) <= now)
        return Error{ErrorCode::Unauthorized,
                     QStringLiteral("Token has expired: this device was not used for %1 days; sign in again").arg(m_tokenDays),
                     ErrorReason::DeviceSignedOut};
    if (device.lastSeenAt.secsTo(now) >= kTouchEverySeconds) {
        // Not a reason to refuse the request: the next use tries again.
        if (auto st = DeviceRepository(m_db).touch(device.id, now); !st)
            qCWarning(lcAuth).noquote() << "cannot mark device" << device.id << "as seen:" << st.error().message;
    }
    return now.addDays(m_tokenDays);
}

} // namespace teehee
