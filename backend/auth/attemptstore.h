#pragma once

#include "core/error.h"

#include <QList>
#include <QString>

namespace teehee {

// Where the sign-in and pairing limits keep the attempts of each key (an
// address, an account, a pairing): in this process's memory (AttemptLog) or
// in the database that several servers share (SharedAttemptStore). Each store
// holds one kind of attempt, keeps them for its retention and judges by at
// most its maxPerKey newest ones. Made by AttemptStores.
class AttemptStore {
public:
    virtual ~AttemptStore() = default;

    virtual Status record(const QString &key, qint64 nowMs) = 0;
    // Takes back the attempt recorded at atMs (one of them), e.g. on a success.
    // A failure is logged and leaves the attempt counted: the safe side.
    virtual void release(const QString &key, qint64 atMs) = 0;
    // Forgets every attempt of the key; a failure is logged, as release's.
    virtual void reset(const QString &key) = 0;
    // The key's attempts still within the retention, oldest first (at most
    // maxPerKey, the newest). An error when they cannot be read: the caller
    // refuses the attempt rather than let it through uncounted.
    virtual Result<QList<qint64>> attempts(const QString &key, qint64 nowMs) = 0;
};

} // namespace teehee
