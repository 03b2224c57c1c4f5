// SQLite's WAL is copied back into the database by a thread of its own, never
// inside a commit of the writing (backend) thread.
#include "db/migrations.h"
#include "db/sqlquery.h"
#include "db/walcheckpointer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace teehee;

class TestWalCheckpointer : public QObject {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_db = std::make_unique<Database>(DatabaseUrl::sqliteFile(m_dir->filePath(QStringLiteral("wal.db"))));
        QVERIFY(m_db->open());
        QVERIFY(Migrator(*m_db).migrate());
    }
    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    void theWriterNeverCheckpointsAndTheThreadDoes()
    {
        Database &db = *m_db;
        const QString file = m_dir->filePath(QStringLiteral("wal.db"));
        QSqlDatabase writer = db.connection().value();
        const qint64 migrated = QFileInfo(file).size();

        auto checkpointer = std::make_unique<WalCheckpointer>(db, writer);
        QSqlQuery q(writer);
        QVERIFY(q.exec(QStringLiteral("PRAGMA wal_autocheckpoint")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);

        // ~6 MB in one commit: far past the 1,000 pages that would make the
        // committing connection checkpoint by itself.
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE filler (b BLOB)")));
        QVERIFY(writer.transaction());
        const QByteArray blob(4000, 'x');
        for (int i = 0; i < 1500; ++i) {
            q.prepare(QStringLiteral("INSERT INTO filler VALUES (?)"));
            q.addBindValue(blob);
            QVERIFY(q.exec());
        }
        QVERIFY(writer.commit());
        QVERIFY2(QFileInfo(file).size() < migrated + 1024 * 1024, "the writer checkpointed inside its commit");

        // The thread copies the pages into the database file within its interval.
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(file).size() > migrated + 5 * 1024 * 1024, WalCheckpointer::kIntervalMs * 3);

        checkpointer.reset(); // stops its thread and closes its connection
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM filler")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1500);
    }

    void theCheckpointThreadYieldsTheCpuToTheWriter()
    {
        // Nice values per thread, as Linux keeps them: the checkpoint thread's, found by its name.
        const auto niceOfThread = [](const QString &name) -> int {
            for (const QFileInfo &task : QDir(QStringLiteral("/proc/self/task")).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot)) {
                QFile comm(task.filePath() + QStringLiteral("/comm"));
                QFile stat(task.filePath() + QStringLiteral("/stat"));
                if (!comm.open(QIODevice::ReadOnly) || comm.readAll().trimmed() != name.toLatin1() || !stat.open(QIODevice::ReadOnly))
                    continue;
                const QByteArray line = stat.readAll();
                return line.mid(line.lastIndexOf(')') + 2).split(' ').value(16).toInt(); // field 19: nice
            }
            return -100;
        };
        QSqlDatabase writer = m_db->connection().value();
        WalCheckpointer checkpointer(*m_db, writer);
        const int ours = niceOfThread(QStringLiteral("tst_walcheckpoi")); // this thread keeps its priority
        QVERIFY(ours >= -20 && ours <= 19);
        QTRY_COMPARE(niceOfThread(QStringLiteral("wal-checkpoint")), qMin(ours + 10, 19));
    }

    void theLogStartsOverWhileCommitsNeverPause()
    {
        Database &db = *m_db;
        const QString file = m_dir->filePath(QStringLiteral("wal.db"));
        QSqlDatabase writer = db.connection().value();
        QSqlQuery q(writer);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE filler (b BLOB)")));
        auto checkpointer = std::make_unique<WalCheckpointer>(db, writer, WalCheckpointer::Settings{20, 64});

        // A writer that commits every few hundred microseconds, as a thousand
        // streams do: every checkpoint finds frames newer than itself.
        QElapsedTimer t;
        t.start();
        const QByteArray blob(4000, 'x');
        qint64 written = 0;
        qint64 largestLog = 0;
        q.prepare(QStringLiteral("INSERT INTO filler VALUES (?)"));
        while (written < 12 * 1024 * 1024 && t.elapsed() < 30000) {
            q.addBindValue(blob);
            QVERIFY(q.exec());
            written += blob.size();
            QThread::usleep(200);
            largestLog = qMax(largestLog, QFileInfo(file + QStringLiteral("-wal")).size());
        }
        QVERIFY2(written >= 12 * 1024 * 1024, qPrintable(QString::number(written)));
        // Without a restart the log would hold all of it.
        QVERIFY2(largestLog < written / 4, qPrintable(QStringLiteral("log %1 bytes for %2 written").arg(largestLog).arg(written)));
    }
};

QTEST_GUILESS_MAIN(TestWalCheckpointer)
#include "tst_walcheckpointer.moc"
