#pragma once

#include "auth/accountthrottle.h"
#include "auth/attemptstores.h"
#include "auth/authuser.h"
#include "auth/passwordhasher.h"
#include "auth/ratelimiter.h"
#include "auth/tokenservice.h"
#include "core/config.h"
#include "db/database.h"
#include "db/records.h"

#include <QObject>
#include <memory>
#include <optional>
#include <utility>

namespace teehee {

class DeviceService;
class OidcVerifier;

// Accounts: sign-up, sign-in (password or SSO), token check, logout.
// Everything slow (hashing, the issuer) is asynchronous; answers arrive on
// this object's thread. Front ends (HTTP routes, the QML app) call this.
// Every sign-in makes a device (DeviceService) and a token bound to it.
class AuthService : public QObject {
    Q_OBJECT
public:
    // Sign-in: per address a hard limit on wrong guesses in the window; per
    // account the first failuresPerEmail guesses are free, then a growing
    // delay (accountFirstDelaySeconds, doubling up to windowSeconds) that an
    // address without failures skips, so the owner still gets in. Sign-up:
    // a hard limit per address. hashQueue bounds the hashing jobs in flight.
    struct Limits {
        int failuresPerEmail = 5;
        int failuresPerAddress = 20;
        int windowSeconds = 15 * 60;
        int accountFirstDelaySeconds = 30;
        int signupsPerAddress = 10;
        int signupWindowSeconds = 3600;
        int hashQueue = 16;
    };

    // `attempts`: where the limits count (shared by the servers of a PostgreSQL database, or in memory).
    AuthService(const Config &config, const Database &db, DeviceService &devices, const AttemptStores &attempts,
                QObject *parent = nullptr);
    AuthService(const Config &config, const Database &db, DeviceService &devices, const AttemptStores &attempts,
                Limits limits, QObject *parent = nullptr);
    ~AuthService() override;

    // token on success; retryAfterSeconds > 0 with a RateLimited error.
    using TokenCallback = std::function<void(Result<QString> token, int retryAfterSeconds)>;

    // `deviceName`: what the new device is called (auth/devicename.h).
    void signUp(const QString &email, const QString &password, const QString &clientAddress, const QString &deviceName,
                TokenCallback done);
    void signIn(const QString &email, const QString &password, const QString &clientAddress, const QString &deviceName,
                TokenCallback done);
    // provider: "google" or "oidc"; verifies the ID token, then links or creates the user.
    void signInWithSso(const QString &provider, const QByteArray &idToken, const QString &deviceName, TokenCallback done);

    // A new device of an existing user and its token (pairing; `deviceId` when chosen already).
    struct DeviceToken {
        QString token;
        QString deviceId;
    };
    Result<DeviceToken> signInDevice(const QString &userId, const QString &deviceName, const QString &deviceId = QString()) const;

    Result<AuthUser> authenticate(const QByteArray &token) const;
    // Revokes the token's device (a token without one: the token), then tells
    // open sessions holding it (DeviceService::deviceRevoked, tokenRevoked).
    Status logout(const AuthUser &user);
    // Whether an authenticated user's token still holds (not expired, not
    // revoked, the account still there): long-lived sessions ask before acting.
    Status recheck(const AuthUser &user) const;

    const TokenService &tokens() const { return m_tokens; }
    DeviceService &devices() const { return m_devices; }
    OidcVerifier &oidc() { return *m_oidc; }
    const PasswordHasher &hasher() const { return m_hasher; }
    // Accounts made elsewhere (OwnedAccounts) hash on the same bounded pool.
    PasswordHasher &hasher() { return m_hasher; }

    // The one account of the single-user desktop app: found by its stored id,
    // else by its fixed e-mail (a new data directory), else created without a
    // password (nobody can sign in to it over the network). Answers its id.
    Result<QString> ensureLocalUser(const QString &storedId) const;
    static inline const QString kLocalEmail = QStringLiteral("local@teehee.local");

    static Status validateEmail(const QString &email);
    static Status validatePassword(const QString &password);
    // Sign-in takes any password up to the sign-up cap, and any e-mail
    // without control characters.
    static Status validateSignIn(const QString &email, const QString &password);

    // A token another server sharing the database revoked: its sockets here close too.
    void noteRevokedElsewhere(const QString &jti) { Q_EMIT tokenRevoked(jti); }

Q_SIGNALS:
    // A token was revoked (logout): sockets and streams opened with it close.
    void tokenRevoked(const QString &jti);

private:
    Result<QString> issueFor(const UserRecord &user, const QString &deviceName) const;
    // Why a sign-in from `address` for `email` is refused before any hashing
    // (the error, and the seconds to wait), or nothing when it may go ahead.
    std::optional<std::pair<Error, int>> refusal(const QString &address, const QString &email, qint64 at);
    // The user of a token's claims, its revocation and device checked.
    Result<AuthUser> holderOf(const QString &userId, const QString &tokenId, const QString &deviceId) const;
    Result<UserRecord> linkSsoUser(const QString &subject, const QString &email, bool emailVerified) const;

    const Config &m_config;
    const Database &m_db;
    DeviceService &m_devices;
    Limits m_limits;
    TokenService m_tokens;
    PasswordHasher m_hasher;
    AccountThrottle m_accountThrottle;
    RateLimiter m_addressLimiter;
    RateLimiter m_signupLimiter;
    std::unique_ptr<OidcVerifier> m_oidc;
};

} // namespace teehee
