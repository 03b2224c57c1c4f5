// The message tree of a chat as every front end sees it through ChatService:
// where new messages go, siblings, the active branch, edits, soft deletes,
// forks and the context sent to a provider. Runs on SQLite and PostgreSQL.
#include "chatfixture.h"

#include "db/sqlquery.h"

#include <QSqlQuery>

using namespace teehee;
using namespace chattest;

class TestMessageTree : public QObject {
    Q_OBJECT

    ChatFixture f;
    QString user;
    QString chat;

    PlacedMessage get(const QString &id)
    {
        auto m = f.chats().message(user, id);
        return m ? m.value() : PlacedMessage{};
    }
    QStringList currentPath()
    {
        auto d = f.chats().chatDetail(user, chat);
        return d ? d->currentPath : QStringList{QStringLiteral("<error>")};
    }
    QStringList contextTexts(const QString &id)
    {
        QStringList out;
        auto c = f.chats().context(user, id);
        if (!c)
            return {QStringLiteral("<error: %1>").arg(c.error().message)};
        for (const ChatMessage &m : c.value())
            out << m.role + u':' + m.text;
        return out;
    }
    NewMessage streaming(const QString &parent)
    {
        NewMessage m;
        m.role = QStringLiteral("assistant");
        m.parent = MessageParent::message(parent);
        m.status = MessageStatus::Streaming;
        m.isPartial = true;
        return m;
    }

private Q_SLOTS:
    void init()
    {
        CHAT_START(f);
        user = f.newUser();
        chat = idOf(f.chats().createChat(user, QStringLiteral("Tree")));
        QVERIFY(!chat.isEmpty());
    }
    void cleanup() { f.stop(); }

    void firstMessageBecomesRootAndActiveLeaf()
    {
        const QString a = f.add(user, chat, QStringLiteral("hi"), MessageParent::activeLeaf());
        auto c = f.chats().chat(user, chat);
        QCOMPARE(c->rootMessageId, a);
        QCOMPARE(c->activeLeafId, a);
        QCOMPARE(get(a).message.parentId, QString());
    }

    void absentParentAppendsToTheActiveBranch()
    {
        const QString a = f.add(user, chat, QStringLiteral("a"), MessageParent::activeLeaf());
        const QString b = f.add(user, chat, QStringLiteral("b"), MessageParent::activeLeaf(), QStringLiteral("assistant"));
        const QString c = f.add(user, chat, QStringLiteral("c"), MessageParent::activeLeaf());
        QCOMPARE(get(b).message.parentId, a);
        QCOMPARE(get(c).message.parentId, b);
        QCOMPARE(currentPath(), (QStringList{a, b, c}));
    }

    void explicitNullParentStartsANewRoot()
    {
        const QString a = f.add(user, chat, QStringLiteral("a"), MessageParent::activeLeaf());
        f.add(user, chat, QStringLiteral("a2"), MessageParent::activeLeaf());
        const QString r = f.add(user, chat, QStringLiteral("r"), MessageParent::newRoot());
        QCOMPARE(get(r).message.parentId, QString());
        QCOMPARE(get(r).position.index, 1);
        QCOMPARE(get(r).position.count, 2);
        QCOMPARE(get(a).position.index, 0);
        QCOMPARE(currentPath(), QStringList{r});
        QCOMPARE(f.chats().chat(user, chat)->rootMessageId, a); // the first root stays the root
    }

    void givenParentWithChildrenCreatesASiblingBranch()
    {
        const QString a = f.add(user, chat, QStringLiteral("a"), MessageParent::activeLeaf());
        const QString b1 = f.add(user, chat, QStringLiteral("b1"), MessageParent::message(a));
        const QString b2 = f.add(user, chat, QStringLiteral("b2"), MessageParent::message(a.toUpper()));
        QCOMPARE(get(b2).message.parentId, a);
        QCOMPARE(get(b1).position.index, 0);
        QCOMPARE(get(b2).position.index, 1);
        QCOMPARE(get(b2).position.count, 2);
        QCOMPARE(currentPath(), (QStringList{a, b2}));
    }

