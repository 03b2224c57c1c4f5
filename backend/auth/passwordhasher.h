#pragma once

#include "core/error.h"

#include <QObject>
#include <QThreadPool>
#include <functional>

namespace teehee {

// argon2id (libsodium, interactive cost: ~90 ms, 64 MiB) for new hashes;
// `$2b$` bcrypt hashes of users migrated from the original backend still
// verify (libxcrypt) and report needsRehash. The blocking calls run in a
// small private pool (two threads cap memory at ~128 MiB); answers come back
// on the thread of `context`, never on the pool.
class PasswordHasher : public QObject {
    Q_OBJECT
public:
    explicit PasswordHasher(QObject *parent = nullptr);
    ~PasswordHasher() override;

    struct Verdict {
        bool valid = false;
        bool needsRehash = false;
    };

    void hash(const QByteArray &password, QObject *context, std::function<void(Result<QString>)> done);
    // An empty stored hash is verified against a dummy hash, so that an
    // unknown user costs the same time as a wrong password.
    void verify(const QString &stored, const QByteArray &password, QObject *context, std::function<void(Verdict)> done);

    // Blocking forms, for the pool and for tests.
    static Result<QString> hashNow(const QByteArray &password);
    static Verdict verifyNow(const QString &stored, const QByteArray &password);
    static bool isBcrypt(const QString &stored);

private:
    QThreadPool m_pool;
};

} // namespace teehee
