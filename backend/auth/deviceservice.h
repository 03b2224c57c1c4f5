#pragma once

#include "core/error.h"
#include "db/database.h"
#include "db/records.h"

#include <QObject>

namespace teehee {

class RevocationFeed;

// The devices of an account: one per signed-in client (a password sign-in, a
// sign-up, an SSO sign-in, a pairing). A device's token is valid while the
// device is not revoked and was used within tokenDays; each use renews it
// (auth/README.md). Revoking a device tells every session of it at once
// (deviceRevoked), on this server and, through the database, on the others.
class DeviceService : public QObject {
    Q_OBJECT
public:
    // last_seen_at is written at most this often per device, not on every request.
    static constexpr int kTouchEverySeconds = 60;

    DeviceService(const Database &db, int tokenDays, QObject *parent = nullptr);
    ~DeviceService() override;

    // A new device of the user, seen now (`id` when given, else a new one).
    Result<DeviceRecord> add(const QString &userId, const QString &name, const QString &id = QString());
    // The user's devices that may still sign in, most recently seen first.
    Result<QList<DeviceRecord>> list(const QString &userId) const;
    // Revokes one of the user's devices: its tokens answer 401 from now on and
    // its sockets close. NotFound for another user's, an unknown or a revoked device.
    Status revoke(const QString &userId, const QString &deviceId);
    // Another server sharing the database says it revoked a device: look now
    // instead of at the feed's next tick.
    void lookForRevocations();
    // Whether a token of this device (as read with the token) holds now:
    // Unauthorized when the device was revoked or not used for tokenDays.
    // Marks it seen, and answers until when the token holds if not used again.
    Result<QDateTime> admit(const DeviceRecord &device) const;

    int tokenDays() const { return m_tokenDays; }

Q_SIGNALS:
    // A device joined the account here (a sign-in, a pairing collected).
    void deviceAdded(const QString &userId, const QString &deviceId);
    // A device was revoked, here or by another server sharing the database.
    void deviceRevoked(const QString &userId, const QString &deviceId);

private:
    const Database &m_db;
    int m_tokenDays;
    RevocationFeed *m_feed; // child
};

} // namespace teehee
