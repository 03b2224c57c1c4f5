// Devices over real HTTP, on SQLite and PostgreSQL (spec/api.md "Devices and
// pairing", backend/auth/README.md): every sign-in is a device named after the
// client, its token carries the device (`did`), GET /devices lists them,
// DELETE /devices/{id} and logout sign one device out and no other, a device
// token is renewed by use and lapses after DEVICE_TOKEN_DAYS unused, and
// tokens made before devices keep working.
#include "auth/authservice.h"
#include "auth/devicename.h"
#include "auth/tokenservice.h"
#include "backend.h"
#include "db/sqlquery.h"
#include "db/userrepository.h"
#include "support/httptestclient.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QSet>
#include <QTest>
#include <QUuid>

using namespace teehee;

namespace {
const QByteArray kIPhoneSafari = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
                                 "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";

QByteArray tokenOf(const HttpTestResponse &r)
{
    return r.object().value(QStringLiteral("access_token")).toString().toLatin1();
}

QJsonObject claimsOf(const QByteArray &token)
{
    bool ok = false;
    return QJsonDocument::fromJson(fromBase64Url(token.split('.').value(1), &ok)).object();
}

QString deviceOf(const QByteArray &token)
{
    return claimsOf(token).value(QStringLiteral("did")).toString();
}

HttpTestResponse postJson(TestApiServer &s, const QString &path, const QJsonObject &body,
                          const QList<QPair<QByteArray, QByteArray>> &headers = {})
{
    auto h = headers;
    h.append(QPair<QByteArray, QByteArray>("Content-Type", "application/json"));
    return s.client().request("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), h);
}

QJsonObject creds(const QString &email, const QString &deviceName = {})
{
    QJsonObject o{{QStringLiteral("email"), email}, {QStringLiteral("password"), QStringLiteral("correct horse")}};
    if (!deviceName.isNull())
        o.insert(QStringLiteral("device_name"), deviceName);
    return o;
}

// Runs one statement on the test's own connection to the server's database.
bool exec(TestApiServer &s, const QString &sql, const QVariantList &values = {})
{
    auto db = s.backend().database().connection();
    if (!db)
        return false;
    QSqlQuery q(db.value());
    if (!q.prepare(sql))
        return false;
    for (const QVariant &v : values)
        q.addBindValue(v);
    return q.exec();
}

QDateTime lastSeen(TestApiServer &s, const QString &deviceId)
{
    auto db = s.backend().database().connection();
    QSqlQuery q(db.value());
    q.prepare(QStringLiteral("SELECT last_seen_at FROM devices WHERE id = ?"));
    q.addBindValue(deviceId);
    if (!q.exec() || !q.next())
        return {};
    return sqlvalue::time(q.value(0));
}
} // namespace

class TstDeviceTokens : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everySignInIsADeviceNamedAfterItsClient()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        const auto up = postJson(s, QStringLiteral("/auth/signup"), creds(QStringLiteral("ann@example.com"), QStringLiteral("Work laptop")));
        QCOMPARE(up.status, 201);
        const auto phone = postJson(s, QStringLiteral("/auth/signin"), creds(QStringLiteral("ann@example.com")),
                                    {{"User-Agent", kIPhoneSafari}});
        QCOMPARE(phone.status, 200);
        const auto bare = postJson(s, QStringLiteral("/auth/signin"), creds(QStringLiteral("ann@example.com")));
        QCOMPARE(bare.status, 200);
        const auto messy = postJson(s, QStringLiteral("/auth/signin"),
                                    creds(QStringLiteral("ann@example.com"), QStringLiteral("  Kitchen\u0007 \u202e tablet\n") + QString(200, u'x')));
        QCOMPARE(messy.status, 200);

        // Each token names its own device.
        QSet<QString> ids;
        for (const auto *r : {&up, &phone, &bare, &messy}) {
            const QString did = deviceOf(tokenOf(*r));
            QVERIFY2(isUuid(did), qPrintable(did));
            ids.insert(did);
        }
        QCOMPARE(ids.size(), 4);

