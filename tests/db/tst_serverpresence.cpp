// Servers sharing one database end only the replies of servers that are gone:
// at start-up (their own earlier run, unknown owners, stopped heartbeats) and
// in the sweep of every heartbeat. On SQLite one server owns the file and ends
// every streaming reply at start-up.
#include "db/chatrepository.h"
#include "db/messagerepository.h"
#include "db/migrations.h"
#include "db/serverpresence.h"
#include "db/sqlquery.h"
#include "db/userrepository.h"
#include "support/testenv.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace teehee;

class TestServerPresence : public QObject {
    Q_OBJECT

    std::unique_ptr<TestDatabase> m_tdb;
    std::unique_ptr<Database> m_setup;
    QString m_userId;

    // A handle on the shared database as the server `id` sees it.
    std::unique_ptr<Database> server(const QString &id)
    {
        auto db = std::make_unique<Database>(m_tdb->url());
        db->setServerId(id);
        if (!db->open())
            return nullptr;
        return db;
    }

    // A reply `server` is streaming (its row names it), with some text saved.
    QString streamingReply(const Database &server, const QString &text)
    {
        // A chat of its own: one reply streams per chat.
        MessageRecord m;
        m.chatId = ChatRepository(*m_setup).create(ChatRecord{{}, m_userId, text, {}, {}, {}, {}, {}})->id;
        m.role = QStringLiteral("assistant");
        m.content = QJsonObject{{QStringLiteral("text"), text}};
        m.status = MessageStatus::Streaming;
        m.isPartial = true;
        auto r = MessageRepository(server).insert(m);
        return r ? r->id : QString();
    }

    MessageRecord stored(const QString &id) { return MessageRepository(*m_setup).get(id).value(); }

    void ageHeartbeat(const QString &serverId)
    {
        auto db = m_setup->connection();
        QVERIFY(db);
        SqlQuery q(db.value(), QStringLiteral("UPDATE stream_servers SET heartbeat_at = now() - interval '2 minutes' WHERE id = :id"));
        q.bind(QStringLiteral(":id"), serverId);
        QVERIFY(q.exec());
        QCOMPARE(q.rowsAffected(), 1);
    }

    int heartbeats(const QString &serverId)
    {
        auto db = m_setup->connection();
        SqlQuery q(db.value(), QStringLiteral("SELECT COUNT(*) FROM stream_servers WHERE id = :id"));
        q.bind(QStringLiteral(":id"), serverId);
        return q.exec() && q.next() ? q.value(0).toInt() : -1;
    }

private Q_SLOTS:
    void init()
    {
        m_tdb = std::make_unique<TestDatabase>();
        TEEHEE_REQUIRE_DB(*m_tdb);
        m_setup = server(QString());
        QVERIFY(m_setup);
        QVERIFY(Migrator(*m_setup).migrate());
        m_userId = UserRepository(*m_setup).create(UserRecord{{}, QStringLiteral("p@example.com"), {}, {}, {}})->id;
    }
    void cleanup()
    {
        m_setup.reset();
        m_tdb.reset();
    }

    void aStreamingRowNamesItsServerOnlyWhileItStreams()
    {
        auto a = server(QStringLiteral("server-a"));
        QVERIFY(a);
        const QString id = streamingReply(*a, QStringLiteral("so far"));
        auto db = m_setup->connection();
        auto owner = [&] {
            SqlQuery q(db.value(), QStringLiteral("SELECT stream_owner FROM messages WHERE id = :id"));
            q.bind(QStringLiteral(":id"), id);
            return q.exec() && q.next() ? q.value(0) : QVariant(QStringLiteral("<no row>"));
        };
        QCOMPARE(owner().toString(), QStringLiteral("server-a"));
        MessageRecord done = stored(id);
        done.status = MessageStatus::Complete;
        done.isPartial = false;
        QVERIFY(MessageRepository(*a).update(done));
        QVERIFY(owner().isNull());
    }

