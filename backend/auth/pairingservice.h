#pragma once

#include "auth/attemptstores.h"
#include "auth/ratelimiter.h"
#include "core/error.h"
#include "db/database.h"
#include "db/records.h"

#include <QObject>
#include <memory>

namespace teehee {

class AuthService;

// Pairing (spec/api.md "Devices and pairing"): a signed-in device invites,
// a new device redeems the code and shows 6 digits, the account approves or
// denies, and the new device collects its own device token once. All state
// lives in the database (any server of a group sees it); codes are kept only
// as their SHA-256, and the token is made when it is collected, so nothing
// that signs in waits in a table. Codes and tokens never reach a log.
class PairingService : public QObject {
    Q_OBJECT
public:
    struct Limits {
        int codeSeconds = 3 * 60;     // an invitation's life
        int requestSeconds = 5 * 60;  // a request's life while pending, and to collect the token once approved
        int redeemsPerAddress = 10;   // tries of a code per client address...
        int redeemWindowSeconds = 60; // ...in this window (every try counts)
        int pollIntervalMs = 900;     // "about one a second" per pairing, with room for a timer's jitter
    };
    static constexpr int kCodeLength = 12; // of 32 symbols: 60 bits

    // `attempts`: where the redeem and poll limits count (see AuthService).
    PairingService(const Database &db, AuthService &auth, const AttemptStores &attempts, QObject *parent = nullptr);

    void setLimits(const Limits &limits);
    const Limits &limits() const { return m_limits; }

    struct Invitation {
        QString code;
        QString url;          // baseUrl + "/#pair=" + code
        QDateTime expiresAt;
    };
    // `baseUrl`: the server as the inviting device reaches it ("http://192.168.1.20:8443").
    Result<Invitation> invite(const QString &userId, const QString &baseUrl);

    struct Redemption {
        QString pairingId;
        QString verification; // 6 digits
    };
    // Unauthorized (PairingCodeInvalid) with one message for a wrong, used or
    // expired code; RateLimited with *retryAfterSeconds past the address's tries.
    Result<Redemption> redeem(const QString &code, const QString &deviceName, const QString &clientAddress,
                              int *retryAfterSeconds);

    Result<QList<PairingRequestRecord>> pending(const QString &userId) const;
    // NotFound for another account's request; Conflict (PairingClosed) when no longer pending.
    Status approve(const QString &userId, const QString &pairingId);
    Status deny(const QString &userId, const QString &pairingId);

    struct PollAnswer {
        QString status;       // PairingStatus: pending, approved, denied, expired
        QString accessToken;  // the first answer after approval only
        QString deviceId;
    };
    // NotFound for an unknown pairing; RateLimited (retry after 1 s) when
    // polled faster than pollIntervalMs.
    Result<PollAnswer> poll(const QString &pairingId, int *retryAfterSeconds);

    // "abcd-efgh…" as typed: lower-case, without separators, look-alikes folded.
    static QString normalisedCode(const QString &code);
    static QString codeHash(const QString &normalisedCode);

Q_SIGNALS:
    // A new device asks to join the account (the pair_requested event).
    void pairRequested(const teehee::PairingRequestRecord &request);

private:
    Result<PollAnswer> collect(const PairingRequestRecord &request);

    const Database &m_db;
    AuthService &m_auth;
    AttemptStores m_attempts;
    Limits m_limits;
    RateLimiter m_redeems;
    std::unique_ptr<AttemptStore> m_polls;
};

} // namespace teehee
