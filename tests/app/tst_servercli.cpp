// teehee-server as an operator meets it: --help, --version, clear refusals
// with exit code 2, and a start that serves /health and keeps its secrets.
#include "core/config.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestServerCli : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QProcessEnvironment cleanEnv(const QString &dataDir) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const auto &v : teehee::configVariables())
            env.remove(QLatin1String(v.name));
        env.insert(QStringLiteral("TEEHEE_DATA_DIR"), dataDir);
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent"));
        return env;
    }

    struct Run { int code; QString out; QString err; };
    Run run(const QStringList &args, const QList<QPair<QString, QString>> &vars = {})
    {
        QProcess p;
        QProcessEnvironment env = cleanEnv(m_dir.path());
        for (const auto &[k, v] : vars)
            env.insert(k, v);
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(m_dir.path());
        p.start(QStringLiteral(TEEHEE_SERVER_BINARY), args);
        if (!p.waitForFinished(20000)) {
            p.kill();
            p.waitForFinished();
            return {-1, {}, QStringLiteral("did not exit")};
        }
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }

private Q_SLOTS:
    void helpDocumentsEveryFlagAndVariable()
    {
        const Run r = run({QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        for (const char *flag : {"--host", "--port", "--database-url", "--env-file", "--help", "--version"})
            QVERIFY2(r.out.contains(QLatin1String(flag)), flag);
        for (const auto &v : teehee::configVariables())
            QVERIFY2(r.out.contains(QLatin1String(v.name)), v.name);
    }

    void versionPrintsTheVersion()
    {
        const Run r = run({QStringLiteral("--version")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral(TEEHEE_VERSION)));
    }

    void badConfigurationExitsWithTwoAndOneClearLine_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::newRow("port") << "PORT" << "abc";
        QTest::newRow("database scheme") << "DATABASE_URL" << "oracle://x/y";
        QTest::newRow("cors json") << "CORS_ORIGINS" << "[\"http://a\"";
        QTest::newRow("placeholder secret") << "SECRET_KEY" << "your-secret-key-change-in-production";
    }
    void badConfigurationExitsWithTwoAndOneClearLine()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        const Run r = run({}, {{name, value}});
        QCOMPARE(r.code, 2);
        const QStringList lines = r.err.trimmed().split(u'\n');
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().contains(name), qPrintable(lines.first()));
    }

    void aBadFlagExitsWithTwo()
    {
        QCOMPARE(run({QStringLiteral("--port"), QStringLiteral("x")}).code, 2);
        QCOMPARE(run({QStringLiteral("--no-such-flag")}).code, 2);
    }

    void startsServesHealthAndKeepsGeneratedSecrets()
    {
        QTemporaryDir data;
        QProcess server;
        server.setProcessEnvironment(cleanEnv(data.path()));
        server.setWorkingDirectory(data.path());
        server.start(QStringLiteral(TEEHEE_SERVER_BINARY), {QStringLiteral("--port"), QStringLiteral("0")});
        QVERIFY(server.waitForStarted());
        QString out;
        const QRegularExpression listening(QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)"));
        QTRY_VERIFY_WITH_TIMEOUT((out += QString::fromUtf8(server.readAllStandardOutput()), listening.match(out).hasMatch()), 20000);
        const int port = listening.match(out).captured(1).toInt();

        QNetworkAccessManager nam;
        QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/health").arg(port))));
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
        QCOMPARE(body.value(QStringLiteral("status")).toString(), QStringLiteral("healthy"));
        QCOMPARE(body.value(QStringLiteral("database")).toString(), QStringLiteral("ok"));
        QCOMPARE(body.value(QStringLiteral("version")).toString(), QStringLiteral(TEEHEE_VERSION));
        reply->deleteLater();

        server.terminate();
        QVERIFY(server.waitForFinished(10000));
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);

        // The default SQLite database and the generated secrets live in the data folder.
        QVERIFY(QFileInfo::exists(data.filePath(QStringLiteral("teehee.db"))));
        const QFileInfo secrets(data.filePath(QStringLiteral("secrets.json")));
        QVERIFY(secrets.exists());
        QCOMPARE(secrets.permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup), QFileDevice::Permissions());
        QFile f(secrets.filePath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject kept = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(kept.value(QStringLiteral("secret-key")).toString().size(), 64);
        QCOMPARE(kept.value(QStringLiteral("encryption-key")).toString().size(), 64);
        // Never printed.
        QVERIFY(!out.contains(kept.value(QStringLiteral("secret-key")).toString()));
    }
};

QTEST_GUILESS_MAIN(TestServerCli)
#include "tst_servercli.moc"
