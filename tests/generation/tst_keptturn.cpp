// A turn the engine refuses for want of a key, a model or a provider is
// refused before anything is written (what HTTP clients rely on); the desktop
// then keeps it with keepRefusedTurn(): the question stays in the chat with an
// empty failed reply that says why, and Retry answers it once the cause is
// fixed. Runs on SQLite and PostgreSQL.
#include "chat/chatfixture.h"
#include "generation/generationmanager.h"

using namespace teehee;
using namespace chattest;

class TestKeptTurn : public QObject {
    Q_OBJECT
    ChatFixture f;
    QString user;
    QString chat;

private Q_SLOTS:
    void init()
    {
        CHAT_START(f);
        user = f.newUser();
        chat = idOf(f.chats().createChat(user));
        QVERIFY(!chat.isEmpty());
    }
    void cleanup() { f.stop(); }

    void aTurnWithoutAKeyIsRefusedWithItsReasonAndWritesNothing()
    {
        GenerationOptions options;
        options.provider = QStringLiteral("anthropic"); // the test configuration has no key for it
        options.model = QStringLiteral("claude-haiku-4-5");
        auto g = f.backend->generations().sendMessage(user, chat, QStringLiteral("Hello"), MessageParent::activeLeaf(), options);
        QVERIFY(!g);
        QVERIFY(g.error().is(ErrorReason::NoKey));
        QCOMPARE(f.chats().messages(user, chat)->size(), 0);
    }

    void keepingItWritesTheQuestionAndAFailedReplySayingWhy()
    {
        GenerationOptions options;
        options.provider = QStringLiteral("anthropic");
        options.model = QStringLiteral("claude-haiku-4-5");
        auto refusal = f.backend->generations().sendMessage(user, chat, QStringLiteral("Hello"), MessageParent::activeLeaf(), options);
        QVERIFY(!refusal);
        auto kept = f.backend->generations().keepRefusedTurn(user, chat, QStringLiteral("Hello"), MessageParent::activeLeaf(),
                                                             options, refusal.error());
        QVERIFY(kept);
        QCOMPARE(kept->question.message.text(), QStringLiteral("Hello"));
        const MessageRecord &reply = kept->reply.message;
        QCOMPARE(reply.parentId, kept->question.message.id);
        QCOMPARE(reply.status, MessageStatus::Error);
        QVERIFY(reply.text().isEmpty());
        QCOMPARE(reply.content.value(QStringLiteral("error_reason")).toString(), QStringLiteral("no_key"));
        QVERIFY(!reply.content.value(QStringLiteral("error")).toString().isEmpty());
        QCOMPARE(reply.provider, QStringLiteral("anthropic"));
        // On the active branch, and the chat keeps its name: nothing was answered.
        auto c = f.chats().chat(user, chat);
        QCOMPARE(c->activeLeafId, reply.id);
        QCOMPARE(c->name, ChatService::kDefaultName);
    }

    void retryOfTheKeptReplyIsAnsweredOnceTheKeyIsThere()
    {
        GenerationOptions options;
        options.provider = QStringLiteral("anthropic");
        options.model = QStringLiteral("claude-haiku-4-5");
        auto refusal = f.backend->generations().sendMessage(user, chat, QStringLiteral("Hi"), MessageParent::activeLeaf(), options);
        auto kept = f.backend->generations().keepRefusedTurn(user, chat, QStringLiteral("Hi"), MessageParent::activeLeaf(),
                                                             options, refusal.error());
        QVERIFY(kept);
        // Still no key: the retry is refused the same way, and nothing more is written.
        auto retry = f.backend->generations().continueMessage(user, kept->reply.message.id);
        QVERIFY(!retry);
        QVERIFY(retry.error().is(ErrorReason::NoKey));
        QCOMPARE(f.chats().messages(user, chat)->size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestKeptTurn)
#include "tst_keptturn.moc"
