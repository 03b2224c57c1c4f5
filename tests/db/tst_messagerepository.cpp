// The message tree as stored: paths, children, siblings and the deepest recent
// descendant, answered by queries on both databases.
#include "db/chatrepository.h"
#include "db/messagerepository.h"
#include "db/migrations.h"
#include "db/sqlquery.h"
#include "db/userrepository.h"
#include "support/testenv.h"

#include <QTest>
#include <memory>

using namespace teehee;

class TestMessageRepository : public QObject {
    Q_OBJECT

    std::unique_ptr<TestDatabase> m_tdb;
    std::unique_ptr<Database> m_db;
    QString m_chatId;
    QString m_userId;

    MessageRecord add(const QString &parent, const QString &text, const QString &role = QStringLiteral("user"))
    {
        MessageRecord m;
        m.chatId = m_chatId;
        m.parentId = parent;
        m.role = role;
        m.content = QJsonObject{{QStringLiteral("text"), text}};
        auto r = MessageRepository(*m_db).insert(m);
        if (!r)
            qWarning() << r.error().message;
        return r ? r.value() : MessageRecord{};
    }

    static QStringList texts(const QList<MessageRecord> &list)
    {
        QStringList out;
        for (const auto &m : list)
            out << m.text();
        return out;
    }

private Q_SLOTS:
    void init()
    {
        m_tdb = std::make_unique<TestDatabase>();
        TEEHEE_REQUIRE_DB(*m_tdb);
        m_db = std::make_unique<Database>(m_tdb->url());
        QVERIFY(m_db->open());
        QVERIFY(Migrator(*m_db).migrate());
        m_userId = UserRepository(*m_db).create(UserRecord{{}, QStringLiteral("t@example.com"), {}, {}, {}})->id;
        m_chatId = ChatRepository(*m_db).create(ChatRecord{{}, m_userId, QStringLiteral("Tree"), {}, {}, {}, {}, {}})->id;
    }
    void cleanup()
    {
        m_db.reset();
        m_tdb.reset();
    }

    void aMessageRoundTripsEveryField()
    {
        MessageRecord m;
        m.chatId = m_chatId;
        m.role = QStringLiteral("assistant");
        m.content = QJsonObject{{QStringLiteral("text"), QStringLiteral("<script>alert('x')</script> ' OR 1=1 -- 😀 ünïcödé")}};
        m.model = QStringLiteral("claude-3-5-sonnet");
        m.provider = QStringLiteral("anthropic");
        m.status = MessageStatus::Aborted;
        m.isPartial = true;
        m.finishReason = QStringLiteral("max_tokens");
        m.tokensIn = 12;
        m.tokensOut = 34;
        auto saved = MessageRepository(*m_db).insert(m);
        QVERIFY(saved);
        auto got = MessageRepository(*m_db).get(saved->id);
        QVERIFY(got);
        QCOMPARE(got->text(), m.content.value(QStringLiteral("text")).toString());
        QCOMPARE(got->model, m.model);
        QCOMPARE(got->provider, m.provider);
        QCOMPARE(got->status, MessageStatus::Aborted);
        QVERIFY(got->isPartial);
        QCOMPARE(got->finishReason, m.finishReason);
        QCOMPARE(got->tokensIn, std::optional<int>(12));
        QCOMPARE(got->tokensOut, std::optional<int>(34));
        QVERIFY(got->parentId.isEmpty());
        QCOMPARE(got->timestamp.toMSecsSinceEpoch(), saved->timestamp.toMSecsSinceEpoch());
        QCOMPARE(got->timestamp.timeSpec(), Qt::UTC);
    }

    void aFiveLevelTreeAnswersPathsChildrenAndSiblings()
    {
        // Two siblings at every level; the second of each pair continues the tree.
        QList<MessageRecord> mains;
        QString parent;
        for (int level = 0; level < 5; ++level) {
            add(parent, QStringLiteral("L%1a").arg(level));
            const MessageRecord b = add(parent, QStringLiteral("L%1b").arg(level));
            mains << b;
            parent = b.id;
        }
        MessageRepository repo(*m_db);
        auto path = repo.pathToRoot(mains.last().id);
        QVERIFY(path);
        QCOMPARE(texts(path.value()), QStringList({"L0b", "L1b", "L2b", "L3b", "L4b"}));

        QCOMPARE(texts(repo.children(m_chatId, QString()).value()), QStringList({"L0a", "L0b"}));
        QCOMPARE(texts(repo.children(m_chatId, mains[1].id).value()), QStringList({"L2a", "L2b"}));

        auto pos = repo.siblingPosition(mains[3]);
        QVERIFY(pos);
        QCOMPARE(pos->index, 1);
        QCOMPARE(pos->count, 2);

        auto placed = repo.listForChat(m_chatId);
        QVERIFY(placed);
        QCOMPARE(placed->size(), 10);
        for (const PlacedMessage &p : placed.value()) {
            QCOMPARE(p.position.count, 2);
            QCOMPARE(p.position.index, p.message.text().endsWith(u'b') ? 1 : 0);
        }
        // Oldest first.
        QCOMPARE(placed->first().message.text(), QStringLiteral("L0a"));
        QCOMPARE(placed->last().message.text(), QStringLiteral("L4b"));
    }