    // A server alone tells nobody of its saves; it knows when another joins or stops.
    void aServerKnowsWhetherOthersShareTheDatabase()
    {
        if (!m_tdb->isPostgres()) {
            auto self = server(QStringLiteral("self"));
            ServerPresence presence(*self);
            QVERIFY(presence.start());
            QVERIFY(!presence.othersAlive());
            return;
        }
        auto a = server(QStringLiteral("server-a"));
        auto b = server(QStringLiteral("server-b"));
        ServerPresence presenceA(*a), presenceB(*b);
        QVERIFY(presenceA.start());
        QVERIFY(!presenceA.othersAlive());
        QSignalSpy changed(&presenceA, &ServerPresence::othersAliveChanged);
        QVERIFY(presenceB.start());
        QVERIFY(presenceB.othersAlive()); // A was there first
        QVERIFY(presenceA.beat());
        QVERIFY(presenceA.othersAlive());
        ageHeartbeat(QStringLiteral("server-b")); // B stopped beating
        QVERIFY(presenceA.beat());
        QVERIFY(!presenceA.othersAlive());
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed.at(0).at(0).toBool(), true);
        QCOMPARE(changed.at(1).at(0).toBool(), false);
    }

    // Servers sharing the database keep "one reply at a time per chat" there (migration 13).
    void aChatHasOneStreamingReplyWhicheverServerWritesIt()
    {
        auto a = server(QStringLiteral("server-a"));
        auto b = server(QStringLiteral("server-b"));
        const QString first = streamingReply(*a, QStringLiteral("first"));
        QVERIFY(!first.isEmpty());
        MessageRecord second;
        second.chatId = stored(first).chatId;
        second.role = QStringLiteral("assistant");
        second.status = MessageStatus::Streaming;
        second.isPartial = true;
        auto refused = MessageRepository(*b).insert(second);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Conflict);
        // Once the first has ended, the next may stream.
        MessageRecord done = stored(first);
        done.status = MessageStatus::Complete;
        QVERIFY(MessageRepository(*a).update(done));
        QVERIFY(MessageRepository(*b).insert(second));
    }

    void startUpEndsTheRepliesOfServersThatAreGoneOnly()
    {
        if (!m_tdb->isPostgres()) {
            // One server per SQLite file: every streaming reply is its own earlier run's.
            auto other = server(QStringLiteral("elsewhere"));
            const QString theirs = streamingReply(*other, QStringLiteral("a"));
            auto self = server(QStringLiteral("self"));
            ServerPresence presence(*self);
            QCOMPARE(presence.start().value(), 1);
            QCOMPARE(stored(theirs).status, MessageStatus::Aborted);
            return;
        }
        auto a = server(QStringLiteral("server-a"));
        auto b = server(QStringLiteral("server-b"));
        auto ghost = server(QStringLiteral("server-ghost")); // never announced itself
        auto unowned = server(QString());                   // rows from before owners were kept
        ServerPresence presenceA(*a);
        QCOMPARE(presenceA.start().value(), 0);

        const QString live = streamingReply(*a, QStringLiteral("A streams this"));
        const QString bEarlier = streamingReply(*b, QStringLiteral("B's run before it was killed"));
        const QString ghostly = streamingReply(*ghost, QStringLiteral("nobody beats for this"));
        const QString old = streamingReply(*unowned, QStringLiteral("no owner"));

        ServerPresence presenceB(*b);
        auto ended = presenceB.start();
        QVERIFY2(ended, qPrintable(ended ? QString() : ended.error().message));
        QCOMPARE(ended.value(), 3);
        for (const QString &id : {bEarlier, ghostly, old}) {
            const MessageRecord m = stored(id);
            QCOMPARE(m.status, MessageStatus::Aborted);
            QVERIFY(m.isPartial);
            QVERIFY(!m.text().isEmpty()); // the text so far stays, to be continued
        }
        const MessageRecord stillStreaming = stored(live);
        QCOMPARE(stillStreaming.status, MessageStatus::Streaming);
        QCOMPARE(stillStreaming.text(), QStringLiteral("A streams this"));
        QCOMPARE(heartbeats(QStringLiteral("server-b")), 1);
    }

    void aSweepEndsTheRepliesOfAServerWhoseHeartbeatStopped()
    {
        if (!m_tdb->isPostgres()) {
            // One server per SQLite file: nothing to sweep, and no heartbeat to write.
            auto self = server(QStringLiteral("self"));
            ServerPresence presence(*self);
            QVERIFY(presence.start());
            QCOMPARE(heartbeats(QStringLiteral("self")), 0);
            return;
        }
        auto a = server(QStringLiteral("server-a"));
        auto b = server(QStringLiteral("server-b"));
        ServerPresence presenceA(*a), presenceB(*b);
        QVERIFY(presenceA.start());
        QVERIFY(presenceB.start());
        const QString ofA = streamingReply(*a, QStringLiteral("A's reply"));
        const QString ofB = streamingReply(*b, QStringLiteral("B's reply"));
        const QString unowned = streamingReply(*server(QString()), QStringLiteral("an older server's"));

        QCOMPARE(presenceB.beat().value(), 0); // A beats: nothing to end
        QCOMPARE(stored(ofA).status, MessageStatus::Streaming);

        ageHeartbeat(QStringLiteral("server-a")); // A went quiet two minutes ago
        QSignalSpy ended(&presenceB, &ServerPresence::repliesEnded);
        QCOMPARE(presenceB.beat().value(), 1);
        // Whoever follows the reply hears of it: which reply, chat and account.
        QCOMPARE(ended.size(), 1);
        const auto replies = ended.first().first().value<QList<ServerPresence::EndedReply>>();
        QCOMPARE(replies.size(), 1);
        QCOMPARE(replies.first().messageId, ofA);
        QCOMPARE(replies.first().chatId, stored(ofA).chatId);
        QCOMPARE(replies.first().userId, m_userId);
        QCOMPARE(stored(ofA).status, MessageStatus::Aborted);
        QCOMPARE(stored(ofB).status, MessageStatus::Streaming);
        QCOMPARE(stored(unowned).status, MessageStatus::Streaming); // it may still stream somewhere
        QCOMPARE(heartbeats(QStringLiteral("server-a")), 0);        // forgotten

        QVERIFY(presenceA.beat()); // A was only stalled: it comes back
        QCOMPARE(heartbeats(QStringLiteral("server-a")), 1);
    }

    void theIdIsConfiguredOrKeptInTheDataDirectory()
    {
        QTemporaryDir dir;
        QCOMPARE(ServerPresence::idFor(QStringLiteral("rack-3"), dir.path()), QStringLiteral("rack-3"));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("server-id"))));

        const QString first = ServerPresence::idFor(QString(), dir.path());
        QVERIFY(!first.isEmpty());
        QCOMPARE(ServerPresence::idFor(QString(), dir.path()), first); // a restart is the same server
        QTemporaryDir other;
        QVERIFY(ServerPresence::idFor(QString(), other.path()) != first);

        // A data directory that cannot keep it: an id for this run all the same.
        QFile blocker(dir.filePath(QStringLiteral("not-a-folder")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const QString temporary = ServerPresence::idFor(QString(), blocker.fileName() + QStringLiteral("/data"));
        QVERIFY(!temporary.isEmpty());
        QVERIFY(temporary != first);
    }
};

QTEST_GUILESS_MAIN(TestServerPresence)
#include "tst_serverpresence.moc"
