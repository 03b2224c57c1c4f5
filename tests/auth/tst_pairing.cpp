// Pairing a new device over real HTTP and a real /events WebSocket, on SQLite
// and PostgreSQL (spec/api.md "Devices and pairing"): invite → redeem → the
// request listed and announced → approve → the new device's poll gets its
// token once → the token works and the device is listed as current. Denied,
// expired, reused and wrong codes, the limits (429), and another account's
// reach (404). Codes are stored hashed and never logged, nor are tokens.
#include "auth/authservice.h"
#include "auth/pairingservice.h"
#include "backend.h"
#include "generation/wsclient.h"
#include "support/httptestclient.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QMutex>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

using namespace teehee;

namespace {

// Everything the process logs while it lives (then handed on as usual).
class LogCapture {
public:
    LogCapture() { s_previous = qInstallMessageHandler(&LogCapture::handle); }
    ~LogCapture() { qInstallMessageHandler(s_previous); }
    static QString all()
    {
        QMutexLocker lock(&s_mutex);
        return s_lines.join(u'\n');
    }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        {
            QMutexLocker lock(&s_mutex);
            s_lines << message;
        }
        if (s_previous)
            s_previous(type, context, message);
    }
    static inline QtMessageHandler s_previous = nullptr;
    static inline QMutex s_mutex;
    static inline QStringList s_lines;
};

QByteArray tokenOf(const HttpTestResponse &r)
{
    return r.object().value(QStringLiteral("access_token")).toString().toLatin1();
}

} // namespace

class TstPairing : public QObject {
    Q_OBJECT

    std::unique_ptr<TestApiServer> s;
    QByteArray owner; // a signed-in device of the inviting account

    HttpTestResponse call(const QByteArray &method, const QString &path, const QJsonObject &body = {},
                          const QByteArray &token = {}, const QList<QPair<QByteArray, QByteArray>> &extra = {})
    {
        QList<QPair<QByteArray, QByteArray>> h = extra;
        h.append(QPair<QByteArray, QByteArray>("Content-Type", "application/json"));
        if (!token.isEmpty())
            h.append(QPair<QByteArray, QByteArray>("Authorization", "Bearer " + token));
        return s->client().request(method, path, method == "GET" ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact), h);
    }
    QByteArray signUp(const QString &email)
    {
        return tokenOf(call("POST", QStringLiteral("/auth/signup"),
                            {{"email", email}, {"password", "correct horse"}, {"device_name", "Desktop"}}));
    }
    QString invite(const QByteArray &token)
    {
        const auto r = call("POST", QStringLiteral("/pair/invitations"), {}, token);
        return r.status == 201 ? r.object().value("code").toString() : QString();
    }
    HttpTestResponse redeem(const QString &code, const QString &name = QStringLiteral("Pixel"),
                            const QByteArray &forwardedFor = {})
    {
        QList<QPair<QByteArray, QByteArray>> h;
        if (!forwardedFor.isEmpty())
            h.append(QPair<QByteArray, QByteArray>("X-Forwarded-For", forwardedFor));
        return call("POST", QStringLiteral("/pair"), {{"code", code}, {"device_name", name}}, {}, h);
    }
    // The new device's poll, paced as a client must (about once a second).
    HttpTestResponse poll(const QString &pairingId)
    {
        QTest::qWait(s->backend().pairing().limits().pollIntervalMs + 50);
        return call("GET", QStringLiteral("/pair/%1").arg(pairingId));
    }
    QUrl eventsUrl(const QByteArray &token) const
    {
        return QUrl(QStringLiteral("ws://127.0.0.1:%1/events?token=%2").arg(s->port()).arg(QString::fromLatin1(token)));
    }

