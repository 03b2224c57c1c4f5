#include "auth/authservice.h"

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
qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }
}

AuthService::AuthService(const Config &config, const Database &db, QObject *parent)
    : AuthService(config, db, Limits{}, parent)
{
}

AuthService::AuthService(const Config &config, const Database &db, Limits limits, QObject *parent)
    : QObject(parent), m_config(config), m_db(db), m_limits(limits),
      m_tokens(config.secretKey, config.accessTokenExpireMinutes),
      m_emailLimiter(limits.failuresPerEmail, limits.windowSeconds),
      m_addressLimiter(limits.failuresPerAddress, limits.windowSeconds),
      m_oidc(std::make_unique<OidcVerifier>(config, this))
{
}

AuthService::~AuthService() = default;

Status AuthService::validateEmail(const QString &email)
{
    static const QRegularExpression re(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    if (email.size() > 254 || !re.match(email.trimmed()).hasMatch())
        return Error::invalid(QStringLiteral("email: not a valid email address"));
    return success();
}

Status AuthService::validatePassword(const QString &password)
{
    if (password.size() < 8)
        return Error::invalid(QStringLiteral("password: must be at least 8 characters"));
    if (password.toUtf8().size() > 4096)
        return Error::invalid(QStringLiteral("password: must be at most 4096 bytes"));
    return success();
}

Result<QString> AuthService::issueFor(const UserRecord &user) const
{
    return QString::fromLatin1(m_tokens.issue(user.id, user.email));
}

void AuthService::signUp(const QString &emailIn, const QString &password, TokenCallback done)
{
    if (!m_config.allowSignup)
        return done(Error{ErrorCode::Forbidden, QStringLiteral("Sign-up is disabled on this server")}, 0);
    const QString email = emailIn.trimmed().toLower();
    if (auto st = validateEmail(email); !st)
        return done(st.error(), 0);
    if (auto st = validatePassword(password); !st)
        return done(st.error(), 0);
    UserRepository users(m_db);
    auto existing = users.findByEmail(email);
    if (existing)
        return done(Error::conflict(QStringLiteral("An account with this email already exists")), 0);
    if (existing.error().code != ErrorCode::NotFound)
        return done(existing.error(), 0);
    m_hasher.hash(password.toUtf8(), this, [this, email, done](Result<QString> hash) {
        if (!hash)
            return done(hash.error(), 0);
        UserRecord u;
        u.email = email;
        u.passwordHash = hash.value();
        auto created = UserRepository(m_db).create(u);
        if (!created)
            return done(created.error(), 0);
        qCInfo(lcAuth).noquote() << "new account" << created->id;
        done(issueFor(created.value()), 0);
    });
}

void AuthService::signIn(const QString &emailIn, const QString &password, const QString &clientAddress, TokenCallback done)
{
    const QString email = emailIn.trimmed().toLower();
    const QString emailKey = email;
    const QString addressKey = clientAddress;
    const int wait = qMax(m_emailLimiter.retryAfter(emailKey, nowMs()), m_addressLimiter.retryAfter(addressKey, nowMs()));
    if (wait > 0)
        return done(Error{ErrorCode::RateLimited, QStringLiteral("Too many failed sign-in attempts; try again in %1 seconds").arg(wait)}, wait);
    auto user = UserRepository(m_db).findByEmail(email);
    if (!user && user.error().code != ErrorCode::NotFound)
        return done(user.error(), 0);
    // Unknown e-mail or SSO-only account: verify against a dummy hash all the same.
    const QString stored = user ? user->passwordHash : QString();
    const QString userId = user ? user->id : QString();
    m_hasher.verify(stored, password.toUtf8(), this,
                    [this, email, password, emailKey, addressKey, userId, done](PasswordHasher::Verdict v) {
        if (!v.valid || userId.isEmpty()) {
            m_emailLimiter.recordFailure(emailKey, nowMs());
            m_addressLimiter.recordFailure(addressKey, nowMs());
            qCInfo(lcAuth) << "failed sign-in";
            return done(wrongCredentials(), 0);
        }
        m_emailLimiter.reset(emailKey);
        auto finish = [this, userId, done] {
            auto u = UserRepository(m_db).findById(userId);
            if (!u)
                return done(u.error().code == ErrorCode::NotFound ? wrongCredentials() : u.error(), 0);
            done(issueFor(u.value()), 0);
        };
        if (!v.needsRehash)
            return finish();
        // Migrated bcrypt (or weaker argon2) hash: upgrade it now that we know the password.
        m_hasher.hash(password.toUtf8(), this, [this, userId, finish](Result<QString> hash) {
            if (hash) {
                if (auto st = UserRepository(m_db).setPasswordHash(userId, hash.value()); !st)
                    qCWarning(lcAuth).noquote() << "could not upgrade a password hash:" << st.error().message;
                else
                    qCInfo(lcAuth).noquote() << "password hash upgraded to argon2id for" << userId;
            }
            finish();
        });
    });
}

Result<UserRecord> AuthService::linkSsoUser(const QString &subject, const QString &email) const
{
    UserRepository users(m_db);
    auto bySso = users.findBySsoId(subject);
    if (bySso)
        return bySso;
    if (bySso.error().code != ErrorCode::NotFound)
        return bySso.error();
    auto byEmail = users.findByEmail(email);
    if (byEmail) {
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

void AuthService::signInWithSso(const QString &provider, const QByteArray &idToken, TokenCallback done)
{
    m_oidc->verify(provider, idToken, this, [this, provider, done](Result<OidcIdentity> identity) {
        if (!identity)
            return done(identity.error(), 0);
        // sso_id is namespaced by issuer so two issuers cannot collide.
        const QString subject = identity->issuer + u'|' + identity->subject;
        auto user = linkSsoUser(subject, identity->email.toLower());
        if (!user)
            return done(user.error(), 0);
        qCInfo(lcAuth).noquote() << "SSO sign-in via" << provider << "for" << user->id;
        done(issueFor(user.value()), 0);
    });
}

Result<AuthUser> AuthService::authenticate(const QByteArray &token) const
{
    auto claims = m_tokens.verify(token);
    if (!claims)
        return claims.error();
    auto holder = UserRepository(m_db).findTokenHolder(claims->sub, claims->jti);
    if (!holder) {
        if (holder.error().code == ErrorCode::NotFound)
            return Error{ErrorCode::Unauthorized, QStringLiteral("The account of this token no longer exists")};
        return holder.error();
    }
    if (holder->tokenRevoked)
        return Error{ErrorCode::Unauthorized, QStringLiteral("Token has been revoked; sign in again")};
    const UserRecord &user = holder->user;
    return AuthUser{user.id, user.email, user.ssoId, user.createdAt, claims->jti,
                    QDateTime::fromSecsSinceEpoch(claims->exp, Qt::UTC)};
}

Status AuthService::logout(const AuthUser &user)
{
    Status revoked = RevokedTokenRepository(m_db).revoke(user.tokenId, user.tokenExpiresAt);
    if (revoked)
        Q_EMIT tokenRevoked(user.tokenId);
    return revoked;
}

Status AuthService::recheck(const AuthUser &user) const
{
    if (user.tokenExpiresAt.isValid() && user.tokenExpiresAt <= QDateTime::currentDateTimeUtc())
        return Error{ErrorCode::Unauthorized, QStringLiteral("Token has expired; sign in again")};
    auto holder = UserRepository(m_db).findTokenHolder(user.id, user.tokenId);
    if (!holder) {
        if (holder.error().code == ErrorCode::NotFound)
            return Error{ErrorCode::Unauthorized, QStringLiteral("The account of this token no longer exists")};
        return holder.error();
    }
    if (holder->tokenRevoked)
        return Error{ErrorCode::Unauthorized, QStringLiteral("Token has been revoked; sign in again")};
    return success();
}

} // namespace teehee