    void theDeepestRecentDescendantFollowsTheNewestChild()
    {
        const MessageRecord root = add({}, QStringLiteral("root"));
        const MessageRecord a = add(root.id, QStringLiteral("a"));
        const MessageRecord a1 = add(a.id, QStringLiteral("a1"));
        add(a1.id, QStringLiteral("a1x"));
        const MessageRecord b = add(root.id, QStringLiteral("b"));
        MessageRepository repo(*m_db);
        QCOMPARE(repo.deepestRecentDescendant(root.id).value(), b.id);       // newest branch wins
        QCOMPARE(repo.deepestRecentDescendant(a.id).value(),
                 repo.children(m_chatId, a1.id)->first().id);                 // down to the leaf
        QCOMPARE(repo.deepestRecentDescendant(b.id).value(), b.id);          // a leaf is its own
        const MessageRecord a2 = add(a.id, QStringLiteral("a2"));
        QCOMPARE(repo.deepestRecentDescendant(a.id).value(), a2.id);
    }

    void messagesOfTheSameMillisecondKeepTheirOrder()
    {
        const MessageRecord root = add({}, QStringLiteral("root"));
        QStringList expected;
        for (int i = 0; i < 50; ++i) {
            expected << QString::number(i);
            add(root.id, QString::number(i));
        }
        QCOMPARE(texts(MessageRepository(*m_db).children(m_chatId, root.id).value()), expected);
    }

    void updatesRewriteContentAndStatus()
    {
        MessageRecord m = add({}, QStringLiteral("draft"), QStringLiteral("assistant"));
        m.content = QJsonObject{{QStringLiteral("text"), QStringLiteral("final")}};
        m.status = MessageStatus::Complete;
        m.tokensOut = 5;
        QVERIFY(MessageRepository(*m_db).update(m));
        auto got = MessageRepository(*m_db).get(m.id);
        QCOMPARE(got->text(), QStringLiteral("final"));
        QCOMPARE(got->tokensOut, std::optional<int>(5));
        MessageRecord missing = m;
        missing.id = newUuid();
        QCOMPARE(MessageRepository(*m_db).update(missing).error().code, ErrorCode::NotFound);
    }

    void streamsInterruptedByACrashBecomeAborted()
    {
        MessageRecord m = add({}, QStringLiteral("half a rep"), QStringLiteral("assistant"));
        m.status = MessageStatus::Streaming;
        m.isPartial = true;
        QVERIFY(MessageRepository(*m_db).update(m));
        QCOMPARE(MessageRepository(*m_db).markInterruptedStreams().value(), 1);
        auto got = MessageRepository(*m_db).get(m.id);
        QCOMPARE(got->status, MessageStatus::Aborted);
        QVERIFY(got->isPartial);
        QCOMPARE(got->text(), QStringLiteral("half a rep"));
        QCOMPARE(MessageRepository(*m_db).markInterruptedStreams().value(), 0);
    }

    void messagesAreVisibleOnlyThroughTheirOwner()
    {
        const MessageRecord m = add({}, QStringLiteral("mine"));
        const QString eve = UserRepository(*m_db).create(UserRecord{{}, QStringLiteral("eve@example.com"), {}, {}, {}})->id;
        QVERIFY(MessageRepository(*m_db).getForUser(m_userId, m.id));
        QCOMPARE(MessageRepository(*m_db).getForUser(eve, m.id).error().code, ErrorCode::NotFound);
    }

    void deletingAChatDeletesItsTree()
    {
        const MessageRecord root = add({}, QStringLiteral("root"));
        add(root.id, QStringLiteral("child"));
        QVERIFY(ChatRepository(*m_db).remove(m_userId, m_chatId));
        QCOMPARE(MessageRepository(*m_db).countForChat(m_chatId).value(), 0);
        QCOMPARE(MessageRepository(*m_db).get(root.id).error().code, ErrorCode::NotFound);
    }

    void aChatOrAnAccountOfAThousandTurnsCanBeDeleted()
    {
        // Each message the parent of the next, deeper than SQLite's 1,000 trigger levels.
        QString parent;
        for (int i = 0; i < 1200; ++i)
            parent = add(parent, QStringLiteral("turn %1").arg(i), i % 2 ? QStringLiteral("assistant") : QStringLiteral("user")).id;
        QVERIFY(!parent.isEmpty());
        // Someone else's delete neither succeeds nor unlinks anything.
        const QString eve = UserRepository(*m_db).create(UserRecord{{}, QStringLiteral("eve@example.com"), {}, {}, {}})->id;
        QCOMPARE(ChatRepository(*m_db).remove(eve, m_chatId).error().code, ErrorCode::NotFound);
        QCOMPARE(MessageRepository(*m_db).pathToRoot(parent).value().size(), 1200);

        QVERIFY(ChatRepository(*m_db).remove(m_userId, m_chatId));
        QCOMPARE(MessageRepository(*m_db).countForChat(m_chatId).value(), 0);

        m_chatId = ChatRepository(*m_db).create(ChatRecord{{}, m_userId, QStringLiteral("Again"), {}, {}, {}, {}, {}})->id;
        parent.clear();
        for (int i = 0; i < 1200; ++i)
            parent = add(parent, QStringLiteral("turn %1").arg(i)).id;
        QVERIFY(UserRepository(*m_db).remove(m_userId));
        QCOMPARE(MessageRepository(*m_db).countForChat(m_chatId).value(), 0);
    }

    void aParentMustExist()
    {
        MessageRecord orphan;
        orphan.chatId = m_chatId;
        orphan.parentId = newUuid();
        orphan.role = QStringLiteral("user");
        orphan.content = QJsonObject{{QStringLiteral("text"), QStringLiteral("x")}};
        auto r = MessageRepository(*m_db).insert(orphan);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestMessageRepository)
#include "tst_messagerepository.moc"
