// A device signed out ends its live sessions at once, over real sockets, on
// SQLite and PostgreSQL (spec/api.md "Devices and pairing", "Live events"):
// DELETE /devices/{id} or that device's logout → every device of the account
// hears device_revoked, then that device's /events and /stream/{chat_id}
// sockets close with 4001 — pushed, not found at the next message — while the
// other devices' sockets stay open. Servers sharing one PostgreSQL database
// close the device's sockets too, within a second or so.
#include "api/httpserver.h"
#include "backend.h"
#include "generation/wsclient.h"
#include "support/httptestclient.h"
#include "support/testenv.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace teehee;

namespace {
QJsonObject claimsOf(const QByteArray &token)
{
    return QJsonDocument::fromJson(QByteArray::fromBase64(token.split('.').value(1), QByteArray::Base64UrlEncoding)).object();
}
QString deviceOf(const QByteArray &token) { return claimsOf(token).value(QStringLiteral("did")).toString(); }

// One device's two live sockets: the account's events and a chat's.
struct DeviceSockets {
    WsClient events;
    WsClient chat;
};
} // namespace

class TstDeviceSessions : public QObject {
    Q_OBJECT

    std::unique_ptr<TestApiServer> s;
    QByteArray phone, laptop;
    QString chatId;

    HttpTestResponse call(const QByteArray &method, const QString &path, const QJsonObject &body, const QByteArray &token,
                          quint16 port = 0)
    {
        QList<QPair<QByteArray, QByteArray>> h{{"Content-Type", "application/json"}};
        if (!token.isEmpty())
            h.append(QPair<QByteArray, QByteArray>("Authorization", "Bearer " + token));
        return HttpTestClient(port ? port : s->port())
            .request(method, path, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact), h);
    }
    QByteArray signIn(const QString &name)
    {
        return call("POST", QStringLiteral("/auth/signin"),
                    {{"email", "pat@example.com"}, {"password", "correct horse"}, {"device_name", name}}, {})
            .object().value(QStringLiteral("access_token")).toString().toLatin1();
    }
    bool open(DeviceSockets &d, const QByteArray &token, quint16 port = 0)
    {
        const quint16 p = port ? port : s->port();
        return d.events.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/events?token=%2").arg(p).arg(QString::fromLatin1(token))))
            && d.chat.open(WsClient::url(p, chatId, token));
    }
    static bool stillOpen(WsClient &c)
    {
        c.send({{"type", "ping"}});
        return c.waitFor(QStringLiteral("pong"), c.ofType(QStringLiteral("pong")).size() + 1) && !c.closed;
    }

private Q_SLOTS:
    void init()
    {
        s = std::make_unique<TestApiServer>();
        TEEHEE_REQUIRE_SERVER(*s);
        QCOMPARE(call("POST", QStringLiteral("/auth/signup"), {{"email", "pat@example.com"}, {"password", "correct horse"}}, {}).status, 201);
        phone = signIn(QStringLiteral("Phone"));
        laptop = signIn(QStringLiteral("Laptop"));
        QVERIFY(!phone.isEmpty() && !laptop.isEmpty());
        chatId = call("POST", QStringLiteral("/chats"), {{"name", "Shared"}}, laptop).object().value("id").toString();
        QVERIFY(!chatId.isEmpty());
    }
    void cleanup() { s.reset(); }

    void deletingADeviceClosesItsSocketsAtOnceAndNoOneElses()
    {
        DeviceSockets p, l;
        QVERIFY(open(p, phone));
        QVERIFY(open(l, laptop));

        QElapsedTimer clock;
        clock.start();
        QCOMPARE(call("DELETE", QStringLiteral("/devices/%1").arg(deviceOf(phone)), {}, laptop).status, 200);
        // Pushed to the sockets when it happens, not when they next speak (they say nothing here).
        QVERIFY(p.events.waitClosed(2000));
        QVERIFY(p.chat.waitClosed(2000));
        QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(p.events.closeCode, 4001);
        QCOMPARE(p.chat.closeCode, 4001);
        // The device heard why before its socket closed, and every other device heard it too.
        QCOMPARE(p.events.types().last(), QStringLiteral("device_revoked"));
        QCOMPARE(p.events.last(QStringLiteral("device_revoked")).value("device_id").toString(), deviceOf(phone));
        QVERIFY(l.events.waitFor(QStringLiteral("device_revoked")));
        QCOMPARE(l.events.last(QStringLiteral("device_revoked")).value("device_id").toString(), deviceOf(phone));

        QVERIFY(stillOpen(l.events));
        QVERIFY(stillOpen(l.chat));
        QCOMPARE(call("GET", QStringLiteral("/chats"), {}, phone).status, 401);
        QCOMPARE(call("GET", QStringLiteral("/chats"), {}, laptop).status, 200);
        // And it cannot come back in on a socket.
        WsClient again;
        again.open(WsClient::url(s->port(), chatId, phone));
        QVERIFY(again.waitClosed());
        QCOMPARE(again.closeCode, 4001);
    }

    void logoutClosesThisDevicesSocketsOnly()
    {
        DeviceSockets p, l;
        QVERIFY(open(p, phone));
        QVERIFY(open(l, laptop));
        QCOMPARE(call("POST", QStringLiteral("/auth/logout"), {}, phone).status, 200);
        QVERIFY(p.events.waitClosed(2000));
        QVERIFY(p.chat.waitClosed(2000));
        QCOMPARE(p.events.closeCode, 4001);
        QCOMPARE(p.chat.closeCode, 4001);
        QVERIFY(l.events.waitFor(QStringLiteral("device_revoked")));
        QVERIFY(stillOpen(l.events));
        QVERIFY(stillOpen(l.chat));
    }

    void aDeviceRevokedOnAnotherServerIsClosedHereToo()
    {
        if (!s->database().isPostgres())
            QSKIP("one server owns a SQLite file; servers share only PostgreSQL");
        // A second server on the same database, as a group behind one address would run.
        QTemporaryDir dir;
        Config config = testConfig(s->database(), dir.path());
        config.serverId = QStringLiteral("second-server");
        Backend other(config);
        QVERIFY2(other.startWithConfig(), "second backend");
        HttpServer otherServer(other);
        auto port = otherServer.listen(QStringLiteral("127.0.0.1"), 0);
        QVERIFY(port);

        DeviceSockets p, l;
        QVERIFY(open(p, phone, port.value()));
        QVERIFY(open(l, laptop, port.value()));
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(call("DELETE", QStringLiteral("/devices/%1").arg(deviceOf(phone)), {}, laptop).status, 200); // on the first server
        QCOMPARE(call("GET", QStringLiteral("/chats"), {}, phone, port.value()).status, 401); // the database says so at once
        QVERIFY(p.events.waitClosed(5000));
        QVERIFY(p.chat.waitClosed(5000));
        QVERIFY2(clock.elapsed() < 2500, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(p.events.closeCode, 4001);
        QCOMPARE(p.chat.closeCode, 4001);
        QVERIFY(l.events.waitFor(QStringLiteral("device_revoked")));
        QCOMPARE(l.events.ofType(QStringLiteral("device_revoked")).size(), 1); // once
        QVERIFY(stillOpen(l.events));
        QVERIFY(stillOpen(l.chat));
    }
};

QTEST_GUILESS_MAIN(TstDeviceSessions)
#include "tst_devicesessions.moc"
