#include "auth/pairingservice.h"

#include "auth/authservice.h"
#include "core/logging.h"
#include "db/pairingrepository.h"
#include "db/sqlquery.h"

#include <QCryptographicHash>
#include <algorithm>
#include <QRandomGenerator>

namespace teehee {
namespace {
// Crockford's base32, lower-case: no i, l, o or u to misread.
constexpr char kAlphabet[] = "0123456789abcdefghjkmnpqrstvwxyz";

QString newCode()
{
    QString code;
    code.reserve(PairingService::kCodeLength);
    QRandomGenerator *random = QRandomGenerator::system(); // the operating system's CSPRNG
    for (int i = 0; i < PairingService::kCodeLength; ++i)
        code += QLatin1Char(kAlphabet[random->bounded(32)]);
    return code;
}

QString newVerification()
{
    return QStringLiteral("%1").arg(QRandomGenerator::system()->bounded(1000000), 6, 10, QLatin1Char('0'));
}

Error invalidCode()
{
    return Error{ErrorCode::Unauthorized, QStringLiteral("This pairing code is wrong, used or expired"),
                 ErrorReason::PairingCodeInvalid};
}

qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }
} // namespace

namespace {
const QString kRedeemKind = QStringLiteral("pair-redeem");
const QString kPollKind = QStringLiteral("pair-poll");
}

PairingService::PairingService(const Database &db, AuthService &auth, const AttemptStores &attempts, QObject *parent)
    : QObject(parent), m_db(db), m_auth(auth), m_attempts(attempts),
      m_redeems(attempts, kRedeemKind, m_limits.redeemsPerAddress, m_limits.redeemWindowSeconds),
      m_polls(attempts.make(kPollKind, m_limits.pollIntervalMs, 1))
{
}

void PairingService::setLimits(const Limits &limits)
{
    m_limits = limits;
    m_redeems = RateLimiter(m_attempts, kRedeemKind, limits.redeemsPerAddress, limits.redeemWindowSeconds);
    m_polls = m_attempts.make(kPollKind, limits.pollIntervalMs, 1);
}

QString PairingService::normalisedCode(const QString &code)
{
    QString out;
    out.reserve(code.size());
    for (QChar ch : code) {
        if (ch.isSpace() || ch == u'-')
            continue;
        ch = ch.toLower();
        if (ch == u'o')
            ch = u'0';
        else if (ch == u'i' || ch == u'l')
            ch = u'1';
        out += ch;
    }
    return out;
}

QString PairingService::codeHash(const QString &normalisedCode)
{
    return QString::fromLatin1(QCryptographicHash::hash(normalisedCode.toUtf8(), QCryptographicHash::Sha256).toHex());
}

Result<PairingService::Invitation> PairingService::invite(const QString &userId, const QString &baseUrl)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    PairingRepository pairs(m_db);
    // Old invitations and requests go as new ones come: at most an hour's worth stays.
    if (auto st = pairs.purge(now.addSecs(-3600)); !st)
        qCWarning(lcAuth).noquote() << "cannot purge old pairing invitations:" << st.error().message;
    Invitation inv{newCode(), QString(), now.addSecs(m_limits.codeSeconds)};
    if (auto st = pairs.addInvitation(codeHash(inv.code), userId, now, inv.expiresAt); !st)
        return st.error();
    QString base = baseUrl;
    while (base.endsWith(u'/'))
        base.chop(1);
    inv.url = base + QStringLiteral("/#pair=") + inv.code;
    qCInfo(lcAuth).noquote() << "pairing invitation made by" << userId;
    return inv;
}