        const auto list = s.client().get(QStringLiteral("/devices"), tokenOf(phone));
        QCOMPARE(list.status, 200);
        const QJsonArray devices = list.array();
        QCOMPARE(devices.size(), 4);
        QHash<QString, QJsonObject> byId;
        int current = 0;
        for (const QJsonValue &v : devices) {
            const QJsonObject d = v.toObject();
            const QStringList keys = d.keys();
            QCOMPARE(QSet<QString>(keys.begin(), keys.end()), (QSet<QString>{"id", "name", "created_at", "last_seen_at", "current"}));
            QVERIFY(d.value("created_at").toString().endsWith(u'Z'));
            QVERIFY(d.value("last_seen_at").toString().endsWith(u'Z'));
            current += d.value("current").toBool() ? 1 : 0;
            byId.insert(d.value("id").toString(), d);
        }
        QCOMPARE(current, 1);
        QVERIFY(byId.value(deviceOf(tokenOf(phone))).value("current").toBool());
        QCOMPARE(byId.value(deviceOf(tokenOf(up))).value("name").toString(), QStringLiteral("Work laptop"));
        QCOMPARE(byId.value(deviceOf(tokenOf(phone))).value("name").toString(), QStringLiteral("Safari on iPhone"));
        QCOMPARE(byId.value(deviceOf(tokenOf(bare))).value("name").toString(), QStringLiteral("Unknown device"));
        const QString cleaned = byId.value(deviceOf(tokenOf(messy))).value("name").toString();
        QVERIFY2(cleaned.startsWith(QStringLiteral("Kitchen tablet xxx")), qPrintable(cleaned));
        QCOMPARE(cleaned.size(), devicename::kMaxDeviceNameLength);