    void parentFromAnotherChatIsRefused()
    {
        const QString other = idOf(f.chats().createChat(user));
        const QString foreign = f.add(user, other, QStringLiteral("x"), MessageParent::activeLeaf());
        NewMessage m{QStringLiteral("user"), QStringLiteral("y"), MessageParent::message(foreign)};
        auto r = f.chats().addMessage(user, chat, m);
        QVERIFY(!r);
        QVERIFY(MessageTree::isForeignParent(r.error()));
        QCOMPARE(f.chats().messages(user, chat)->size(), 0); // nothing half-written
        QVERIFY(f.chats().chat(user, chat)->activeLeafId.isEmpty());
    }

    void missingParentIsRefusedLikeAForeignOne()
    {
        NewMessage m{QStringLiteral("user"), QStringLiteral("y"), MessageParent::message(newUuid())};
        auto r = f.chats().addMessage(user, chat, m);
        QVERIFY(!r);
        QVERIFY(MessageTree::isForeignParent(r.error()));
    }

    void fiveLevelTreeHasSiblingsAtEveryLevel()
    {
        // Three roots; every node on the way down gets three children; the
        // middle child of each level carries the next level.
        QString parent;
        QList<QStringList> levels;
        for (int level = 0; level < 5; ++level) {
            QStringList ids;
            for (int i = 0; i < 3; ++i) {
                auto where = parent.isEmpty() ? MessageParent::newRoot() : MessageParent::message(parent);
                ids << f.add(user, chat, QStringLiteral("L%1.%2").arg(level).arg(i), where,
                             level % 2 ? QStringLiteral("assistant") : QStringLiteral("user"));
            }
            levels << ids;
            parent = ids[1];
        }
        auto all = f.chats().messages(user, chat);
        QVERIFY(all);
        QCOMPARE(all->size(), 15);
        for (int level = 0; level < 5; ++level) {
            for (int i = 0; i < 3; ++i) {
                const PlacedMessage p = get(levels[level][i]);
                QCOMPARE(p.position.index, i);
                QCOMPARE(p.position.count, 3);
                QCOMPARE(p.message.parentId, level ? levels[level - 1][1] : QString());
            }
        }
        // The list gives the same positions as single lookups, oldest first.
        for (int k = 0; k < all->size(); ++k) {
            const PlacedMessage &p = all->at(k);
            QCOMPARE(p.position.index, (k % 3));
            QCOMPARE(p.position.count, 3);
            if (k)
                QVERIFY(all->at(k - 1).message.seq < p.message.seq);
        }
        QCOMPARE(currentPath(), (QStringList{levels[0][1], levels[1][1], levels[2][1], levels[3][1], levels[4][2]}));
        auto path = f.chats().tree().path(levels[4][0]);
        QCOMPARE(path->size(), 5);
        QCOMPARE(path->first().id, levels[0][1]);
    }

    void editAndResubmitCreatesASibling()
    {
        const QString q1 = f.add(user, chat, QStringLiteral("question"), MessageParent::activeLeaf());
        const QString a1 = f.add(user, chat, QStringLiteral("answer"), MessageParent::activeLeaf(), QStringLiteral("assistant"));
        const QString q2 = f.add(user, chat, QStringLiteral("follow-up"), MessageParent::activeLeaf());
        // Resubmitting an edited follow-up: a new child of the follow-up's parent.
        const QString q2b = f.add(user, chat, QStringLiteral("better follow-up"), MessageParent::message(a1));
        QCOMPARE(get(q2).position.index, 0);
        QCOMPARE(get(q2b).position.index, 1);
        QCOMPARE(get(q2b).position.count, 2);
        QCOMPARE(get(q2).message.text(), QStringLiteral("follow-up")); // the original is kept
        QCOMPARE(currentPath(), (QStringList{q1, a1, q2b}));
    }

