// teehee-server as an operator meets it: --help, --version, clear refusals
// with exit code 2, and a start that serves /health and keeps its secrets.
#include "core/config.h"

#include <QDBusConnection>
#include <QDBusVirtualObject>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// Takes every call made to it and never answers: a keyring waiting on an unlock prompt.
class SilentObject : public QDBusVirtualObject {
public:
    QString introspect(const QString &) const override { return {}; }
    bool handleMessage(const QDBusMessage &, const QDBusConnection &) override { return true; }
};

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
        for (const char *flag : {"--host", "--port", "--database-url", "--env-file", "--help", "--version", "--print-fingerprint"})
            QVERIFY2(r.out.contains(QLatin1String(flag)), flag);
        // The documented variables, written out here rather than taken from the code's own
        // table: a variable dropped from that table must fail this test.
        for (const char *name : {"DATABASE_URL", "SECRET_KEY", "ENCRYPTION_KEY", "ACCESS_TOKEN_EXPIRE_MINUTES", "DEVICE_TOKEN_DAYS",
                                 "CORS_ORIGINS", "APP_NAME", "DEBUG", "OPENAI_API_KEY", "ANTHROPIC_API_KEY",
                                 "MISTRAL_API_KEY", "OPENAI_BASE_URL", "ANTHROPIC_BASE_URL", "MISTRAL_BASE_URL",
                                 "MAX_TOKENS", "STREAM_TIMEOUT", "HOST", "PORT", "ALLOW_SIGNUP", "MAX_REQUEST_BYTES",
                                 "MAX_MESSAGE_BYTES", "OIDC_ISSUER", "OIDC_CLIENT_ID", "GOOGLE_CLIENT_ID",
                                 "GOOGLE_ISSUER", "TEEHEE_DATA_DIR", "TEEHEE_SERVER_ID", "MAX_CONNECTIONS",
                                 "MAX_CONNECTIONS_PER_ADDRESS", "TRUSTED_PROXIES", "ALLOW_PRIVATE_ENDPOINTS",
                                 "ALLOWED_ENDPOINT_HOSTS", "MAX_GENERATIONS_PER_USER", "MAX_REPLY_BYTES",
                                 "AUTO_TITLES", "TITLE_PROVIDER", "TITLE_MODEL", "TLS_CERT_FILE", "TLS_KEY_FILE", "TLS"})
            QVERIFY2(QRegularExpression(QStringLiteral("\\b%1\\b").arg(QLatin1String(name))).match(r.out).hasMatch(), name);
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
        QTest::addColumn<bool>("secret");
        QTest::newRow("port") << "PORT" << "abc" << false;
        QTest::newRow("database scheme") << "DATABASE_URL" << "oracle://x/y" << false;
        QTest::newRow("cors json") << "CORS_ORIGINS" << "[\"http://a\"" << false;
        QTest::newRow("placeholder secret") << "SECRET_KEY" << "your-secret-key-change-in-production" << true;
        QTest::newRow("short secret key") << "SECRET_KEY" << "Sh0rt-but-not-empty-7f3a9c" << true;
        QTest::newRow("short encryption key") << "ENCRYPTION_KEY" << "0123456789abcdef0123456789abcde" << true;
        QTest::newRow("tls mode") << "TLS" << "maybe" << false;
        QTest::newRow("tls cert without key") << "TLS_CERT_FILE" << "/etc/ssl/certs/ssl-cert-snakeoil.pem" << false;
    }
    void badConfigurationExitsWithTwoAndOneClearLine()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(bool, secret);
        const Run r = run({}, {{name, value}});
        QCOMPARE(r.code, 2);
        const QStringList lines = r.err.trimmed().split(u'\n');
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().contains(name), qPrintable(lines.first()));
        if (secret) // named, never shown
            QVERIFY2(!r.err.contains(value) && !r.out.contains(value), qPrintable(lines.first()));
    }

    void aShortSecretStartsInDebugMode()
    {
        QTemporaryDir data;
        QProcess server;
        QProcessEnvironment env = cleanEnv(data.path());
        env.insert(QStringLiteral("SECRET_KEY"), QStringLiteral("short"));
        env.insert(QStringLiteral("DEBUG"), QStringLiteral("true"));
        server.setProcessEnvironment(env);
        server.setWorkingDirectory(data.path());
        server.start(QStringLiteral(TEEHEE_SERVER_BINARY), {QStringLiteral("--port"), QStringLiteral("0")});
        QVERIFY(server.waitForStarted());
        QString out;
        QTRY_VERIFY_WITH_TIMEOUT((out += QString::fromUtf8(server.readAllStandardOutput()), out.contains(QStringLiteral("listening on"))), 20000);
        server.terminate();
        QVERIFY(server.waitForFinished(10000));
    }

    void theFingerprintIsPrintedAtStartAndOnRequest()
    {
        QCOMPARE(run({QStringLiteral("--print-fingerprint")}).code, 2); // TLS is off
        QTemporaryDir data;
        QProcessEnvironment env = cleanEnv(data.path());
        env.insert(QStringLiteral("TLS"), QStringLiteral("self-signed"));
        QProcess print;
        print.setProcessEnvironment(env);
        print.start(QStringLiteral(TEEHEE_SERVER_BINARY), {QStringLiteral("--print-fingerprint")});
        QVERIFY(print.waitForFinished(20000));
        QCOMPARE(print.exitCode(), 0);
        const QString fingerprint = QString::fromUtf8(print.readAllStandardOutput()).trimmed();
        QVERIFY2(QRegularExpression(QStringLiteral("^([0-9A-F]{2}:){31}[0-9A-F]{2}$")).match(fingerprint).hasMatch(),
                 qPrintable(fingerprint));

        QProcess server;
        server.setProcessEnvironment(env);
        server.setWorkingDirectory(data.path());
        server.start(QStringLiteral(TEEHEE_SERVER_BINARY), {QStringLiteral("--port"), QStringLiteral("0")});
        QVERIFY(server.waitForStarted());
        QString out;
        QTRY_VERIFY_WITH_TIMEOUT((out += QString::fromUtf8(server.readAllStandardOutput()), out.contains(fingerprint)), 20000);
        QVERIFY2(out.contains(QStringLiteral("listening on https://")), qPrintable(out));
        server.terminate();
        QVERIFY(server.waitForFinished(10000));
    }

    void aNonLoopbackAddressWithoutTlsIsWarnedAbout_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("warned");
        QTest::newRow("every interface") << "0.0.0.0" << true;
        QTest::newRow("loopback") << "127.0.0.1" << false;
        QTest::newRow("localhost") << "localhost" << false;
    }
    void aNonLoopbackAddressWithoutTlsIsWarnedAbout()
    {
        QFETCH(QString, host);
        QFETCH(bool, warned);
        QTemporaryDir data;
        QProcess server;
        QProcessEnvironment env = cleanEnv(data.path());
        env.insert(QStringLiteral("HOST"), host);
        server.setProcessEnvironment(env);
        server.setWorkingDirectory(data.path());
        server.start(QStringLiteral(TEEHEE_SERVER_BINARY), {QStringLiteral("--port"), QStringLiteral("0")});
        QVERIFY(server.waitForStarted());
        QString out;
        QTRY_VERIFY_WITH_TIMEOUT((out += QString::fromUtf8(server.readAllStandardOutput()), out.contains(QStringLiteral("listening on"))), 20000);
        // Everything it wrote to stderr is in once it has exited.
        server.terminate();
        QVERIFY(server.waitForFinished(10000));
        const QString err = QString::fromUtf8(server.readAllStandardError());
        const bool hasWarning = err.contains(QStringLiteral("plain HTTP")) && err.contains(QStringLiteral("HTTPS reverse proxy"));
        QVERIFY2(hasWarning == warned, qPrintable(err));
    }

    void aKeychainThatDoesNotAnswerStopsTheStartWithTwo()
    {
        // A session bus on which the keychain services (the Secret Service that libsecret
        // asks, and the KDE wallet) are there but silent: the server must not
        // generate new secrets (they would replace the ones the keychain keeps).
        const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        QVERIFY2(!daemon.isEmpty(), "dbus-daemon is missing (scripts/packages.txt installs it)");
        QTemporaryDir data;
        QProcess bus;
        bus.start(daemon, {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--print-address"),
                           QStringLiteral("--address=unix:path=") + data.filePath(QStringLiteral("bus"))});
        QVERIFY(bus.waitForStarted());
        auto stopBus = qScopeGuard([&bus] { bus.kill(); bus.waitForFinished(); });
        QVERIFY(QTest::qWaitFor([&] { return bus.canReadLine(); }, 10000));
        const QString address = QString::fromUtf8(bus.readLine().trimmed());
        QDBusConnection wallet = QDBusConnection::connectToBus(address, QStringLiteral("silent-wallet"));
        auto dropWallet = qScopeGuard([] { QDBusConnection::disconnectFromBus(QStringLiteral("silent-wallet")); });
        QVERIFY(wallet.isConnected());
        SilentObject silent;
        QVERIFY(wallet.registerVirtualObject(QStringLiteral("/modules/kwalletd5"), &silent, QDBusConnection::SubPath));
        QVERIFY(wallet.registerService(QStringLiteral("org.kde.kwalletd5")));
        QVERIFY(wallet.registerVirtualObject(QStringLiteral("/org/freedesktop/secrets"), &silent, QDBusConnection::SubPath));
        QVERIFY(wallet.registerService(QStringLiteral("org.freedesktop.secrets")));

        QProcess server;
        QProcessEnvironment env = cleanEnv(data.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), address);
        env.insert(QStringLiteral("XDG_CURRENT_DESKTOP"), QStringLiteral("KDE"));
        env.insert(QStringLiteral("KDE_SESSION_VERSION"), QStringLiteral("5"));
        server.setProcessEnvironment(env);
        server.start(QStringLiteral(TEEHEE_SERVER_BINARY), {QStringLiteral("--port"), QStringLiteral("0")});
        QVERIFY(server.waitForStarted());
        // The wallet must go on running (this thread's loop) while the server waits for it.
        QVERIFY(QTest::qWaitFor([&] { return server.state() == QProcess::NotRunning; }, 30000));
        const QString err = QString::fromUtf8(server.readAllStandardError());
        QCOMPARE(server.exitCode(), 2);
        const QStringList lines = err.trimmed().split(u'\n');
        QVERIFY2(lines.last().startsWith(QStringLiteral("teehee-server: SECRET_KEY:")), qPrintable(err));
        QVERIFY2(lines.last().contains(QStringLiteral("keychain")), qPrintable(err));
        QVERIFY(!QFileInfo::exists(data.filePath(QStringLiteral("data/secrets.json"))));
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
        out += QString::fromUtf8(server.readAllStandardOutput());
        const QString err = QString::fromUtf8(server.readAllStandardError());

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
        // Never printed, on either stream.
        for (const char *name : {"secret-key", "encryption-key"}) {
            const QString secret = kept.value(QLatin1String(name)).toString();
            QVERIFY(!out.contains(secret));
            QVERIFY(!err.contains(secret));
        }
    }
};

QTEST_GUILESS_MAIN(TestServerCli)
#include "tst_servercli.moc"