private Q_SLOTS:
    void init()
    {
        s = std::make_unique<TestApiServer>([](Config &c) { c.trustedProxies = {QStringLiteral("127.0.0.1/32")}; });
        TEEHEE_REQUIRE_SERVER(*s);
        owner = signUp(QStringLiteral("owner@example.com"));
        QVERIFY(!owner.isEmpty());
    }
    void cleanup() { s.reset(); }

    void aNewDevicePairsAndGetsItsTokenOnce()
    {
        LogCapture logs;
        WsClient events;
        QVERIFY(events.open(eventsUrl(owner)));

        const auto invited = call("POST", QStringLiteral("/pair/invitations"), {}, owner, {{"Host", "192.168.1.20:8443"}});
        QCOMPARE(invited.status, 201);
        QCOMPARE(invited.header("cache-control"), QByteArray("no-store"));
        const QString code = invited.object().value("code").toString();
        QVERIFY2(QRegularExpression(QStringLiteral("^[0-9a-z]{12}$")).match(code).hasMatch(), qPrintable(code)); // 60 bits, URL-safe
        QCOMPARE(invited.object().value("url").toString(), QStringLiteral("http://192.168.1.20:8443/#pair=") + code);
        const QDateTime expires = QDateTime::fromString(invited.object().value("expires_at").toString(), Qt::ISODateWithMs);
        QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(expires) - 180) <= 5);

        const auto redeemed = redeem(code.toUpper().insert(4, u'-')); // as typed by a person
        QCOMPARE(redeemed.status, 202);
        const QString pairingId = redeemed.object().value("pairing_id").toString();
        const QString verification = redeemed.object().value("verification").toString();
        QVERIFY(!QUuid::fromString(pairingId).isNull());
        QVERIFY2(QRegularExpression(QStringLiteral("^[0-9]{6}$")).match(verification).hasMatch(), qPrintable(verification));

        // The inviting account sees the request, listed and as an event, with the same digits.
        const auto pending = call("GET", QStringLiteral("/pair/requests"), {}, owner);
        QCOMPARE(pending.status, 200);
        QCOMPARE(pending.array().size(), 1);
        const QJsonObject listed = pending.array().first().toObject();
        QCOMPARE(listed.value("pairing_id").toString(), pairingId);
        QCOMPARE(listed.value("device_name").toString(), QStringLiteral("Pixel"));
        QCOMPARE(listed.value("verification").toString(), verification);
        QVERIFY(listed.value("created_at").toString().endsWith(u'Z'));
        QVERIFY(events.waitFor(QStringLiteral("pair_requested")));
        const QJsonObject announced = events.last(QStringLiteral("pair_requested"));
        QCOMPARE(announced.value("pairing_id").toString(), pairingId);
        QCOMPARE(announced.value("device_name").toString(), QStringLiteral("Pixel"));
        QCOMPARE(announced.value("verification").toString(), verification);

        const auto waiting = poll(pairingId);
        QCOMPARE(waiting.status, 200);
        QCOMPARE(waiting.object(), (QJsonObject{{"status", "pending"}}));

        const auto approved = call("POST", QStringLiteral("/pair/requests/%1/approve").arg(pairingId), {}, owner);
        QCOMPARE(approved.status, 200);
        QCOMPARE(approved.object().value("status").toString(), QStringLiteral("approved"));
        QCOMPARE(call("GET", QStringLiteral("/pair/requests"), {}, owner).array().size(), 0);

        const auto collected = poll(pairingId);
        QCOMPARE(collected.status, 200);
        QCOMPARE(collected.header("cache-control"), QByteArray("no-store"));
        QCOMPARE(collected.object().value("status").toString(), QStringLiteral("approved"));
        QCOMPARE(collected.object().value("token_type").toString(), QStringLiteral("bearer"));
        const QByteArray token = tokenOf(collected);
        const QString deviceId = collected.object().value("device_id").toString();
        QVERIFY(!token.isEmpty());
        QVERIFY(!QUuid::fromString(deviceId).isNull());

        // Once: later polls say approved, without the token.
        const auto later = poll(pairingId);
        QCOMPARE(later.status, 200);
        QCOMPARE(later.object(), (QJsonObject{{"status", "approved"}}));

        // The token is the account's, and names its new device as the current one.
        const auto session = call("GET", QStringLiteral("/auth/session"), {}, token);
        QCOMPARE(session.status, 200);
        QCOMPARE(session.object().value("email").toString(), QStringLiteral("owner@example.com"));
        const auto devices = call("GET", QStringLiteral("/devices"), {}, token);
        QCOMPARE(devices.status, 200);
        QCOMPARE(devices.array().size(), 2);
        bool found = false;
        for (const QJsonValue &v : devices.array()) {
            const QJsonObject d = v.toObject();
            const bool isNew = d.value("id").toString() == deviceId;
            found = found || isNew;
            QCOMPARE(d.value("current").toBool(), isNew);
            if (isNew)
                QCOMPARE(d.value("name").toString(), QStringLiteral("Pixel"));
        }
        QVERIFY(found);

        // The code was single-use.
        QCOMPARE(redeem(code).status, 401);
        // Secrets stay out of the logs: the code, the digits, the token.
        const QString logged = LogCapture::all();
        QVERIFY(!logged.isEmpty());
        QVERIFY(!logged.contains(code, Qt::CaseInsensitive));
        QVERIFY(!logged.contains(verification));
        QVERIFY(!logged.contains(QString::fromLatin1(token)));
        QVERIFY(!logged.contains(QString::fromLatin1(token.split('.').last())));
    }

    void aDeniedRequestGetsNoToken()
    {
        const auto redeemed = redeem(invite(owner));
        QCOMPARE(redeemed.status, 202);
        const QString id = redeemed.object().value("pairing_id").toString();
        QCOMPARE(call("POST", QStringLiteral("/pair/requests/%1/deny").arg(id), {}, owner).status, 200);
        const auto answer = poll(id);
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.object(), (QJsonObject{{"status", "denied"}}));
        // Decided once: approving it now is refused, and still no token.
        const auto late = call("POST", QStringLiteral("/pair/requests/%1/approve").arg(id), {}, owner);
        QCOMPARE(late.status, 409);
        QCOMPARE(poll(id).object(), (QJsonObject{{"status", "denied"}}));
        QCOMPARE(call("GET", QStringLiteral("/devices"), {}, owner).array().size(), 1);
    }

    void wrongUsedAndExpiredCodesAreOneAnswer()
    {
        PairingService::Limits limits;
        limits.codeSeconds = 1;
        s->backend().pairing().setLimits(limits);
        const QString used = invite(owner);
        QCOMPARE(redeem(used).status, 202);
        const QString expired = invite(owner);
        QTest::qWait(1200);

        const auto wrong = redeem(QStringLiteral("0123456789ab"));
        const auto again = redeem(used);
        const auto late = redeem(expired);
        const auto malformed = redeem(QStringLiteral("not a code at all"));
        for (const auto *r : {&wrong, &again, &late, &malformed}) {
            QCOMPARE(r->status, 401);
            QCOMPARE(r->detail(), wrong.detail());
            QCOMPARE(r->header("www-authenticate"), QByteArray("Bearer"));
        }
        QVERIFY(!wrong.detail().isEmpty());
        QVERIFY(!again.body.contains(used.toLatin1()));
        QCOMPARE(call("GET", QStringLiteral("/pair/requests"), {}, owner).array().size(), 1); // the one good redemption
        // A code is required at all.
        QCOMPARE(call("POST", QStringLiteral("/pair"), {{"device_name", "Pixel"}}).status, 422);
    }

    void moreThanTenTriesAMinuteFromOneAddressAre429()
    {
        for (int i = 0; i < 10; ++i)
            QCOMPARE(redeem(QStringLiteral("0000000000%1").arg(i, 2, 10, QLatin1Char('0')), QStringLiteral("Pixel"), "203.0.113.7").status, 401);
        // Over the limit even the right code is refused, without being used up.
        const QString code = invite(owner);
        const auto limited = redeem(code, QStringLiteral("Pixel"), "203.0.113.7");
        QCOMPARE(limited.status, 429);
        QVERIFY(limited.header("retry-after").toInt() > 0);
        QVERIFY(limited.header("retry-after").toInt() <= 60);
        // Another address is not held back by it.
        QCOMPARE(redeem(code, QStringLiteral("Pixel"), "198.51.100.9").status, 202);
    }

    void pollingFasterThanOnceASecondIs429()
    {
        const auto redeemed = redeem(invite(owner));
        const QString id = redeemed.object().value("pairing_id").toString();
        QCOMPARE(call("GET", QStringLiteral("/pair/%1").arg(id)).status, 200);
        const auto tooSoon = call("GET", QStringLiteral("/pair/%1").arg(id));
        QCOMPARE(tooSoon.status, 429);
        QCOMPARE(tooSoon.header("retry-after"), QByteArray("1"));
        QCOMPARE(poll(id).status, 200); // a second later
        // An unknown pairing is not found.
        QCOMPARE(call("GET", QStringLiteral("/pair/%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces))).status, 404);
    }

    void anotherAccountCanNeitherSeeNorDecide()
    {
        const QByteArray stranger = signUp(QStringLiteral("stranger@example.com"));
        WsClient theirEvents;
        QVERIFY(theirEvents.open(eventsUrl(stranger)));
        const auto redeemed = redeem(invite(owner));
        const QString id = redeemed.object().value("pairing_id").toString();

        QCOMPARE(call("GET", QStringLiteral("/pair/requests"), {}, stranger).array().size(), 0);
        QCOMPARE(call("POST", QStringLiteral("/pair/requests/%1/approve").arg(id), {}, stranger).status, 404);
        QCOMPARE(call("POST", QStringLiteral("/pair/requests/%1/deny").arg(id), {}, stranger).status, 404);
        QCOMPARE(call("POST", QStringLiteral("/pair/requests/%1/approve").arg(id), {}).status, 401);
        QCOMPARE(poll(id).object(), (QJsonObject{{"status", "pending"}}));
        // Their own event, after which ours would have arrived: theirs is the only one.
        const auto theirs = redeem(invite(stranger));
        QCOMPARE(theirs.status, 202);
        QVERIFY(theirEvents.waitFor(QStringLiteral("pair_requested")));
        QCOMPARE(theirEvents.ofType(QStringLiteral("pair_requested")).size(), 1);
        QCOMPARE(theirEvents.last(QStringLiteral("pair_requested")).value("pairing_id").toString(),
                 theirs.object().value("pairing_id").toString());
        // The owner still decides.
        QCOMPARE(call("POST", QStringLiteral("/pair/requests/%1/approve").arg(id), {}, owner).status, 200);
    }

    void anUnansweredRequestExpires()
    {
        PairingService::Limits limits;
        limits.requestSeconds = 1;
        s->backend().pairing().setLimits(limits);
        const auto redeemed = redeem(invite(owner));
        const QString id = redeemed.object().value("pairing_id").toString();
        QTest::qWait(1200);
        QCOMPARE(poll(id).object(), (QJsonObject{{"status", "expired"}}));
        QCOMPARE(call("GET", QStringLiteral("/pair/requests"), {}, owner).array().size(), 0);
        const auto late = call("POST", QStringLiteral("/pair/requests/%1/approve").arg(id), {}, owner);
        QCOMPARE(late.status, 409);
        QCOMPARE(poll(id).object(), (QJsonObject{{"status", "expired"}}));
    }

    void anApprovedTokenNotCollectedInTimeExpires()
    {
        PairingService::Limits limits;
        limits.requestSeconds = 1;
        s->backend().pairing().setLimits(limits);
        const QString id = redeem(invite(owner)).object().value("pairing_id").toString();
        QCOMPARE(call("POST", QStringLiteral("/pair/requests/%1/approve").arg(id), {}, owner).status, 200);
        QTest::qWait(1200);
        QCOMPARE(poll(id).object(), (QJsonObject{{"status", "expired"}}));
        QCOMPARE(call("GET", QStringLiteral("/devices"), {}, owner).array().size(), 1); // no device was made
    }

    void codesAreStoredOnlyAsTheirHash()
    {
        const QString code = invite(owner);
        auto db = s->backend().database().connection();
        QVERIFY(db);
        QSqlQuery q(db.value());
        QVERIFY(q.exec(QStringLiteral("SELECT code_hash, user_id, created_at, expires_at, used_at FROM pair_invitations")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QString::fromLatin1(QCryptographicHash::hash(code.toUtf8(), QCryptographicHash::Sha256).toHex()));
        for (int i = 0; i < 5; ++i)
            QVERIFY(!q.value(i).toString().contains(code));
        QVERIFY(!q.next());
    }
};

QTEST_GUILESS_MAIN(TstPairing)
#include "tst_pairing.moc"
