#include "auth/passwordhasher.h"

#include "core/logging.h"

#include <QPointer>
#include <crypt.h>
#include <mutex>
#include <openssl/crypto.h>
#include <sodium.h>

namespace teehee {
namespace {

const QString &dummyHash()
{
    static QString hash;
    static std::once_flag once;
    std::call_once(once, [] {
        auto h = PasswordHasher::hashNow(QByteArrayLiteral("teehee-dummy-password-for-timing"));
        hash = h ? h.value() : QString();
    });
    return hash;
}

template <typename F>
void deliver(QObject *context, F &&f)
{
    // The pool is drained before the hasher dies, and the context is the
    // hasher or lives at least as long: see ~PasswordHasher.
    QMetaObject::invokeMethod(context, std::forward<F>(f), Qt::QueuedConnection);
}

} // namespace

PasswordHasher::PasswordHasher(int maxPending, QObject *parent) : QObject(parent), m_maxPending(qMax(1, maxPending))
{
    if (sodium_init() < 0)
        qCCritical(lcAuth) << "libsodium failed to initialise";
    m_pool.setMaxThreadCount(2);
}

PasswordHasher::~PasswordHasher()
{
    m_pool.waitForDone();
}

bool PasswordHasher::isBcrypt(const QString &stored)
{
    return stored.startsWith(u"$2b$") || stored.startsWith(u"$2a$") || stored.startsWith(u"$2y$");
}

Result<QString> PasswordHasher::hashNow(const QByteArray &password)
{
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, password.constData(), quint64(password.size()),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return Error::internal(QStringLiteral("password hashing ran out of memory"));
    return QString::fromLatin1(out);
}

PasswordHasher::Verdict PasswordHasher::verifyNow(const QString &stored, const QByteArray &password)
{
    if (stored.isEmpty()) {
        const QString &dummy = dummyHash();
        const QByteArray d = dummy.toLatin1();
        crypto_pwhash_str_verify(d.constData(), password.constData(), quint64(password.size()));
        return {};
    }
    const QByteArray s = stored.toLatin1();
    if (stored.startsWith(u"$argon2")) {
        const bool ok = crypto_pwhash_str_verify(s.constData(), password.constData(), quint64(password.size())) == 0;
        const bool rehash = ok && crypto_pwhash_str_needs_rehash(s.constData(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                                                 crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0;
        return {ok, rehash};
    }
    if (isBcrypt(stored)) {
        crypt_data data{};
        const char *out = crypt_rn(password.constData(), s.constData(), &data, sizeof data);
        const bool ok = out && out[0] != '*' && qstrlen(out) == size_t(s.size())
            && CRYPTO_memcmp(out, s.constData(), size_t(s.size())) == 0;
        return {ok, ok};
    }
    qCWarning(lcAuth) << "a stored password hash has an unknown format";
    return {};
}

// Takes a place in the queue when one is free; the job gives it back when done.
bool PasswordHasher::admit()
{
    int n = m_pending.load();
    do {
        if (n >= m_maxPending)
            return false;
    } while (!m_pending.compare_exchange_weak(n, n + 1));
    return true;
}

bool PasswordHasher::hash(const QByteArray &password, QObject *context, std::function<void(Result<QString>)> done)
{
    if (!admit())
        return false;
    QPointer<QObject> ctx(context);
    m_pool.start([this, password, ctx, done = std::move(done)] {
        auto result = hashNow(password);
        --m_pending;
        deliver(this, [ctx, done, result] {
            if (ctx)
                done(result);
        });
    });
    return true;
}

bool PasswordHasher::verify(const QString &stored, const QByteArray &password, QObject *context, std::function<void(Verdict)> done)
{
    if (!admit())
        return false;
    QPointer<QObject> ctx(context);
    m_pool.start([this, stored, password, ctx, done = std::move(done)] {
        const Verdict v = verifyNow(stored, password);
        ++m_verifications;
        if (stored.isEmpty())
            ++m_dummyVerifications;
        --m_pending;
        deliver(this, [ctx, done, v] {
            if (ctx)
                done(v);
        });
    });
    return true;
}

} // namespace teehee
