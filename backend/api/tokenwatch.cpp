#include "api/tokenwatch.h"

#include "auth/authservice.h"
#include "auth/deviceservice.h"

#include <QDateTime>
#include <limits>

namespace teehee {

TokenWatch::TokenWatch(AuthService &auth, const AuthUser &user, QObject *parent)
    : QObject(parent), m_auth(auth), m_user(user)
{
    connect(&auth, &AuthService::tokenRevoked, this, [this](const QString &jti) {
        if (!m_user.tokenId.isEmpty() && jti == m_user.tokenId)
            end(QStringLiteral("token revoked"));
    });
    // A device signed out (DELETE /devices/{id}, its logout, another server): every token of it.
    connect(&auth.devices(), &DeviceService::deviceRevoked, this, [this](const QString &, const QString &deviceId) {
        if (!m_user.deviceId.isEmpty() && deviceId == m_user.deviceId)
            end(QStringLiteral("device signed out"));
    });
    if (!m_user.tokenExpiresAt.isValid())
        return;
    m_expiry.setSingleShot(true);
    m_expiry.setTimerType(Qt::PreciseTimer);
    connect(&m_expiry, &QTimer::timeout, this, [this] { armOrEnd(); });
    // Not armOrEnd() here: ended() must wait until the owner has connected to it.
    const qint64 left = QDateTime::currentDateTimeUtc().msecsTo(m_user.tokenExpiresAt);
    m_expiry.start(int(qBound(qint64(0), left, qint64(std::numeric_limits<int>::max()))));
}

bool TokenWatch::stillValid()
{
    if (m_ended)
        return false;
    // Only a verdict on the token ends the session; a database hiccup does not.
    if (auto st = m_auth.recheck(m_user); !st && st.error().code == ErrorCode::Unauthorized) {
        end(st.error().message);
        return false;
    }
    return true;
}

void TokenWatch::armOrEnd()
{
    const qint64 left = QDateTime::currentDateTimeUtc().msecsTo(m_user.tokenExpiresAt);
    if (left <= 0)
        return end(QStringLiteral("token expired"));
    // QTimer counts in int milliseconds: a longer-lived token is re-armed when this fires.
    m_expiry.start(int(qMin<qint64>(left, std::numeric_limits<int>::max())));
}

void TokenWatch::end(const QString &reason)
{
    if (m_ended)
        return;
    m_ended = true;
    m_expiry.stop();
    Q_EMIT ended(reason);
}

} // namespace teehee