        // device_name must be a string when given.
        QJsonObject wrong = creds(QStringLiteral("ann@example.com"));
        wrong.insert(QStringLiteral("device_name"), 42);
        const auto refused = postJson(s, QStringLiteral("/auth/signin"), wrong);
        QCOMPARE(refused.status, 422);
        QVERIFY(refused.detail().startsWith(QStringLiteral("device_name")));
    }

    void namesFromUserAgents_data()
    {
        QTest::addColumn<QByteArray>("userAgent");
        QTest::addColumn<QString>("name");
        QTest::newRow("iPhone Safari") << kIPhoneSafari << QStringLiteral("Safari on iPhone");
        QTest::newRow("Android Chrome") << QByteArray("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                                                      "Chrome/124.0.0.0 Mobile Safari/537.36") << QStringLiteral("Chrome on Android");
        QTest::newRow("Windows Edge") << QByteArray("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                                                    "Chrome/124.0.0.0 Safari/537.36 Edg/124.0.0.0") << QStringLiteral("Edge on Windows");
        QTest::newRow("Linux Firefox") << QByteArray("Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0")
                                       << QStringLiteral("Firefox on Linux");
        QTest::newRow("Mac Safari") << QByteArray("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                                                  "Version/17.4 Safari/605.1.15") << QStringLiteral("Safari on macOS");
        QTest::newRow("curl") << QByteArray("curl/8.5.0") << QStringLiteral("curl");
        QTest::newRow("an app") << QByteArray("Teehee/0.1 (Linux)") << QStringLiteral("Teehee on Linux");
        QTest::newRow("nothing") << QByteArray() << QString();
        QTest::newRow("garbage") << QByteArray("\x01\x02///") << QString();
    }
    void namesFromUserAgents()
    {
        QFETCH(QByteArray, userAgent);
        QFETCH(QString, name);
        QCOMPARE(devicename::fromUserAgent(userAgent), name);
        QCOMPARE(devicename::fromClient(QString(), userAgent), name.isEmpty() ? QStringLiteral("Unknown device") : name);
        QCOMPARE(devicename::fromClient(QStringLiteral(" My phone "), userAgent), QStringLiteral("My phone"));
    }

    void logoutSignsOutThisDeviceOnly()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        QCOMPARE(postJson(s, QStringLiteral("/auth/signup"), creds(QStringLiteral("bo@example.com"))).status, 201);
        const QByteArray phone = tokenOf(postJson(s, QStringLiteral("/auth/signin"), creds(QStringLiteral("bo@example.com"), QStringLiteral("Phone"))));
        const QByteArray laptop = tokenOf(postJson(s, QStringLiteral("/auth/signin"), creds(QStringLiteral("bo@example.com"), QStringLiteral("Laptop"))));

        QCOMPARE(postJson(s, QStringLiteral("/auth/logout"), {}, {{"Authorization", "Bearer " + phone}}).status, 200);
        const auto after = s.client().get(QStringLiteral("/auth/session"), phone);
        QCOMPARE(after.status, 401);
        QCOMPARE(after.header("www-authenticate"), QByteArray("Bearer"));
        QCOMPARE(s.client().get(QStringLiteral("/auth/session"), laptop).status, 200);
        QStringList names;
        for (const QJsonValue &d : s.client().get(QStringLiteral("/devices"), laptop).array())
            names << d.toObject().value("name").toString();
        QVERIFY2(!names.contains(QStringLiteral("Phone")) && names.contains(QStringLiteral("Laptop")), qPrintable(names.join(u',')));
        // Signing in again is a new device with a new token.
        const QByteArray again = tokenOf(postJson(s, QStringLiteral("/auth/signin"), creds(QStringLiteral("bo@example.com"), QStringLiteral("Phone"))));
        QVERIFY(deviceOf(again) != deviceOf(phone));
        QCOMPARE(s.client().get(QStringLiteral("/auth/session"), again).status, 200);
    }

    void deletingADeviceRevokesItsTokensAtOnce()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        const QByteArray laptop = tokenOf(postJson(s, QStringLiteral("/auth/signup"), creds(QStringLiteral("cy@example.com"), QStringLiteral("Laptop"))));
        const QByteArray phone = tokenOf(postJson(s, QStringLiteral("/auth/signin"), creds(QStringLiteral("cy@example.com"), QStringLiteral("Phone"))));
        const QByteArray stranger = tokenOf(postJson(s, QStringLiteral("/auth/signup"), creds(QStringLiteral("dee@example.com"))));
        const QString phoneId = deviceOf(phone);

        // Another account's device is not found, as a missing one is, and keeps working.
        QCOMPARE(s.client().del(QStringLiteral("/devices/%1").arg(phoneId), stranger).status, 404);
        QCOMPARE(s.client().del(QStringLiteral("/devices/%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces)), laptop).status, 404);
        QCOMPARE(s.client().del(QStringLiteral("/devices/not-a-uuid"), laptop).status, 404);
        QCOMPARE(s.client().get(QStringLiteral("/auth/session"), phone).status, 200);

        const auto revoked = s.client().del(QStringLiteral("/devices/%1").arg(phoneId), laptop);
        QCOMPARE(revoked.status, 200);
        QCOMPARE(revoked.object().value("id").toString(), phoneId);
        const auto refused = s.client().get(QStringLiteral("/chats"), phone);
        QCOMPARE(refused.status, 401);
        QVERIFY(!refused.detail().isEmpty());
        QVERIFY(!refused.body.contains(phone));
        QCOMPARE(s.client().get(QStringLiteral("/chats"), laptop).status, 200);
        QCOMPARE(s.client().get(QStringLiteral("/devices"), laptop).array().size(), 1);
        // Once only.
        QCOMPARE(s.client().del(QStringLiteral("/devices/%1").arg(phoneId), laptop).status, 404);
        // A device may sign itself out too.
        QCOMPARE(s.client().del(QStringLiteral("/devices/%1").arg(deviceOf(laptop)), laptop).status, 200);
        QCOMPARE(s.client().get(QStringLiteral("/devices"), laptop).status, 401);
    }

    void tokensMadeBeforeDevicesStillWork()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        const QByteArray device = tokenOf(postJson(s, QStringLiteral("/auth/signup"), creds(QStringLiteral("eve@example.com"))));
        const QString userId = claimsOf(device).value("sub").toString();
        const QByteArray legacy = s.backend().auth().tokens().issue(userId, QStringLiteral("eve@example.com"));
        const QByteArray legacy2 = s.backend().auth().tokens().issue(userId, QStringLiteral("eve@example.com"));
        QVERIFY(!claimsOf(legacy).contains(QStringLiteral("did")));

        QCOMPARE(s.client().get(QStringLiteral("/auth/session"), legacy).status, 200);
        const auto list = s.client().get(QStringLiteral("/devices"), legacy);
        QCOMPARE(list.status, 200);
        QCOMPARE(list.array().size(), 1);
        QCOMPARE(list.array().first().toObject().value("current").toBool(), false);
        // Its logout revokes that token only: no device goes.
        QCOMPARE(postJson(s, QStringLiteral("/auth/logout"), {}, {{"Authorization", "Bearer " + legacy}}).status, 200);
        QCOMPARE(s.client().get(QStringLiteral("/auth/session"), legacy).status, 401);
        QCOMPARE(s.client().get(QStringLiteral("/auth/session"), legacy2).status, 200);
        QCOMPARE(s.client().get(QStringLiteral("/auth/session"), device).status, 200);
        // And it still ends at its own exp (ACCESS_TOKEN_EXPIRE_MINUTES).
        const QByteArray old = s.backend().auth().tokens().issue(userId, QStringLiteral("eve@example.com"),
                                                                 QDateTime::currentSecsSinceEpoch() - 31 * 60);
        QCOMPARE(s.client().get(QStringLiteral("/auth/session"), old).status, 401);
    }

    void aDeviceTokenIsRenewedByUseAndLapsesWhenUnused()
    {
        TestApiServer s([](Config &c) { c.deviceTokenDays = 2; });
        TEEHEE_REQUIRE_SERVER(s);
        const QByteArray token = tokenOf(postJson(s, QStringLiteral("/auth/signup"), creds(QStringLiteral("fay@example.com"))));
        const QString id = deviceOf(token);
        const QJsonObject claims = claimsOf(token);
        QCOMPARE(claims.value("exp").toInteger() - claims.value("iat").toInteger(), qint64(2 * 24 * 3600));

        // Last used a day ago: still valid, and this use moves last_seen_at to now.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(exec(s, QStringLiteral("UPDATE devices SET last_seen_at = ? WHERE id = ?"), {sqlvalue::isoTime(now.addDays(-1)), id}));
        QCOMPARE(s.client().get(QStringLiteral("/auth/session"), token).status, 200);
        QVERIFY2(qAbs(lastSeen(s, id).secsTo(now)) < 60, qPrintable(lastSeen(s, id).toString(Qt::ISODate)));

        // A token whose own exp has passed is still the device's while the device is used.
        const QString userId = claims.value("sub").toString();
        const QByteArray oldButUsed = s.backend().auth().tokens().issueForDevice(userId, QStringLiteral("fay@example.com"), id,
                                                                                QDateTime::currentSecsSinceEpoch() - 3 * 24 * 3600);
        QCOMPARE(s.client().get(QStringLiteral("/auth/session"), oldButUsed).status, 200);

        // Unused for longer than DEVICE_TOKEN_DAYS: signed out, whichever token.
        QVERIFY(exec(s, QStringLiteral("UPDATE devices SET last_seen_at = ? WHERE id = ?"), {sqlvalue::isoTime(now.addDays(-2).addSecs(-5)), id}));
        const auto lapsed = s.client().get(QStringLiteral("/auth/session"), token);
        QCOMPARE(lapsed.status, 401);
        QVERIFY(lapsed.detail().contains(QStringLiteral("expired")));
        QCOMPARE(s.client().get(QStringLiteral("/auth/session"), oldButUsed).status, 401);
        QCOMPARE(s.client().get(QStringLiteral("/devices"), tokenOf(postJson(s, QStringLiteral("/auth/signin"), creds(QStringLiteral("fay@example.com")))))
                     .array().size(), 1); // the lapsed device is not listed
    }

    void aTokenNamingAnotherUsersOrNoDeviceIsRefused()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        const QByteArray mine = tokenOf(postJson(s, QStringLiteral("/auth/signup"), creds(QStringLiteral("gil@example.com"))));
        const QByteArray theirs = tokenOf(postJson(s, QStringLiteral("/auth/signup"), creds(QStringLiteral("hal@example.com"))));
        const QString me = claimsOf(mine).value("sub").toString();
        const TokenService &tokens = s.backend().auth().tokens();
        const QByteArray borrowed = tokens.issueForDevice(me, QStringLiteral("gil@example.com"), deviceOf(theirs));
        const QByteArray nowhere = tokens.issueForDevice(me, QStringLiteral("gil@example.com"), QUuid::createUuid().toString(QUuid::WithoutBraces));
        for (const QByteArray &bad : {borrowed, nowhere}) {
            const auto r = s.client().get(QStringLiteral("/auth/session"), bad);
            QCOMPARE(r.status, 401);
            QCOMPARE(r.header("www-authenticate"), QByteArray("Bearer"));
        }
        // A did that is not a UUID is not a token of ours.
        QVERIFY(!tokens.verify(tokens.issueForDevice(me, QStringLiteral("gil@example.com"), QStringLiteral("laptop"))));
    }
};

QTEST_GUILESS_MAIN(TstDeviceTokens)
#include "tst_devicetokens.moc"
