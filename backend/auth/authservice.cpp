#include "auth/authservice.h"

#include "auth/deviceservice.h"
#include "auth/oidcverifier.h"
#include "core/logging.h"
#include "db/keyrepository.h"
#include "db/userrepository.h"

#include <QDateTime>
#include <QRegularExpression>

namespace teehee {
namespace {
Error wrongCredentials()
{
    return Error{ErrorCode::Unauthorized, QStringLiteral("Incorrect email or password")};
}
Error tooManyAttempts(int wait)
{
    return Error{ErrorCode::RateLimited, QStringLiteral("Too many failed sign-in attempts; try again in %1 seconds").arg(wait)};
}
Error busy()
{
    return Error{ErrorCode::RateLimited, QStringLiteral("The server is busy checking passwords; try again in a moment")};
}
constexpr int kBusyRetrySeconds = 2;
constexpr qsizetype kMaxPasswordBytes = 4096;
qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

Status refuseControlCharacters(const QString &email)
{
    for (QChar ch : email)
        if (ch.category() == QChar::Other_Control)
            return Error::invalid(QStringLiteral("email: must not contain control characters"));
    return success();
}
} // namespace

AuthService::AuthService(const Config &config, const Database &db, DeviceService &devices, const AttemptStores &attempts,
                         QObject *parent)
    : AuthService(config, db, devices, attempts, Limits{}, parent)
{
}

AuthService::AuthService(const Config &config, const Database &db, DeviceService &devices, const AttemptStores &attempts,
                         Limits limits, QObject *parent)
    : QObject(parent), m_config(config), m_db(db), m_devices(devices), m_limits(limits),
      m_tokens(config.secretKey, config.accessTokenExpireMinutes, config.deviceTokenDays),
      m_hasher(limits.hashQueue),
      m_accountThrottle(AccountThrottle::Policy{limits.failuresPerEmail, limits.accountFirstDelaySeconds, limits.windowSeconds},
                        attempts, QStringLiteral("signin-account")),
      m_addressLimiter(attempts, QStringLiteral("signin-address"), limits.failuresPerAddress, limits.windowSeconds),
      m_signupLimiter(attempts, QStringLiteral("signup-address"), limits.signupsPerAddress, limits.signupWindowSeconds),
      m_oidc(std::make_unique<OidcVerifier>(config, this))
{
}

AuthService::~AuthService() = default;

Status AuthService::validateEmail(const QString &email)
{
    static const QRegularExpression re(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    if (auto st = refuseControlCharacters(email); !st)
        return st;
    if (email.size() > 254 || !re.match(email.trimmed()).hasMatch())
        return Error::invalid(QStringLiteral("email: not a valid email address"));
    return success();
}

Status AuthService::validatePassword(const QString &password)
{
    if (password.size() < 8)
        return Error::invalid(QStringLiteral("password: must be at least 8 characters"));
    if (password.toUtf8().size() > kMaxPasswordBytes)
        return Error::invalid(QStringLiteral("password: must be at most 4096 bytes"));
    return success();
}

Status AuthService::validateSignIn(const QString &email, const QString &password)
{
    if (auto st = refuseControlCharacters(email); !st)
        return st;
    // Same cap and same answer (422) as sign-up, before any hashing.
    if (password.toUtf8().size() > kMaxPasswordBytes)
        return Error::invalid(QStringLiteral("password: must be at most 4096 bytes"));
    return success();
}

Result<QString> AuthService::issueFor(const UserRecord &user, const QString &deviceName) const
{
    auto device = m_devices.add(user.id, deviceName);
    if (!device)
        return device.error();
    return QString::fromLatin1(m_tokens.issueForDevice(user.id, user.email, device->id));
}

Result<AuthService::DeviceToken> AuthService::signInDevice(const QString &userId, const QString &deviceName,
                                                           const QString &deviceId) const
{
    auto user = UserRepository(m_db).findById(userId);
    if (!user)
        return user.error();
    auto device = m_devices.add(user->id, deviceName, deviceId);
    if (!device)
        return device.error();
    return DeviceToken{QString::fromLatin1(m_tokens.issueForDevice(user->id, user->email, device->id)), device->id};
}

void AuthService::signUp(const QString &emailIn, const QString &password, const QString &clientAddress,
                         const QString &deviceName, TokenCallback done)
{
    if (!m_config.allowSignup)
        return done(Error{ErrorCode::Forbidden, QStringLiteral("Sign-up is disabled on this server")}, 0);
    if (auto st = validateEmail(emailIn); !st)
        return done(st.error(), 0);
    if (auto st = validatePassword(password); !st)
        return done(st.error(), 0);
    const QString email = emailIn.trimmed().toLower();
    // Every well-formed attempt counts, taken or not: each costs a hash or
    // tells whether an address has an account.
    const qint64 at = nowMs();
    const auto wait = m_signupLimiter.retryAfter(clientAddress, at);
    if (!wait)
        return done(wait.error(), 0);
    if (wait.value() > 0)
        return done(Error{ErrorCode::RateLimited, QStringLiteral("Too many sign-ups from this address; try again in %1 seconds").arg(wait.value())},
                    wait.value());
    if (auto st = m_signupLimiter.recordFailure(clientAddress, at); !st)
        return done(st.error(), 0);
    UserRepository users(m_db);
    auto existing = users.findByEmail(email);
    if (existing)
        return done(Error::conflict(QStringLiteral("An account with this email already exists")), 0);
    if (existing.error().code != ErrorCode::NotFound)
        return done(existing.error(), 0);
    const bool queued = m_hasher.hash(password.toUtf8(), this, [this, email, deviceName, done](Result<QString> hash) {
        if (!hash)
            return done(hash.error(), 0);
        UserRecord u;
        u.email = email;
        u.passwordHash = hash.value();
        auto created = UserRepository(m_db).create(u);
        if (!created)
            return done(created.error(), 0);
        qCInfo(lcAuth).noquote() << "new account" << created->id;
        done(issueFor(created.value(), deviceName), 0);
    });
    if (!queued) {
        m_signupLimiter.release(clientAddress, at);
        done(busy(), kBusyRetrySeconds);
    }
}

std::optional<std::pair<Error, int>> AuthService::refusal(const QString &address, const QString &email, qint64 at)
{
    const auto addressWait = m_addressLimiter.retryAfter(address, at);
    if (!addressWait)
        return std::pair{addressWait.error(), 0};
    if (addressWait.value() > 0)
        return std::pair{tooManyAttempts(addressWait.value()), addressWait.value()};
    const auto clean = m_addressLimiter.isClean(address, at);
    if (!clean)
        return std::pair{clean.error(), 0};
    if (clean.value())
        return std::nullopt;
    const auto accountWait = m_accountThrottle.retryAfter(email, at);
    if (!accountWait)
        return std::pair{accountWait.error(), 0};
    if (accountWait.value() > 0)
        return std::pair{tooManyAttempts(accountWait.value()), accountWait.value()};
    return std::nullopt;
}

void AuthService::signIn(const QString &emailIn, const QString &password, const QString &clientAddress,
                         const QString &deviceName, TokenCallback done)
{
    if (auto st = validateSignIn(emailIn, password); !st)
        return done(st.error(), 0);
    const QString email = emailIn.trimmed().toLower();
    const QString address = clientAddress;
    const qint64 at = nowMs();
    // Refused cheaply, before any hashing: the address's hard limit first,
    // then the account's delay, which an address without failures skips (a
    // stranger's guesses must not shut the owner out).
    // Limits that cannot be read refuse (their error), never let an attempt through uncounted.
    if (auto refused = refusal(address, email, at))
        return done(refused->first, refused->second);
    // The attempt counts as a failure from now on, so that concurrent
    // attempts see it; a success takes it back.
    if (auto st = m_addressLimiter.recordFailure(address, at); !st)
        return done(st.error(), 0);
    if (auto st = m_accountThrottle.recordFailure(email, at); !st) {
        m_addressLimiter.release(address, at);
        return done(st.error(), 0);
    }
    auto unreserve = [this, email, address, at] {
        m_addressLimiter.release(address, at);
        m_accountThrottle.release(email, at);
    };
    auto user = UserRepository(m_db).findByEmail(email);
    if (!user && user.error().code != ErrorCode::NotFound) {
        unreserve();
        return done(user.error(), 0);
    }
    // Unknown e-mail or SSO-only account: verify against a dummy hash all the same.
    const QString stored = user ? user->passwordHash : QString();
    const QString userId = user ? user->id : QString();
    const bool queued = m_hasher.verify(stored, password.toUtf8(), this,
                                        [this, email, password, address, at, userId, deviceName, done](PasswordHasher::Verdict v) {
        if (!v.valid || userId.isEmpty()) {
            qCInfo(lcAuth) << "failed sign-in";
            return done(wrongCredentials(), 0);
        }
        m_addressLimiter.release(address, at);
        m_accountThrottle.reset(email);
        auto finish = [this, userId, deviceName, done] {
            auto u = UserRepository(m_db).findById(userId);
            if (!u)
                return done(u.error().code == ErrorCode::NotFound ? wrongCredentials() : u.error(), 0);
            done(issueFor(u.value(), deviceName), 0);
        };
        if (!v.needsRehash)
            return finish();
        // Migrated bcrypt (or weaker argon2) hash: upgrade it now that we know the password.
        const bool rehashing = m_hasher.hash(password.toUtf8(), this, [this, userId, finish](Result<QString> hash) {
            if (hash) {
                if (auto st = UserRepository(m_db).setPasswordHash(userId, hash.value()); !st)
                    qCWarning(lcAuth).noquote() << "could not upgrade a password hash:" << st.error().message;
                else
                    qCInfo(lcAuth).noquote() << "password hash upgraded to argon2id for" << userId;
            }
            finish();
        });
        if (!rehashing)
            finish(); // busy: upgrade at the next sign-in
    });
    if (!queued) {
        unreserve();
        done(busy(), kBusyRetrySeconds);
    }
}

Result<UserRecord> AuthService::linkSsoUser(const QString &subject, const QString &email, bool emailVerified) const
{
    UserRepository users(m_db);
    auto bySso = users.findBySsoId(subject);
    if (bySso)
        return bySso;
    if (bySso.error().code != ErrorCode::NotFound)
        return bySso.error();
    auto byEmail = users.findByEmail(email);
    if (byEmail) {
        // Only the issuer's word that the address is the user's may attach an
        // SSO identity to an account someone else may have made.
        if (!emailVerified)
            return Error{ErrorCode::Forbidden,
                         QStringLiteral("The sign-in provider did not confirm this email address (email_verified), so it cannot "
                                        "be joined to the existing account with that address; sign in with the password")};
        if (auto st = users.setSsoId(byEmail->id, subject); !st)
            return st.error();
        byEmail->ssoId = subject;
        return byEmail;
    }
    if (byEmail.error().code != ErrorCode::NotFound)
        return byEmail.error();
    if (!m_config.allowSignup)
        return Error{ErrorCode::Forbidden, QStringLiteral("Sign-up is disabled on this server")};
    UserRecord u;
    u.email = email;
    u.ssoId = subject;
    return users.create(u);
}

void AuthService::signInWithSso(const QString &provider, const QByteArray &idToken, const QString &deviceName,
                                TokenCallback done)
{
    m_oidc->verify(provider, idToken, this, [this, provider, deviceName, done](Result<OidcIdentity> identity) {
        if (!identity)
            return done(identity.error(), 0);
        // sso_id is namespaced by issuer so two issuers cannot collide.
        const QString subject = identity->issuer + u'|' + identity->subject;
        auto user = linkSsoUser(subject, identity->email.toLower(), identity->emailVerified);
        if (!user)
            return done(user.error(), 0);
        qCInfo(lcAuth).noquote() << "SSO sign-in via" << provider << "for" << user->id;
        done(issueFor(user.value(), deviceName), 0);
    });
}

Result<AuthUser> AuthService::authenticate(const QByteArray &token) const
{
    auto claims = m_tokens.verify(token);
    if (!claims)
        return claims.error();
    auto user = holderOf(claims->sub, claims->jti, claims->did);
    if (!user)
        return user;
    if (user->deviceId.isEmpty())
        user->tokenExpiresAt = QDateTime::fromSecsSinceEpoch(claims->exp, Qt::UTC);
    return user;
}

Result<AuthUser> AuthService::holderOf(const QString &userId, const QString &tokenId, const QString &deviceId) const
{
    auto holder = UserRepository(m_db).findTokenHolder(userId, tokenId, deviceId);
    if (!holder) {
        if (holder.error().code == ErrorCode::NotFound)
            return Error{ErrorCode::Unauthorized, QStringLiteral("The account of this token no longer exists")};
        return holder.error();
    }
    if (holder->tokenRevoked)
        return Error{ErrorCode::Unauthorized, QStringLiteral("Token has been revoked; sign in again")};
    const UserRecord &u = holder->user;
    AuthUser user{u.id, u.email, u.ssoId, u.createdAt, tokenId, QDateTime(), QString()};
    if (deviceId.isEmpty())
        return user;
    if (!holder->device)
        return Error{ErrorCode::Unauthorized, QStringLiteral("This device has been signed out; sign in again"),
                     ErrorReason::DeviceSignedOut};
    // The device's own lifetime: revoked, or unused for too long, it ends; used, it is renewed.
    auto horizon = m_devices.admit(*holder->device);
    if (!horizon)
        return horizon.error();
    user.deviceId = holder->device->id;
    user.tokenExpiresAt = horizon.value();
    return user;
}

Status AuthService::logout(const AuthUser &user)
{
    if (!user.deviceId.isEmpty())
        return m_devices.revoke(user.id, user.deviceId); // every token of the device, and its sessions
    Status revoked = RevokedTokenRepository(m_db).revoke(user.tokenId, user.tokenExpiresAt);
    if (revoked)
        Q_EMIT tokenRevoked(user.tokenId);
    return revoked;
}

Status AuthService::recheck(const AuthUser &user) const
{
    if (user.tokenExpiresAt.isValid() && user.tokenExpiresAt <= QDateTime::currentDateTimeUtc())
        return Error{ErrorCode::Unauthorized, QStringLiteral("Token has expired; sign in again")};
    auto holder = holderOf(user.id, user.tokenId, user.deviceId);
    if (!holder)
        return holder.error();
    return success();
}

Result<QString> AuthService::ensureLocalUser(const QString &storedId) const
{
    UserRepository users(m_db);
    if (!storedId.isEmpty()) {
        if (auto user = users.findById(storedId))
            return user->id;
    }
    if (auto user = users.findByEmail(kLocalEmail))
        return user->id;
    UserRecord local;
    local.email = kLocalEmail;
    auto created = users.create(local);
    if (!created)
        return created.error();
    return created->id;
}

} // namespace teehee
