#pragma once

#include "auth/authuser.h"

#include <QObject>
#include <QTimer>

namespace teehee {

class AuthService;

// Watches the token a long-lived session (WebSocket, SSE stream) was opened
// with: emits ended() once when that token is revoked (AuthService pushes the
// jti on logout), when its device is revoked (DeviceService pushes the device,
// also when another server sharing the database revoked it) or when it
// expires (one timer at its `exp`, or its device's lapse), so the session ends
// within a second of its token, not when the client next speaks.
class TokenWatch : public QObject {
    Q_OBJECT
public:
    TokenWatch(AuthService &auth, const AuthUser &user, QObject *parent = nullptr);

    bool hasEnded() const { return m_ended; }
    // Asks the database as well (a token revoked by another server sharing it):
    // false, and ended() emitted, when the token no longer holds.
    bool stillValid();

Q_SIGNALS:
    void ended(const QString &reason);

private:
    void armOrEnd();
    void end(const QString &reason);

    AuthService &m_auth;
    AuthUser m_user;
    QTimer m_expiry;
    bool m_ended = false;
};

} // namespace teehee
