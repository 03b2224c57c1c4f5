// Crash safety with the real teehee-server: killed with SIGKILL in the middle
// of a reply, then restarted on the same database. The reply holds the text
// saved while it streamed (here: at least what came a second before the kill;
// it prints how far behind the kill it was), is `aborted` (partial), and
// continues to the full text. SQLite and PostgreSQL.
#include "fakeproviderserver.h"
#include "generationfixture.h"
#include "support/testdatabase.h"
#include "support/testenv.h"
#include "wsclient.h"

#include "core/config.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace genfixture;

class TestStreamCrash : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    TestDatabase m_db;
    FakeProviderServer m_fake;

    QString databaseUrl() const
    {
        const DatabaseUrl &u = m_db.url();
        if (u.isSqlite())
            return QStringLiteral("sqlite://%1").arg(m_dir.filePath(QStringLiteral("crash.db")));
        return QStringLiteral("postgresql://%1%2@%3:%4/%5")
            .arg(u.user, u.password.isEmpty() ? QString() : QLatin1Char(':') + u.password, u.host)
            .arg(u.port).arg(u.database);
    }

    // Starts the server; returns its port (0 on failure).
    int start(QProcess &p)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const auto &v : configVariables())
            env.remove(QLatin1String(v.name));
        env.insert(QStringLiteral("TEEHEE_DATA_DIR"), m_dir.path());
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent"));
        env.insert(QStringLiteral("SECRET_KEY"), QString(64, u'a') + QStringLiteral("crash"));
        env.insert(QStringLiteral("ENCRYPTION_KEY"), QString(64, u'b') + QStringLiteral("crash"));
        env.insert(QStringLiteral("DATABASE_URL"), databaseUrl());
        env.insert(QStringLiteral("OPENAI_BASE_URL"), m_fake.baseUrl(QStringLiteral("/v1")));
        env.insert(QStringLiteral("OPENAI_API_KEY"), QStringLiteral("sk-test-crash-0000"));
        p.setProcessEnvironment(env);
        p.setProcessChannelMode(QProcess::SeparateChannels);
        p.start(QStringLiteral(TEEHEE_SERVER_BINARY), {QStringLiteral("--port"), QStringLiteral("0")});
        if (!p.waitForStarted())
            return 0;
        QString out;
        const QRegularExpression listening(QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)"));
        const bool settled = QTest::qWaitFor([&] {
            out += QString::fromUtf8(p.readAllStandardOutput());
            return listening.match(out).hasMatch() || p.state() == QProcess::NotRunning;
        }, 30000);
        const auto m = listening.match(out);
        if (!settled || !m.hasMatch())
            qWarning().noquote() << "server did not start:" << out << p.readAllStandardError();
        return m.hasMatch() ? m.captured(1).toInt() : 0;
    }

    static QList<QPair<QByteArray, QByteArray>> auth(const QByteArray &token)
    {
        return {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + token}};
    }

