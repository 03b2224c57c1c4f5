// The data directory is its owner's alone (0700) and so is every file Teehee
// keeps in it (0600), whatever the umask teehee-server was started with; a
// directory an older version left open is tightened at the next start.
#include <QDir>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

class TestFileModes : public QObject {
    Q_OBJECT

    static int modeOf(const QString &path)
    {
        struct stat st {};
        if (::stat(QFile::encodeName(path).constData(), &st) != 0)
            return -1;
        return int(st.st_mode & 07777);
    }

    static QString octal(int mode) { return QString::number(mode, 8); }

    // Starts the server on `dataDir` with `mask` as its umask and, while it runs, after a
    // request that touched the database, calls `check`.
    static void runServer(const QString &dataDir, mode_t mask, const std::function<void()> &check)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"DATABASE_URL", "SECRET_KEY", "ENCRYPTION_KEY", "HOST", "PORT", "TEEHEE_SERVER_ID", "DEBUG"})
            env.remove(QLatin1String(name));
        env.insert(QStringLiteral("TEEHEE_DATA_DIR"), dataDir);
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent"));
        QProcess server;
        server.setProcessEnvironment(env);
        server.setWorkingDirectory(QDir::tempPath());
        const mode_t previous = ::umask(mask); // the child inherits it
        server.start(QStringLiteral(TEEHEE_SERVER_BINARY), {QStringLiteral("--port"), QStringLiteral("0")});
        ::umask(previous);
        QVERIFY(server.waitForStarted());
        QString out;
        const QRegularExpression listening(QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)"));
        QTRY_VERIFY_WITH_TIMEOUT((out += QString::fromUtf8(server.readAllStandardOutput()), listening.match(out).hasMatch()), 20000);
        QNetworkAccessManager nam;
        QNetworkReply *reply = nam.post(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/auth/signup")
                                                                  .arg(listening.match(out).captured(1)))),
                                        QByteArray());
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(10000));
        reply->deleteLater();
        check();
        server.terminate();
        QVERIFY(server.waitForFinished(10000));
    }

    static void expectPrivate(const QString &dir)
    {
        QCOMPARE(octal(modeOf(dir)), octal(0700));
        for (const char *name : {"teehee.db", "teehee.db-wal", "teehee.db-shm", "server-id", "secrets.json"}) {
            const QString path = QDir(dir).filePath(QLatin1String(name));
            QVERIFY2(QFileInfo::exists(path), name);
            QVERIFY2(modeOf(path) == 0600, qPrintable(QStringLiteral("%1 is %2").arg(QLatin1String(name), octal(modeOf(path)))));
        }
    }

private Q_SLOTS:
    void aNewDataDirectoryIsPrivate_data()
    {
        QTest::addColumn<int>("mask");
        QTest::newRow("umask 000") << 0;
        QTest::newRow("umask 022") << 022;
    }
    void aNewDataDirectoryIsPrivate()
    {
        QFETCH(int, mask);
        QTemporaryDir tmp;
        const QString data = tmp.filePath(QStringLiteral("state/teehee"));
        runServer(data, mode_t(mask), [&] { expectPrivate(data); });
        QCOMPARE(octal(modeOf(tmp.filePath(QStringLiteral("state")))), octal(0700)); // created on the way
    }

    void anOpenDataDirectoryIsTightenedAtStart()
    {
        QTemporaryDir tmp;
        const QString data = tmp.filePath(QStringLiteral("teehee"));
        runServer(data, 022, [] {});
        // As an older version under umask 000 would have left them.
        QVERIFY(::chmod(QFile::encodeName(data).constData(), 0777) == 0);
        for (const QString &name : QDir(data).entryList(QDir::Files | QDir::Hidden))
            QVERIFY(::chmod(QFile::encodeName(QDir(data).filePath(name)).constData(), 0666) == 0);
        runServer(data, 0, [&] { expectPrivate(data); });
    }
};

QTEST_GUILESS_MAIN(TestFileModes)
#include "tst_filemodes.moc"
