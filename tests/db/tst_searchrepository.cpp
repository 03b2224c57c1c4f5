// Full-text search over chat names and messages (migration 8), through the
// search use case, on both databases: every word, the last as a prefix,
// accents, Japanese, deleted messages, isolation, order and pages.
#include "chat/chatsearch.h"
#include "db/chatrepository.h"
#include "db/messagerepository.h"
#include "db/migrations.h"
#include "db/searchrepository.h"
#include "db/sqlquery.h"
#include "db/userrepository.h"
#include "support/testenv.h"

#include <QTest>
#include <QUuid>
#include <memory>

using namespace teehee;

class TestSearchRepository : public QObject {
    Q_OBJECT

    std::unique_ptr<TestDatabase> m_tdb;
    std::unique_ptr<Database> m_db;
    QString m_userId;
    QString m_chatId;
    int m_clock = 0;

    QString user(const QString &email)
    {
        return UserRepository(*m_db).create(UserRecord{{}, email, {}, {}, {}})->id;
    }
    QString chat(const QString &userId, const QString &name)
    {
        return ChatRepository(*m_db).create(ChatRecord{{}, userId, name, {}, {}, {}, {}, {}})->id;
    }
    // Each message a second after the previous one: the order is known.
    QString addAtVersion6(const QString &chatId, const QJsonObject &content)
    {
        auto db = m_db->connection();
        if (!db)
            return {};
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        SqlQuery q(db.value(), QStringLiteral("INSERT INTO messages (id, chat_session_id, role, content, timestamp, status, seq)"
                                              " VALUES (:id, :chat, 'user', :content, :ts, 'complete', :seq)"));
        q.bind(QStringLiteral(":id"), id).bind(QStringLiteral(":chat"), chatId).bindJson(QStringLiteral(":content"), content)
            .bindTime(QStringLiteral(":ts"), QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC).addSecs(++m_clock))
            .bind(QStringLiteral(":seq"), qint64(m_clock));
        return q.exec() ? id : QString();
    }

    MessageRecord add(const QString &chatId, const QString &text, const QString &status = MessageStatus::Complete)
    {
        MessageRecord m;
        m.chatId = chatId;
        m.role = QStringLiteral("user");
        m.content = QJsonObject{{QStringLiteral("text"), text}};
        m.status = status;
        m.timestamp = QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC).addSecs(++m_clock);
        auto r = MessageRepository(*m_db).insert(m);
        if (!r)
            qWarning() << r.error().message;
        return r ? r.value() : MessageRecord{};
    }
    Result<SearchPage> find(const QString &q, const QString &userId = {}, const QString &cursor = {}, int limit = 20,
                            const QString &chatId = {})
    {
        return ChatSearch(*m_db).search(userId.isEmpty() ? m_userId : userId, SearchRequest{q, limit, cursor, chatId});
    }
    QStringList messageIds(const QString &q, const QString &userId = {})
    {
        auto page = find(q, userId);
        if (!page) {
            qWarning() << page.error().message;
            return {QStringLiteral("error")};
        }
        QStringList ids;
        for (const auto &r : page->results) {
            if (!r.messageId.isEmpty())
                ids << r.messageId;
        }
        return ids;
    }