Result<PairingService::Redemption> PairingService::redeem(const QString &code, const QString &deviceName,
                                                          const QString &clientAddress, int *retryAfterSeconds)
{
    const qint64 at = nowMs();
    const auto wait = m_redeems.retryAfter(clientAddress, at);
    if (!wait)
        return wait.error(); // uncounted tries are refused, never let through
    if (wait.value() > 0) {
        if (retryAfterSeconds)
            *retryAfterSeconds = wait.value();
        return Error{ErrorCode::RateLimited, QStringLiteral("Too many pairing attempts; try again in %1 seconds").arg(wait.value())};
    }
    if (auto st = m_redeems.recordFailure(clientAddress, at); !st) // every try counts, right or wrong
        return st.error();
    const QString normal = normalisedCode(code);
    static const QLatin1String alphabet(kAlphabet);
    if (normal.size() != kCodeLength || !std::all_of(normal.cbegin(), normal.cend(), [](QChar c) { return alphabet.contains(c); })) {
        qCInfo(lcAuth) << "failed pairing attempt";
        return invalidCode();
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Transaction tx(m_db);
    if (auto st = tx.begin(); !st)
        return st.error();
    PairingRepository pairs(m_db);
    auto userId = pairs.takeInvitation(codeHash(normal), now);
    if (!userId) {
        if (userId.error().code != ErrorCode::NotFound)
            return userId.error();
        qCInfo(lcAuth) << "failed pairing attempt";
        return invalidCode();
    }
    PairingRequestRecord request;
    request.userId = userId.value();
    request.deviceName = deviceName;
    request.verification = newVerification();
    request.createdAt = now;
    request.expiresAt = now.addSecs(m_limits.requestSeconds);
    auto added = pairs.addRequest(request);
    if (!added)
        return added.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    qCInfo(lcAuth).noquote() << "pairing request" << added->id << "for" << added->userId;
    Q_EMIT pairRequested(added.value());
    return Redemption{added->id, added->verification};
}

Result<QList<PairingRequestRecord>> PairingService::pending(const QString &userId) const
{
    return PairingRepository(m_db).listPending(userId, QDateTime::currentDateTimeUtc());
}

Status PairingService::approve(const QString &userId, const QString &pairingId)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto st = PairingRepository(m_db).decide(userId, pairingId, PairingStatus::Approved, now, now.addSecs(m_limits.requestSeconds));
    if (st)
        qCInfo(lcAuth).noquote() << "pairing request" << pairingId << "approved by" << userId;
    return st;
}

Status PairingService::deny(const QString &userId, const QString &pairingId)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto st = PairingRepository(m_db).decide(userId, pairingId, PairingStatus::Denied, now, now.addSecs(m_limits.requestSeconds));
    if (st)
        qCInfo(lcAuth).noquote() << "pairing request" << pairingId << "denied by" << userId;
    return st;
}

Result<PairingService::PollAnswer> PairingService::poll(const QString &pairingId, int *retryAfterSeconds)
{
    const QString key = pairingId.toLower();
    const qint64 at = nowMs();
    const auto recent = m_polls->attempts(key, at);
    if (!recent)
        return recent.error();
    if (!recent->isEmpty()) {
        if (retryAfterSeconds)
            *retryAfterSeconds = 1;
        return Error{ErrorCode::RateLimited, QStringLiteral("Poll at most once a second")};
    }
    if (auto st = m_polls->record(key, at); !st)
        return st.error();
    auto request = PairingRepository(m_db).findRequest(pairingId);
    if (!request)
        return request.error();
    const bool expired = request->expiresAt <= QDateTime::currentDateTimeUtc();
    if (request->status == PairingStatus::Denied)
        return PollAnswer{PairingStatus::Denied, {}, {}};
    if (request->status == PairingStatus::Approved && request->deliveredAt.isValid())
        return PollAnswer{PairingStatus::Approved, {}, {}}; // collected before: never twice
    if (expired)
        return PollAnswer{PairingStatus::Expired, {}, {}};
    if (request->status == PairingStatus::Approved)
        return collect(request.value());
    return PollAnswer{PairingStatus::Pending, {}, {}};
}

// The one poll that finds the request approved and not yet collected makes the
// device and its token; the mark and the device are one transaction.
Result<PairingService::PollAnswer> PairingService::collect(const PairingRequestRecord &request)
{
    const QString deviceId = newUuid();
    Transaction tx(m_db);
    if (auto st = tx.begin(); !st)
        return st.error();
    auto took = PairingRepository(m_db).markDelivered(request.id, deviceId, QDateTime::currentDateTimeUtc());
    if (!took)
        return took.error();
    if (!took.value()) // another poll (on another server) was first, or time ran out meanwhile
        return PollAnswer{PairingStatus::Approved, {}, {}};
    auto device = m_auth.signInDevice(request.userId, request.deviceName, deviceId);
    if (!device)
        return device.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    qCInfo(lcAuth).noquote() << "paired device" << deviceId << "collected its token for" << request.userId;
    return PollAnswer{PairingStatus::Approved, device->token, device->deviceId};
}

} // namespace teehee