    void switchingBranchesMovesTheActiveLeafAndTheContext()
    {
        const QString q = f.add(user, chat, QStringLiteral("q"), MessageParent::activeLeaf());
        const QString a1 = f.add(user, chat, QStringLiteral("a1"), MessageParent::message(q), QStringLiteral("assistant"));
        const QString f1 = f.add(user, chat, QStringLiteral("f1"), MessageParent::message(a1));
        const QString a2 = f.add(user, chat, QStringLiteral("a2"), MessageParent::message(q), QStringLiteral("assistant"));
        QCOMPARE(currentPath(), (QStringList{q, a2}));

        auto detail = f.chats().setActiveBranch(user, chat, a1);
        QVERIFY(detail);
        QCOMPARE(detail->chat.activeLeafId, f1); // deepest most recent descendant
        QCOMPARE(detail->currentPath, (QStringList{q, a1, f1}));
        // A new message without a parent now continues that branch.
        const QString next = f.add(user, chat, QStringLiteral("next"), MessageParent::activeLeaf());
        QCOMPARE(get(next).message.parentId, f1);
        QCOMPARE(contextTexts(next), (QStringList{QStringLiteral("user:q"), QStringLiteral("assistant:a1"),
                                                  QStringLiteral("user:f1"), QStringLiteral("user:next")}));
        QCOMPARE(contextTexts(a2), (QStringList{QStringLiteral("user:q"), QStringLiteral("assistant:a2")}));
    }

