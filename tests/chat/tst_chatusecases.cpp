// The chat use cases every front end shares (the desktop used to do these
// itself): moving to a sibling branch, the visible end of the active path in
// one read, forking the active branch, and an empty chat to write in that is
// reused rather than piled up. Runs on SQLite and PostgreSQL.
#include "chatfixture.h"

#include <QThread>

using namespace teehee;
using namespace chattest;

class TestChatUseCases : public QObject {
    Q_OBJECT

    ChatFixture f;
    QString user;
    QString chat;

    QString say(const QString &text, MessageParent parent = MessageParent::activeLeaf())
    {
        return f.add(user, chat, text, std::move(parent));
    }
    QString answer(const QString &text, MessageParent parent = MessageParent::activeLeaf())
    {
        return f.add(user, chat, text, std::move(parent), QStringLiteral("assistant"));
    }
    QStringList texts(const QList<PlacedMessage> &messages)
    {
        QStringList out;
        for (const PlacedMessage &m : messages)
            out << m.message.text();
        return out;
    }

private Q_SLOTS:
    void init()
    {
        CHAT_START(f);
        user = f.newUser();
        chat = idOf(f.chats().createChat(user, QStringLiteral("Trip plan")));
        QVERIFY(!user.isEmpty() && !chat.isEmpty());
    }
    void cleanup() { f.stop(); }

    void switchSiblingMovesToTheNextAndPreviousBranch()
    {
        const QString q = say(QStringLiteral("q"));
        const QString a1 = answer(QStringLiteral("a1"));
        say(QStringLiteral("after a1"));
        const QString a2 = answer(QStringLiteral("a2"), MessageParent::message(q));
        QCOMPARE(f.chats().chat(user, chat)->activeLeafId, a2);

        auto back = f.chats().switchSibling(user, a2, -1);
        QVERIFY(back);
        // The branch through a1 ends at its deepest message.
        auto tail = f.chats().pathTail(user, chat, 10);
        QCOMPARE(texts(tail->messages), (QStringList{QStringLiteral("q"), QStringLiteral("a1"), QStringLiteral("after a1")}));
        QVERIFY(f.chats().switchSibling(user, a1, +1));
        QCOMPARE(f.chats().chat(user, chat)->activeLeafId, a2);
    }

    void switchSiblingPastTheEndsIsNotFound()
    {
        say(QStringLiteral("q"));
        const QString a = answer(QStringLiteral("a"));
        QCOMPARE(f.chats().switchSibling(user, a, +1).error().code, ErrorCode::NotFound);
        QCOMPARE(f.chats().switchSibling(user, a, -1).error().code, ErrorCode::NotFound);
    }

    void switchSiblingOfAnotherUsersMessageIsNotFound()
    {
        const QString q = say(QStringLiteral("q"));
        answer(QStringLiteral("a1"));
        answer(QStringLiteral("a2"), MessageParent::message(q));
        const QString stranger = f.newUser();
        QCOMPARE(f.chats().switchSibling(stranger, q, 0).error().code, ErrorCode::NotFound);
    }

    void pathTailIsTheEndOfTheActiveBranchWithPositions()
    {
        QString q;
        for (int i = 0; i < 10; ++i) {
            q = say(QStringLiteral("q%1").arg(i));
            answer(QStringLiteral("a%1").arg(i));
        }
        answer(QStringLiteral("a9 again"), MessageParent::message(q)); // the active leaf, second of two

        auto tail = f.chats().pathTail(user, chat, 3);
        QVERIFY(tail);
        QCOMPARE(tail->chat.id, chat);
        QVERIFY(!tail->complete);
        QCOMPARE(texts(tail->messages), (QStringList{QStringLiteral("a8"), QStringLiteral("q9"), QStringLiteral("a9 again")}));
        QCOMPARE(tail->messages.last().position.index, 1);
        QCOMPARE(tail->messages.last().position.count, 2);
        QCOMPARE(tail->messages.first().position.count, 1);

        auto all = f.chats().pathTail(user, chat, 1000);
        QVERIFY(all->complete);
        QCOMPARE(all->messages.size(), 20);
        QCOMPARE(all->messages.first().message.text(), QStringLiteral("q0"));
    }

    void pathTailOfAnEmptyChatIsEmptyAndComplete()
    {
        auto tail = f.chats().pathTail(user, chat, 30);
        QVERIFY(tail);
        QVERIFY(tail->messages.isEmpty());
        QVERIFY(tail->complete);
    }

    void forkActiveBranchCopiesItUnderAForkName()
    {
        const QString q = say(QStringLiteral("q"));
        answer(QStringLiteral("a1"));
        answer(QStringLiteral("a2"), MessageParent::message(q));
        auto fork = f.chats().forkActiveBranch(user, chat);
        QVERIFY(fork);
        QCOMPARE(fork->chat.name, QStringLiteral("Trip plan (fork)"));
        QCOMPARE(fork->messages.size(), 2);
        QCOMPARE(fork->messages.last().message.text(), QStringLiteral("a2"));
        // A fork of the fork keeps one suffix.
        QCOMPARE(f.chats().forkActiveBranch(user, fork->chat.id)->chat.name, QStringLiteral("Trip plan (fork)"));
    }

    void forkOfAnEmptyChatIsRefused()
    {
        auto fork = f.chats().forkActiveBranch(user, chat);
        QVERIFY(!fork);
        QCOMPARE(fork.error().code, ErrorCode::InvalidInput);
        QCOMPARE(f.chats().listChats(user)->size(), 1);
    }

    void freshChatReusesTheNewestEmptyChat()
    {
        auto first = f.chats().freshChat(user);
        QVERIFY(first);
        QVERIFY(first->id != chat); // "Trip plan" has a name: not reusable
        auto again = f.chats().freshChat(user);
        QCOMPARE(again->id, first->id);
        QCOMPARE(f.chats().listChats(user)->size(), 2);
    }

    void freshChatFindsAnEmptyChatBelowNewerOnes()
    {
        auto empty = f.chats().freshChat(user);
        QVERIFY(empty);
        QThread::msleep(5); // activity times are in milliseconds: make "Trip plan" the newer
        say(QStringLiteral("Trip plan is the newest now"));
        QCOMPARE(f.chats().listChats(user)->constFirst().id, chat);
        auto again = f.chats().freshChat(user);
        QCOMPARE(again->id, empty->id);
    }

    void freshChatIsNewOnceTheEmptyOneHasMessages()
    {
        auto first = f.chats().freshChat(user);
        QVERIFY(f.add(user, first->id, QStringLiteral("hello"), MessageParent::activeLeaf()).size() > 0);
        auto next = f.chats().freshChat(user);
        QVERIFY(next->id != first->id);
        QCOMPARE(next->name, ChatService::kDefaultName);
    }
};

QTEST_GUILESS_MAIN(TestChatUseCases)
#include "tst_chatusecases.moc"