private Q_SLOTS:
    void initTestCase()
    {
        TEEHEE_REQUIRE_DB(m_db);
        QVERIFY(m_fake.listen());
    }

    void aKilledServerKeepsTheTextAndTheReplyContinues()
    {
        const QStringList all = words(400);
        m_fake.enqueue(reply(QStringLiteral("openai"), all, 15)); // about 6 s: killed long before the end

        QProcess first;
        const int port = start(first);
        QVERIFY(port > 0);
        HttpTestClient http{quint16(port)};
        const auto signup = http.request("POST", QStringLiteral("/auth/signup"),
                                         R"({"email":"crash@example.com","password":"correct horse battery"})",
                                         {{"Content-Type", "application/json"}});
        QCOMPARE(signup.status, 201);
        const QByteArray token = signup.object().value("access_token").toString().toUtf8();
        const auto chat = http.request("POST", QStringLiteral("/chats"), "{}", auth(token));
        QCOMPARE(chat.status, 201);
        const QString chatId = chat.object().value("id").toString();

        // Watch the stream and note when each token arrived.
        WsClient ws;
        QVERIFY(ws.open(WsClient::url(quint16(port), chatId, token)));
        QElapsedTimer clock;
        clock.start();
        QList<QPair<qint64, QString>> arrivals;
        connect(&ws.ws, &QWebSocket::textMessageReceived, this, [&](const QString &text) {
            const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
            if (o.value("type").toString() == u"token")
                arrivals.append({clock.elapsed(), o.value("token").toString()});
        });
        ws.send({{"type", "stream_message"}, {"content", "count to 400"}, {"provider", "openai"}, {"model", "gpt-4o-mini"}});
        QVERIFY(QTest::qWaitFor([&] { return arrivals.size() >= 120; }, 20000));
        const QString messageId = ws.last("stream_start").value("message_id").toString();
        QVERIFY(!messageId.isEmpty());

        const qint64 killedAt = clock.elapsed();
        first.kill(); // SIGKILL
        QVERIFY(first.waitForFinished(10000));
        QCOMPARE(first.exitStatus(), QProcess::CrashExit);
        // Everything the server had received a second before the kill must be on
        // disk. The saver's own bound is 250 ms (tst_savebatcher); the slack is
        // for a machine busy enough to run its timers late.
        QString mustHave;
        for (const auto &[at, token] : arrivals)
            if (at <= killedAt - 1000)
                mustHave += token;
        QVERIFY(!mustHave.isEmpty());

        QProcess second;
        const int port2 = start(second);
        QVERIFY(port2 > 0);
        HttpTestClient http2{quint16(port2)};
        const auto messages = http2.request("GET", QStringLiteral("/chats/%1/messages").arg(chatId), {}, auth(token));
        QCOMPARE(messages.status, 200);
        QJsonObject stored;
        for (const auto &v : messages.array())
            if (v.toObject().value("id").toString() == messageId)
                stored = v.toObject();
        const QString text = stored.value("content").toObject().value("text").toString();
        // How long before the kill the last token on disk reached the client.
        qint64 received = 0, lostMs = killedAt;
        for (const auto &[at, token] : arrivals) {
            received += token.size();
            if (received <= text.size())
                lostMs = killedAt - at;
        }
        qInfo("killed after %d tokens; %lld chars stored, %lld required (received 1 s before the kill); "
              "the last stored token arrived %lld ms before the kill",
              int(arrivals.size()), qint64(text.size()), qint64(mustHave.size()), lostMs);
        QCOMPARE(stored.value("status").toString(), QStringLiteral("aborted"));
        QCOMPARE(stored.value("is_partial").toBool(), true);
        QVERIFY2(text.startsWith(mustHave), qPrintable(QStringLiteral("stored %1 chars, needed %2").arg(text.size()).arg(mustHave.size())));
        QVERIFY(all.join(QString()).startsWith(text));

        // Continue it to the full text.
        const int done = int(text.count(u' '));
        m_fake.enqueue(reply(QStringLiteral("openai"), all.mid(done)));
        const auto cont = http2.request("POST", QStringLiteral("/stream/%1/continue").arg(messageId),
                                        R"({"provider":"openai","model":"gpt-4o-mini"})", auth(token), 30000);
        QCOMPARE(cont.status, 200);
        QCOMPARE(cont.object().value("content").toString(), all.join(QString()));
        const auto after = http2.request("GET", QStringLiteral("/chats/%1/messages").arg(chatId), {}, auth(token));
        for (const auto &v : after.array())
            if (v.toObject().value("id").toString() == messageId) {
                QCOMPARE(v.toObject().value("status").toString(), QStringLiteral("complete"));
                QCOMPARE(v.toObject().value("content").toObject().value("text").toString(), all.join(QString()));
            }
        second.terminate();
        QVERIFY(second.waitForFinished(10000));
    }
};

QTEST_GUILESS_MAIN(TestStreamCrash)
#include "tst_streamcrash.moc"