private Q_SLOTS:
    void init()
    {
        m_tdb = std::make_unique<TestDatabase>();
        TEEHEE_REQUIRE_DB(*m_tdb);
        m_db = std::make_unique<Database>(m_tdb->url());
        QVERIFY(m_db->open());
        QVERIFY(Migrator(*m_db).migrate());
        m_userId = user(QStringLiteral("s@example.com"));
        m_chatId = chat(m_userId, QStringLiteral("Travel plans"));
    }
    void cleanup()
    {
        m_db.reset();
        m_tdb.reset();
    }

    void everyWordMustMatch()
    {
        const auto both = add(m_chatId, QStringLiteral("The quick brown fox jumps"));
        add(m_chatId, QStringLiteral("A quick reply without the animal"));
        add(m_chatId, QStringLiteral("A fox alone"));
        QCOMPARE(messageIds(QStringLiteral("quick fox")), QStringList{both.id});
        QCOMPARE(messageIds(QStringLiteral("FOX Quick")), QStringList{both.id});
        QCOMPARE(messageIds(QStringLiteral("quick fox zebra")), QStringList{});
    }

    void theLastWordIsAPrefix()
    {
        const auto m = add(m_chatId, QStringLiteral("Let us talk about databases and indexes"));
        QCOMPARE(messageIds(QStringLiteral("databa")), QStringList{m.id});
        QCOMPARE(messageIds(QStringLiteral("databa talk")), QStringList{});  // only the last word
        QCOMPARE(messageIds(QStringLiteral("talk databa")), QStringList{m.id});
        QCOMPARE(messageIds(QStringLiteral("atabases")), QStringList{});    // a prefix, not any substring
    }

    void accentsDoNotMatter()
    {
        const auto accented = add(m_chatId, QStringLiteral("Un café à Zürich"));
        const auto plain = add(m_chatId, QStringLiteral("Meet at the cafe near Zurich"));
        QCOMPARE(messageIds(QStringLiteral("cafe zurich")), (QStringList{plain.id, accented.id}));
        QCOMPARE(messageIds(QStringLiteral("CAFÉ ZÜRICH")), (QStringList{plain.id, accented.id}));
        QCOMPARE(messageIds(QStringLiteral("Zür")), (QStringList{plain.id, accented.id}));
    }

    void japaneseAndChineseWithoutSpaces()
    {
        const auto tower = add(m_chatId, QStringLiteral("昨日は東京タワーに行きました"));
        const auto beijing = add(m_chatId, QStringLiteral("我住在北京市"));
        add(m_chatId, QStringLiteral("京都の寺"));
        QCOMPARE(messageIds(QStringLiteral("東京")), QStringList{tower.id});
        QCOMPARE(messageIds(QStringLiteral("タワー")), QStringList{tower.id});
        QCOMPARE(messageIds(QStringLiteral("北京")), QStringList{beijing.id});
        QCOMPARE(messageIds(QStringLiteral("東京 行き")), QStringList{tower.id});
        QCOMPARE(messageIds(QStringLiteral("京東")), QStringList{});  // the characters in order
    }

    void deletedAndStreamingMessagesAreNotFound()
    {
        auto gone = add(m_chatId, QStringLiteral("secret plans for the weekend"));
        const auto kept = add(m_chatId, QStringLiteral("other plans"));
        auto streaming = add(m_chatId, QStringLiteral("plans being written"), MessageStatus::Streaming);
        QCOMPARE(messageIds(QStringLiteral("plans")), (QStringList{kept.id, gone.id}));
        gone.content = QJsonObject{{QStringLiteral("text"), QStringLiteral("[Message deleted]")}, {QStringLiteral("deleted"), true}};
        QVERIFY(MessageRepository(*m_db).update(gone));
        QCOMPARE(messageIds(QStringLiteral("secret")), QStringList{});
        QCOMPARE(messageIds(QStringLiteral("deleted")), QStringList{});
        // A reply that ends is found from then on.
        streaming.status = MessageStatus::Complete;
        QVERIFY(MessageRepository(*m_db).update(streaming));
        QCOMPARE(messageIds(QStringLiteral("plans")), (QStringList{streaming.id, kept.id}));
    }

    void anEditIsFoundByItsNewText()
    {
        auto m = add(m_chatId, QStringLiteral("first draft"));
        m.content = QJsonObject{{QStringLiteral("text"), QStringLiteral("second version")}};
        QVERIFY(MessageRepository(*m_db).update(m));
        QCOMPARE(messageIds(QStringLiteral("draft")), QStringList{});
        QCOMPARE(messageIds(QStringLiteral("version")), QStringList{m.id});
    }

    void chatNamesMatchFirstAndFollowRenames()
    {
        const auto m = add(m_chatId, QStringLiteral("about travel insurance"));
        auto page = find(QStringLiteral("travel"));
        QVERIFY(page);
        QCOMPARE(page->results.size(), 2);
        QCOMPARE(page->results[0].chatId, m_chatId);
        QVERIFY(page->results[0].messageId.isEmpty());
        QCOMPARE(page->results[0].chatName, QStringLiteral("Travel plans"));
        QCOMPARE(page->results[1].messageId, m.id);
        QCOMPARE(page->results[1].chatName, QStringLiteral("Travel plans"));
        QCOMPARE(page->results[1].role, QStringLiteral("user"));
        QVERIFY(ChatRepository(*m_db).rename(m_chatId, QStringLiteral("Holidays")));
        page = find(QStringLiteral("holiday"));
        QVERIFY(page);
        QCOMPARE(page->results.size(), 1);
        QCOMPARE(page->results[0].chatId, m_chatId);
        QCOMPARE(messageIds(QStringLiteral("plans")), QStringList{});
    }

    void aPhraseRanksBeforeScatteredWordsThenNewestFirst()
    {
        const auto scattered = add(m_chatId, QStringLiteral("red car and a blue house"));
        const auto phraseOld = add(m_chatId, QStringLiteral("a blue car"));
        const auto phraseNew = add(m_chatId, QStringLiteral("another blue car"));
        QCOMPARE(messageIds(QStringLiteral("blue car")), (QStringList{phraseNew.id, phraseOld.id, scattered.id}));
    }

    void onlyTheUsersOwnChats()
    {
        const QString other = user(QStringLiteral("o@example.com"));
        const QString theirChat = chat(other, QStringLiteral("Their travel"));
        add(theirChat, QStringLiteral("their private fox"));
        const auto mine = add(m_chatId, QStringLiteral("my fox"));
        QCOMPARE(messageIds(QStringLiteral("fox")), QStringList{mine.id});
        auto page = find(QStringLiteral("their"));
        QVERIFY(page);
        QVERIFY(page->results.isEmpty());
        // A chat filter naming their chat is NotFound, as a missing chat.
        auto filtered = find(QStringLiteral("fox"), {}, {}, 20, theirChat);
        QVERIFY(!filtered);
        QCOMPARE(filtered.error().code, ErrorCode::NotFound);
    }

    void aChatFilterKeepsOneChat()
    {
        const QString second = chat(m_userId, QStringLiteral("Second travel"));
        add(m_chatId, QStringLiteral("travel one"));
        const auto there = add(second, QStringLiteral("travel two"));
        auto page = find(QStringLiteral("travel"), {}, {}, 20, second);
        QVERIFY(page);
        QCOMPARE(page->results.size(), 1);  // no chat-name hits inside one chat
        QCOMPARE(page->results[0].messageId, there.id);
    }

    void pagesFollowTheCursor()
    {
        QStringList expected;
        for (int i = 0; i < 7; ++i)
            expected.prepend(add(m_chatId, QStringLiteral("page word %1").arg(i)).id);
        QStringList seen;
        QString cursor;
        int pages = 0;
        do {
            auto page = find(QStringLiteral("word"), {}, cursor, 3);
            QVERIFY2(page, qPrintable(page ? QString() : page.error().message));
            QVERIFY(page->results.size() <= 3);
            for (const auto &r : page->results)
                seen << r.messageId;
            cursor = page->nextCursor;
            ++pages;
        } while (!cursor.isEmpty() && pages < 10);
        QCOMPARE(pages, 3);
        QCOMPARE(seen, expected);
    }

    void chatNamesPageToo()
    {
        QStringList expected;
        for (int i = 0; i < 5; ++i)
            expected << chat(m_userId, QStringLiteral("Zeta project %1").arg(i));
        const auto m = add(m_chatId, QStringLiteral("zeta in a message"));
        QStringList chats;
        QStringList messages;
        QString cursor;
        int pages = 0;
        do {
            auto page = find(QStringLiteral("zeta"), {}, cursor, 2);
            QVERIFY2(page, qPrintable(page ? QString() : page.error().message));
            for (const auto &r : page->results)
                (r.messageId.isEmpty() ? chats : messages) << (r.messageId.isEmpty() ? r.chatId : r.messageId);
            cursor = page->nextCursor;
            ++pages;
        } while (!cursor.isEmpty() && pages < 10);
        QCOMPARE(pages, 3);
        QCOMPARE(chats.size(), 5);
        std::sort(chats.begin(), chats.end());
        std::sort(expected.begin(), expected.end());
        QCOMPARE(chats, expected);
        QCOMPARE(messages, QStringList{m.id});
    }

    void badRequestsAreInvalidInput()
    {
        add(m_chatId, QStringLiteral("anything"));
        for (const QString &q : {QString(), QStringLiteral("   "), QStringLiteral("!!! ???")}) {
            auto page = find(q);
            QVERIFY(!page);
            QCOMPARE(page.error().code, ErrorCode::InvalidInput);
            QVERIFY(page.error().message.startsWith(QLatin1String("q:")));
        }
        for (const QString &cursor : {QStringLiteral("garbage!"), QStringLiteral("eyJyIjo5fQ"), QStringLiteral("e30")}) {
            auto page = find(QStringLiteral("anything"), {}, cursor);
            QVERIFY(!page);
            QCOMPARE(page.error().code, ErrorCode::InvalidInput);
            QVERIFY(page.error().message.startsWith(QLatin1String("cursor:")));
        }
        auto page = find(QStringLiteral("anything"), {}, {}, 0);
        QVERIFY(!page);
        QCOMPARE(page.error().code, ErrorCode::InvalidInput);
    }

    void quotesAndOperatorsAreJustText()
    {
        const auto m = add(m_chatId, QStringLiteral("say \"hello\" OR NOT near(x) AND y:z"));
        QCOMPARE(messageIds(QStringLiteral("\"hello")), QStringList{m.id});
        QCOMPARE(messageIds(QStringLiteral("OR NOT")), QStringList{m.id});
        QCOMPARE(messageIds(QStringLiteral("near(x) y:z")), QStringList{m.id});
        QCOMPARE(messageIds(QStringLiteral("hello*")), QStringList{m.id});
    }

    void existingRowsAreIndexedByTheMigration()
    {
        // A database at version 6 with messages, then migrated.
        m_db.reset();
        m_tdb = std::make_unique<TestDatabase>();
        m_db = std::make_unique<Database>(m_tdb->url());
        QVERIFY(m_db->open());
        QVERIFY(Migrator(*m_db).migrate(6));
        m_userId = user(QStringLiteral("old@example.com"));
        m_chatId = chat(m_userId, QStringLiteral("Old chat"));
        // Rows as that schema holds them (today's repository writes later columns too).
        const QString oldId = addAtVersion6(m_chatId, {{QStringLiteral("text"), QStringLiteral("an old message about penguins")}});
        addAtVersion6(m_chatId, {{QStringLiteral("text"), QStringLiteral("[Message deleted] penguins")},
                                 {QStringLiteral("deleted"), true}});
        QVERIFY(!oldId.isEmpty());
        QVERIFY(Migrator(*m_db).migrate());
        QCOMPARE(messageIds(QStringLiteral("penguin")), QStringList{oldId});
        auto page = find(QStringLiteral("old chat"));
        QVERIFY(page);
        QCOMPARE(page->results.size(), 1);
        QCOMPARE(page->results[0].chatId, m_chatId);
    }

    void deletingAChatEmptiesItsHits()
    {
        add(m_chatId, QStringLiteral("ephemeral words"));
        QVERIFY(ChatRepository(*m_db).remove(m_userId, m_chatId));
        auto page = find(QStringLiteral("ephemeral"));
        QVERIFY(page);
        QVERIFY(page->results.isEmpty());
        QVERIFY(find(QStringLiteral("travel"))->results.isEmpty());
    }

    void snippetsAreShortAroundTheMatch()
    {
        const QString filler = QStringLiteral("lorem ipsum dolor sit amet ").repeated(20);
        add(m_chatId, filler + QStringLiteral("the needle\n\nis here ") + filler);
        auto page = find(QStringLiteral("needle"));
        QVERIFY(page);
        QCOMPARE(page->results.size(), 1);
        const QString s = page->results[0].snippet;
        QVERIFY(s.size() <= 200);
        QVERIFY(s.contains(QLatin1String("the needle is here")));
        QVERIFY(s.startsWith(QStringLiteral("…")));
        QVERIFY(s.endsWith(QStringLiteral("…")));
    }
};

QTEST_GUILESS_MAIN(TestSearchRepository)
#include "tst_searchrepository.moc"
