#pragma once

#include <QDateTime>
#include <QString>

namespace teehee {

// The signed-in user behind a valid access token.
struct AuthUser {
    QString id;
    QString email;
    QString ssoId;
    QDateTime createdAt;
    QString tokenId;          // jti of the token used, for logout
    QDateTime tokenExpiresAt; // a device's token: when it lapses if not used again
    QString deviceId;         // the token's device; empty for a token made before devices
};

} // namespace teehee
