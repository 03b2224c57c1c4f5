#pragma once

#include "core/error.h"

#include <QObject>
#include <QThreadPool>
#include <atomic>
#include <functional>

namespace teehee {

// argon2id (libsodium, interactive cost: ~90 ms, 64 MiB) for new hashes;
// `$2b$` bcrypt hashes of users migrated from the original backend still
// verify (libxcrypt) and report needsRehash. The blocking calls run in a
// small private pool (two threads cap memory at ~128 MiB) behind a bounded
// queue: when `maxPending` jobs wait or run, hash() and verify() refuse at
// once (false) rather than letting a burst queue up without end. Answers come
// back on the thread of `context`, never on the pool.
class PasswordHasher : public QObject {
    Q_OBJECT
public:
    explicit PasswordHasher(int maxPending = 16, QObject *parent = nullptr);
    ~PasswordHasher() override;

    struct Verdict {
        bool valid = false;
        bool needsRehash = false;
    };

    // false (and `done` is never called) when the queue is full.
    [[nodiscard]] bool hash(const QByteArray &password, QObject *context, std::function<void(Result<QString>)> done);
    // An empty stored hash is verified against a dummy hash, so that an
    // unknown user costs the same time as a wrong password.
    [[nodiscard]] bool verify(const QString &stored, const QByteArray &password, QObject *context, std::function<void(Verdict)> done);

    // What the pool has done so far: every verification, and those against
    // the dummy hash among them. Tests count guesses with these.
    int verifications() const { return m_verifications.load(); }
    int dummyVerifications() const { return m_dummyVerifications.load(); }
    int pending() const { return m_pending.load(); }

    // Blocking forms, for the pool and for tests.
    static Result<QString> hashNow(const QByteArray &password);
    static Verdict verifyNow(const QString &stored, const QByteArray &password);
    static bool isBcrypt(const QString &stored);

private:
    bool admit();

    const int m_maxPending;
    std::atomic<int> m_pending{0};
    std::atomic<int> m_verifications{0};
    std::atomic<int> m_dummyVerifications{0};
    QThreadPool m_pool;
};

} // namespace teehee
