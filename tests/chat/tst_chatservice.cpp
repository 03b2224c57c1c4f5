// Chats as a user manages them through ChatService: create, list, rename,
// system prompt, delete, what is refused, and that another user's chats and
// messages do not exist for them. Runs on SQLite and PostgreSQL.
#include "chatfixture.h"

#include "db/messagerepository.h"

#include <QSignalSpy>

using namespace teehee;
using namespace chattest;

class TestChatService : public QObject {
    Q_OBJECT

    ChatFixture f;
    QString user;

    NewMessage text(const QString &t, const QString &role = QStringLiteral("user"))
    {
        return NewMessage{role, t, MessageParent::activeLeaf()};
    }

private Q_SLOTS:
    void init()
    {
        CHAT_START(f, 100);   // a small text limit, so limit tests stay small
        user = f.newUser();
        QVERIFY(!user.isEmpty());
    }
    void cleanup() { f.stop(); }

    void createNamesAChatNewChatByDefault()
    {
        auto c = f.chats().createChat(user);
        QVERIFY(c);
        QCOMPARE(c->name, QStringLiteral("New Chat"));
        QCOMPARE(c->userId, user);
        QVERIFY(c->rootMessageId.isEmpty());
        QVERIFY(c->createdAt.isValid());
    }

    void createKeepsNameAndSystemPrompt()
    {
        auto c = f.chats().createChat(user, QStringLiteral("Plans"), QStringLiteral("Be brief."));
        auto again = f.chats().chat(user, c->id);
        QCOMPARE(again->name, QStringLiteral("Plans"));
        QCOMPARE(again->systemPrompt, QStringLiteral("Be brief."));
    }

