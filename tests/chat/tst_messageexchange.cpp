// A question and the empty reply that will answer it, written together as a
// reply starts (ChatService::addExchange): the same tree, the same active leaf
// and the same context as adding the two one after the other, or nothing at
// all. Runs on SQLite and PostgreSQL.
#include "chatfixture.h"

#include <QSignalSpy>

using namespace teehee;
using namespace chattest;

class TestMessageExchange : public QObject {
    Q_OBJECT

    ChatFixture f;
    QString user;
    QString chat;

    ChatRecord chatRecord() { return f.chats().chat(user, chat).value(); }
    static NewMessage question(const QString &text, MessageParent parent = MessageParent::activeLeaf())
    {
        NewMessage m;
        m.role = QStringLiteral("user");
        m.text = text;
        m.parent = parent;
        return m;
    }
    static NewMessage emptyReply()
    {
        NewMessage m;
        m.role = QStringLiteral("assistant");
        m.provider = QStringLiteral("openai");
        m.model = QStringLiteral("gpt-4o-mini");
        m.status = MessageStatus::Streaming;
        m.isPartial = true;
        return m;
    }
    int messageCount() { return int(f.chats().messages(user, chat)->size()); }

private Q_SLOTS:
    void init()
    {
        CHAT_START(f);
        user = f.newUser();
        chat = idOf(f.chats().createChat(user, QStringLiteral("Exchange"), QStringLiteral("Be brief.")));
        QVERIFY(!chat.isEmpty());
    }
    void cleanup() { f.stop(); }

    void inAnEmptyChatTheQuestionIsTheRootAndTheReplyTheLeaf()
    {
        QSignalSpy added(&f.chats(), &ChatService::messageAdded);
        auto ex = f.chats().addExchange(user, chatRecord(), question(QStringLiteral("Hi")), emptyReply());
        QVERIFY2(ex, ex ? "" : qPrintable(ex.error().message));
        const MessageRecord &q = ex->question.message;
        const MessageRecord &r = ex->reply.message;
        QCOMPARE(q.parentId, QString());
        QCOMPARE(r.parentId, q.id);
        QCOMPARE(r.role, QStringLiteral("assistant"));
        QCOMPARE(r.status, MessageStatus::Streaming);
        QVERIFY(r.isPartial);
        QCOMPARE(r.provider, QStringLiteral("openai"));
        QCOMPARE(r.model, QStringLiteral("gpt-4o-mini"));
        const ChatRecord c = chatRecord();
        QCOMPARE(c.rootMessageId, q.id);
        QCOMPARE(c.activeLeafId, r.id);
        QCOMPARE(ex->path.size(), 1);
        QCOMPARE(ex->path.first().id, q.id);
        // Announced as two added messages, question first, where they stand.
        QCOMPARE(added.size(), 2);
        QCOMPARE(added.at(0).at(1).value<PlacedMessage>().message.id, q.id);
        QCOMPARE(added.at(1).at(1).value<PlacedMessage>().message.id, r.id);
        QCOMPARE(f.chats().message(user, r.id)->position.count, ex->reply.position.count);
        QCOMPARE(f.chats().message(user, r.id)->position.index, ex->reply.position.index);
    }

    void itGoesUnderTheActiveLeafWithThePathAndContextOfThatBranch()
    {
        const QString a = f.add(user, chat, QStringLiteral("a"), MessageParent::activeLeaf());
        const QString b = f.add(user, chat, QStringLiteral("b"), MessageParent::activeLeaf(), QStringLiteral("assistant"));
        // Another branch under a, which is not the active one once b is chosen again.
        f.add(user, chat, QStringLiteral("other"), MessageParent::message(a), QStringLiteral("assistant"));
        QVERIFY(f.chats().setActiveBranch(user, chat, b));

        auto ex = f.chats().addExchange(user, chatRecord(), question(QStringLiteral("c")), emptyReply());
        QVERIFY2(ex, ex ? "" : qPrintable(ex.error().message));
        QCOMPARE(ex->question.message.parentId, b);
        QStringList pathIds;
        for (const MessageRecord &m : ex->path)
            pathIds << m.id;
        QCOMPARE(pathIds, (QStringList{a, b, ex->question.message.id}));
        QCOMPARE(chatRecord().rootMessageId, a);
        QCOMPARE(chatRecord().activeLeafId, ex->reply.message.id);
        // The context from the path equals the one read back for the question.
        QList<ChatMessage> fromPath = ChatService::contextOf(chatRecord(), ex->path);
        QList<ChatMessage> readBack = f.chats().context(user, ex->question.message.id).value();
        QCOMPARE(fromPath.size(), 4);
        QCOMPARE(fromPath.first().role, QStringLiteral("system"));
        QCOMPARE(fromPath.size(), readBack.size());
        for (int i = 0; i < fromPath.size(); ++i) {
            QCOMPARE(fromPath[i].role, readBack[i].role);
            QCOMPARE(fromPath[i].text, readBack[i].text);
        }
    }

    void aQuestionUnderAGivenParentIsASiblingWhereItStands()
    {
        const QString a = f.add(user, chat, QStringLiteral("a"), MessageParent::activeLeaf());
        f.add(user, chat, QStringLiteral("first answer"), MessageParent::message(a), QStringLiteral("user"));
        auto ex = f.chats().addExchange(user, chatRecord(), question(QStringLiteral("second"), MessageParent::message(a)),
                                        emptyReply());
        QVERIFY2(ex, ex ? "" : qPrintable(ex.error().message));
        QCOMPARE(ex->question.position.index, 1);
        QCOMPARE(ex->question.position.count, 2);
        QCOMPARE(ex->reply.position.index, 0);
        QCOMPARE(ex->reply.position.count, 1);
    }

    void aRefusedQuestionWritesNothing()
    {
        const QString other = idOf(f.chats().createChat(user, QStringLiteral("Other")));
        const QString foreign = f.add(user, other, QStringLiteral("elsewhere"), MessageParent::activeLeaf());
        const int before = messageCount();
        auto ex = f.chats().addExchange(user, chatRecord(), question(QStringLiteral("q"), MessageParent::message(foreign)),
                                        emptyReply());
        QVERIFY(!ex);
        QVERIFY(MessageTree::isForeignParent(ex.error()));
        auto nul = f.chats().addExchange(user, chatRecord(), question(QStringLiteral("a") + QChar(u'\0')), emptyReply());
        QVERIFY(!nul);
        QCOMPARE(nul.error().code, ErrorCode::InvalidInput);
        QCOMPARE(messageCount(), before);
        QCOMPARE(chatRecord().activeLeafId, QString());
    }
};

QTEST_GUILESS_MAIN(TestMessageExchange)
#include "tst_messageexchange.moc"
