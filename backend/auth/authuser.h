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
    QDateTime tokenExpiresAt;
};

} // namespace teehee