    void switchingToAMessageOfAnotherChatIsNotFound()
    {
        const QString other = idOf(f.chats().createChat(user));
        const QString foreign = f.add(user, other, QStringLiteral("x"), MessageParent::activeLeaf());
        auto r = f.chats().setActiveBranch(user, chat, foreign);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::NotFound);
    }

    void contextStartsWithTheSystemPrompt()
    {
        QVERIFY(f.chats().setSystemPrompt(user, chat, QStringLiteral("Be brief.")));
        const QString q = f.add(user, chat, QStringLiteral("q"), MessageParent::activeLeaf());
        QCOMPARE(contextTexts(q), (QStringList{QStringLiteral("system:Be brief."), QStringLiteral("user:q")}));
    }

    void softDeleteKeepsTheTreeAndMarksTheContent()
    {
        const QString a = f.add(user, chat, QStringLiteral("a"), MessageParent::activeLeaf());
        const QString b = f.add(user, chat, QStringLiteral("secret"), MessageParent::activeLeaf(), QStringLiteral("assistant"));
        const QString c = f.add(user, chat, QStringLiteral("c"), MessageParent::activeLeaf());
        auto deleted = f.chats().deleteMessage(user, b);
        QVERIFY(deleted);
        QCOMPARE(deleted->message.content, (QJsonObject{{QStringLiteral("text"), QStringLiteral("[Message deleted]")},
                                                        {QStringLiteral("deleted"), true}}));
        QCOMPARE(get(c).message.parentId, b);
        QCOMPARE(currentPath(), (QStringList{a, b, c}));
        QCOMPARE(f.chats().messages(user, chat)->size(), 3);
    }

    void contextLeavesOutDeletedMessagesInsideThePath()
    {
        f.add(user, chat, QStringLiteral("a"), MessageParent::activeLeaf());
        const QString b = f.add(user, chat, QStringLiteral("secret"), MessageParent::activeLeaf(), QStringLiteral("assistant"));
        const QString c = f.add(user, chat, QStringLiteral("c"), MessageParent::activeLeaf());
        QVERIFY(f.chats().deleteMessage(user, b));
        QCOMPARE(contextTexts(c), (QStringList{QStringLiteral("user:a"), QStringLiteral("user:c")}));
    }

    void editReplacesTheTextInPlace()
    {
        const QString a = f.add(user, chat, QStringLiteral("typo"), MessageParent::activeLeaf());
        const QString b = f.add(user, chat, QStringLiteral("b"), MessageParent::activeLeaf());
        auto edited = f.chats().editMessage(user, a, QStringLiteral("fixed"));
        QVERIFY(edited);
        QCOMPARE(edited->message.text(), QStringLiteral("fixed"));
        QCOMPARE(get(a).message.text(), QStringLiteral("fixed"));
        QCOMPARE(get(a).message.id, a);
        QCOMPARE(get(b).message.parentId, a);
    }

    void editIsRefusedWhileStreaming()
    {
        const QString q = f.add(user, chat, QStringLiteral("q"), MessageParent::activeLeaf());
        auto s = f.chats().addMessage(user, chat, streaming(q));
        QVERIFY(s);
        auto r = f.chats().editMessage(user, s->message.id, QStringLiteral("x"));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Conflict);
    }

    void softDeleteIsRefusedWhileStreaming()
    {
        const QString q = f.add(user, chat, QStringLiteral("q"), MessageParent::activeLeaf());
        auto s = f.chats().addMessage(user, chat, streaming(q));
        auto r = f.chats().deleteMessage(user, s->message.id);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Conflict);
    }

    void forkCopiesThePathIntoANewChat()
    {
        QVERIFY(f.chats().setSystemPrompt(user, chat, QStringLiteral("sys")));
        const QString q = f.add(user, chat, QStringLiteral("q"), MessageParent::activeLeaf());
        const QString a = f.add(user, chat, QStringLiteral("a"), MessageParent::activeLeaf(), QStringLiteral("assistant"));
        f.add(user, chat, QStringLiteral("other branch"), MessageParent::message(q), QStringLiteral("assistant"));
        f.add(user, chat, QStringLiteral("after a"), MessageParent::message(a));

        auto fork = f.chats().forkChat(user, chat, a);
        QVERIFY(fork);
        QVERIFY(fork->chat.id != chat);
        QCOMPARE(fork->chat.systemPrompt, QStringLiteral("sys"));
        QCOMPARE(fork->messages.size(), 2);
        QCOMPARE(fork->messages[0].message.text(), QStringLiteral("q"));
        QCOMPARE(fork->messages[1].message.text(), QStringLiteral("a"));
        QCOMPARE(fork->messages[1].message.parentId, fork->messages[0].message.id);
        QVERIFY(fork->messages[0].message.id != q);
        QCOMPARE(fork->currentPath, (QStringList{fork->messages[0].message.id, fork->messages[1].message.id}));
        QCOMPARE(fork->chat.rootMessageId, fork->messages[0].message.id);
        QCOMPARE(f.chats().messages(user, chat)->size(), 4); // the original is untouched

        QSqlQuery rows(*f.backend->database().connection());
        QVERIFY(rows.exec(QStringLiteral("SELECT chat_session_id, source_chat_id, base_message_id FROM branches")));
        QVERIFY(rows.next());
        QCOMPARE(rows.value(0).toString(), fork->chat.id);
        QCOMPARE(rows.value(1).toString(), chat);
        QCOMPARE(rows.value(2).toString(), a);
    }

    void forkFromAMessageOfAnotherChatIsNotFound()
    {
        const QString other = idOf(f.chats().createChat(user));
        const QString foreign = f.add(user, other, QStringLiteral("x"), MessageParent::activeLeaf());
        auto r = f.chats().forkChat(user, chat, foreign);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::NotFound);
        QCOMPARE(f.chats().listChats(user)->size(), 2);
    }

    void chatWithoutStoredActiveLeafAppendsToItsLatestBranch()
    {
        const QString a = f.add(user, chat, QStringLiteral("a"), MessageParent::activeLeaf());
        const QString b = f.add(user, chat, QStringLiteral("b"), MessageParent::activeLeaf());
        // As the original schema left it: a root, no active leaf.
        QVERIFY(ChatRepository(f.backend->database()).setActiveLeaf(chat, QString()));
        QCOMPARE(currentPath(), (QStringList{a, b}));
        const QString c = f.add(user, chat, QStringLiteral("c"), MessageParent::activeLeaf());
        QCOMPARE(get(c).message.parentId, b);
    }

    void textIsStoredExactly()
    {
        const QString tricky = QStringLiteral("'); DROP TABLE messages; -- <script>alert(1)</script> &amp; "
                                              "😀👩‍👩‍👧 مرحبا \\n\n\t\"quoted\" %s $1 :id ?");
        const QString m = f.add(user, chat, tricky, MessageParent::activeLeaf());
        QVERIFY(!m.isEmpty());
        QCOMPARE(f.chats().message(user, m)->message.text(), tricky);
        QCOMPARE(f.chats().messages(user, chat)->first().message.text(), tricky);
    }
};

QTEST_GUILESS_MAIN(TestMessageTree)
#include "tst_messagetree.moc"