    void createAnnouncesTheChat()
    {
        QSignalSpy spy(&f.chats(), &ChatService::chatCreated);
        auto c = f.chats().createChat(user);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).value<ChatRecord>().id, c->id);
    }

    void listIsMostRecentlyActiveFirst()
    {
        const QString a = idOf(f.chats().createChat(user, QStringLiteral("a")));
        QTest::qWait(5);
        const QString b = idOf(f.chats().createChat(user, QStringLiteral("b")));
        QCOMPARE(f.chats().listChats(user)->first().id, b);
        QTest::qWait(5);
        QVERIFY(!f.add(user, a, QStringLiteral("hello"), MessageParent::activeLeaf()).isEmpty());
        auto list = f.chats().listChats(user);
        QCOMPARE(list->size(), 2);
        QCOMPARE(list->at(0).id, a);
        QCOMPARE(list->at(1).id, b);
    }

    void listShowsOnlyTheUsersOwnChats()
    {
        const QString other = f.newUser();
        QVERIFY(f.chats().createChat(other, QStringLiteral("theirs")));
        const QString mine = idOf(f.chats().createChat(user, QStringLiteral("mine")));
        auto list = f.chats().listChats(user);
        QCOMPARE(list->size(), 1);
        QCOMPARE(list->first().id, mine);
    }

    void renameChangesTheName()
    {
        const QString c = idOf(f.chats().createChat(user));
        QSignalSpy spy(&f.chats(), &ChatService::chatUpdated);
        auto r = f.chats().renameChat(user, c, QStringLiteral("Renamed"));
        QVERIFY(r);
        QCOMPARE(r->name, QStringLiteral("Renamed"));
        QCOMPARE(f.chats().chat(user, c)->name, QStringLiteral("Renamed"));
        QCOMPARE(spy.size(), 1);
    }

    void renameRefusesAnEmptyName()
    {
        const QString c = idOf(f.chats().createChat(user, QStringLiteral("keep")));
        auto r = f.chats().renameChat(user, c, QStringLiteral("  "));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::InvalidInput);
        QCOMPARE(f.chats().chat(user, c)->name, QStringLiteral("keep"));
    }

    void updateChangesOnlyTheGivenFields()
    {
        const QString c = idOf(f.chats().createChat(user, QStringLiteral("n"), QStringLiteral("p")));
        auto r = f.chats().updateChat(user, c, ChatChanges{std::nullopt, QStringLiteral("new prompt")});
        QVERIFY(r);
        QCOMPARE(r->name, QStringLiteral("n"));
        QCOMPARE(r->systemPrompt, QStringLiteral("new prompt"));
    }

    void settingsChangeOnlyTheGivenFieldsAndAnnounceOnlyAChange()
    {
        const QString c = idOf(f.chats().createChat(user, QStringLiteral("n")));
        QSignalSpy spy(&f.chats(), &ChatService::chatUpdated);
        ChatOptions options;
        options.temperature = 0.4;
        ChatSettingsChanges changes;
        changes.provider = QStringLiteral("mistral");
        changes.model = QStringLiteral("mistral-small-latest");
        changes.options = options;
        auto r = f.chats().updateSettings(user, c, changes);
        QVERIFY(r);
        QCOMPARE(r->provider, QStringLiteral("mistral"));
        QCOMPARE(r->options, options.toJson());
        QCOMPARE(r->name, QStringLiteral("n"));
        QCOMPARE(spy.size(), 1);
        // The same again: nothing to write, nothing for the other devices.
        QVERIFY(f.chats().updateSettings(user, c, changes));
        QCOMPARE(spy.size(), 1);
        ChatSettingsChanges modelOnly;
        modelOnly.model = QStringLiteral("mistral-large-latest");
        r = f.chats().updateSettings(user, c, modelOnly);
        QCOMPARE(r->provider, QStringLiteral("mistral"));
        QCOMPARE(r->model, QStringLiteral("mistral-large-latest"));
        QCOMPARE(r->options, options.toJson());
        QCOMPARE(spy.size(), 2);
    }

    void settingsAreRefusedForAnotherUserOrAnOverlongName()
    {
        const QString c = idOf(f.chats().createChat(user));
        ChatSettingsChanges changes;
        changes.model = QStringLiteral("m");
        QCOMPARE(f.chats().updateSettings(f.newUser(), c, changes).error().code, ErrorCode::NotFound);
        changes.model = QString(ChatService::kMaxSettingChars + 1, u'm');
        QCOMPARE(f.chats().updateSettings(user, c, changes).error().code, ErrorCode::InvalidInput);
        QVERIFY(f.chats().chat(user, c)->model.isEmpty());
    }

    void deleteRemovesTheChatAndItsMessages()
    {
        const QString c = idOf(f.chats().createChat(user));
        const QString m = f.add(user, c, QStringLiteral("x"), MessageParent::activeLeaf());
        QVERIFY(f.chats().deleteChat(user, c));
        QCOMPARE(f.chats().chat(user, c).error().code, ErrorCode::NotFound);
        QCOMPARE(MessageRepository(f.backend->database()).get(m).error().code, ErrorCode::NotFound);
    }

    void deleteAnnouncesItselfWhileTheChatStillExists()
    {
        const QString c = idOf(f.chats().createChat(user));
        bool existedWhenAnnounced = false;
        connect(&f.chats(), &ChatService::chatAboutToBeDeleted, this, [&](const QString &u, const QString &id) {
            existedWhenAnnounced = u == user && id == c && f.chats().chat(user, id).ok();
        });
        QSignalSpy deleted(&f.chats(), &ChatService::chatDeleted);
        QVERIFY(f.chats().deleteChat(user, c));
        QVERIFY(existedWhenAnnounced);
        QCOMPARE(deleted.size(), 1);
    }

    void anotherUsersChatIsNotFound()
    {
        const QString other = f.newUser();
        const QString theirs = idOf(f.chats().createChat(other));
        const QString msg = f.add(other, theirs, QStringLiteral("x"), MessageParent::activeLeaf());
        QCOMPARE(f.chats().chat(user, theirs).error().code, ErrorCode::NotFound);
        QCOMPARE(f.chats().chatDetail(user, theirs).error().code, ErrorCode::NotFound);
        QCOMPARE(f.chats().messages(user, theirs).error().code, ErrorCode::NotFound);
        QCOMPARE(f.chats().renameChat(user, theirs, QStringLiteral("x")).error().code, ErrorCode::NotFound);
        QCOMPARE(f.chats().deleteChat(user, theirs).error().code, ErrorCode::NotFound);
        QCOMPARE(f.chats().addMessage(user, theirs, text(QStringLiteral("x"))).error().code, ErrorCode::NotFound);
        QCOMPARE(f.chats().setActiveBranch(user, theirs, msg).error().code, ErrorCode::NotFound);
        QCOMPARE(f.chats().forkChat(user, theirs, msg).error().code, ErrorCode::NotFound);
        QVERIFY(f.chats().chat(other, theirs)); // still there for its owner
    }

    void anotherUsersMessageIsNotFound()
    {
        const QString other = f.newUser();
        const QString theirs = idOf(f.chats().createChat(other));
        const QString msg = f.add(other, theirs, QStringLiteral("x"), MessageParent::activeLeaf());
        const QString mine = idOf(f.chats().createChat(user));
        QCOMPARE(f.chats().message(user, msg).error().code, ErrorCode::NotFound);
        QCOMPARE(f.chats().editMessage(user, msg, QStringLiteral("y")).error().code, ErrorCode::NotFound);
        QCOMPARE(f.chats().deleteMessage(user, msg).error().code, ErrorCode::NotFound);
        QCOMPARE(f.chats().context(user, msg).error().code, ErrorCode::NotFound);
        QCOMPARE(f.chats().setActiveBranch(user, mine, msg).error().code, ErrorCode::NotFound);
        QCOMPARE(f.chats().forkChat(user, mine, msg).error().code, ErrorCode::NotFound);
        QCOMPARE(f.chats().message(other, msg)->message.text(), QStringLiteral("x"));
    }

    void malformedIdsAreNotFound()
    {
        QCOMPARE(f.chats().chat(user, QStringLiteral("not-a-uuid")).error().code, ErrorCode::NotFound);
        QCOMPARE(f.chats().message(user, QStringLiteral("1' OR '1'='1")).error().code, ErrorCode::NotFound);
        QCOMPARE(f.chats().deleteChat(user, QString()).error().code, ErrorCode::NotFound);
    }

    void addAnnouncesTheMessage()
    {
        const QString c = idOf(f.chats().createChat(user));
        QSignalSpy spy(&f.chats(), &ChatService::messageAdded);
        auto m = f.chats().addMessage(user, c, text(QStringLiteral("x")));
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(1).value<PlacedMessage>().message.id, m->message.id);
    }

    // A new message moves the chat up the list: every device hears the chat changed.
    void addAnnouncesTheChatsNewActivity()
    {
        const QString c = idOf(f.chats().createChat(user));
        const QDateTime before = f.chats().chat(user, c)->updatedAt;
        QTest::qWait(5); // a later millisecond for updated_at
        QSignalSpy spy(&f.chats(), &ChatService::chatUpdated);
        auto m = f.chats().addMessage(user, c, text(QStringLiteral("x")));
        QVERIFY(m);
        QCOMPARE(spy.size(), 1);
        const ChatRecord announced = spy.at(0).at(0).value<ChatRecord>();
        QCOMPARE(announced.id, c);
        QCOMPARE(announced.activeLeafId, m->message.id);
        QVERIFY(announced.updatedAt > before);
    }

    void editAnnouncesTheChange()
    {
        const QString c = idOf(f.chats().createChat(user));
        const QString m = f.add(user, c, QStringLiteral("x"), MessageParent::activeLeaf());
        QSignalSpy spy(&f.chats(), &ChatService::messageUpdated);
        QVERIFY(f.chats().editMessage(user, m, QStringLiteral("y")));
        QVERIFY(f.chats().deleteMessage(user, m));
        QCOMPARE(spy.size(), 2);
    }

    void unknownRoleIsRefused()
    {
        const QString c = idOf(f.chats().createChat(user));
        auto r = f.chats().addMessage(user, c, text(QStringLiteral("x"), QStringLiteral("wizard")));
        QCOMPARE(r.error().code, ErrorCode::InvalidInput);
        QVERIFY(r.error().message.contains(QStringLiteral("role")));
    }

    void textAtTheLimitIsAccepted()
    {
        const QString c = idOf(f.chats().createChat(user));
        // 100 bytes of UTF-8: 25 four-byte emoji.
        QString emoji;
        for (int i = 0; i < 25; ++i)
            emoji += QStringLiteral("😀");
        QVERIFY(f.chats().addMessage(user, c, text(emoji)));
    }

    void textOverTheLimitIsTooLarge()
    {
        const QString c = idOf(f.chats().createChat(user));
        auto r = f.chats().addMessage(user, c, text(QString(101, u'x')));
        QCOMPARE(r.error().code, ErrorCode::TooLarge);
        const QString m = f.add(user, c, QStringLiteral("short"), MessageParent::activeLeaf());
        QCOMPARE(f.chats().editMessage(user, m, QString(34, QChar(0x20AC))).error().code, ErrorCode::TooLarge); // 102 bytes
    }

    void nulCharactersAreRefused()
    {
        const QString c = idOf(f.chats().createChat(user));
        auto r = f.chats().addMessage(user, c, text(QStringLiteral("a") + QChar(0) + QStringLiteral("b")));
        QCOMPARE(r.error().code, ErrorCode::InvalidInput);
        QCOMPARE(f.chats().renameChat(user, c, QString(QChar(0))).error().code, ErrorCode::InvalidInput);
    }

    void unpairedSurrogatesAreRefused()
    {
        const QString c = idOf(f.chats().createChat(user));
        auto r = f.chats().addMessage(user, c, text(QString(QChar(0xD800))));
        QCOMPARE(r.error().code, ErrorCode::InvalidInput);
    }
};

QTEST_GUILESS_MAIN(TestChatService)
#include "tst_chatservice.moc"
