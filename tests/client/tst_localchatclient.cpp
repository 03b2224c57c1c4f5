// The desktop's own chats through its client, across a restart: what one run
// of the app stores (a chat's model and options, a key) is what the next run,
// with the same profile, finds; and saving a key leaves the chat's model alone.
#include "localchatclient.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using teehee::client::ChatClient;
using teehee::client::ChatInfo;
using teehee::client::ChatPage;
using teehee::client::ClientError;
using teehee::client::LocalChatClient;
using teehee::client::Outcome;

class TestLocalChatClient : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;

    // A started client (one run of the app) for the profile's stored user.
    static std::unique_ptr<LocalChatClient> run(const QString &storedUserId)
    {
        auto client = std::make_unique<LocalChatClient>(storedUserId);
        QSignalSpy state(client.get(), &ChatClient::stateChanged);
        client->start();
        if (client->state() == ChatClient::State::Starting)
            state.wait(20000);
        return client;
    }

    // Waits for one reply of an asynchronous call.
    template <typename T, typename Call>
    Outcome<T> ask(Call call)
    {
        std::optional<Outcome<T>> got;
        call([&got](const Outcome<T> &o) { got = o; });
        if (!QTest::qWaitFor([&] { return got.has_value(); }, 10000))
            return {T{}, ClientError{teehee::client::Failure::Unavailable, QStringLiteral("no answer")}};
        return *got;
    }
    template <typename Call>
    ClientError done(Call call)
    {
        std::optional<ClientError> got;
        call([&got](const ClientError &e) { got = e; });
        if (!QTest::qWaitFor([&] { return got.has_value(); }, 10000))
            return {teehee::client::Failure::Unavailable, QStringLiteral("no answer")};
        return *got;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        for (const char *name : {"DATABASE_URL", "OPENAI_API_KEY", "ANTHROPIC_API_KEY", "MISTRAL_API_KEY"})
            qunsetenv(name);
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        qputenv("TEEHEE_DATA_DIR", m_home.filePath(QStringLiteral("data")).toUtf8());
        qputenv("SECRET_KEY", QByteArray(48, 's'));
        qputenv("ENCRYPTION_KEY", QByteArray(48, 'e'));
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent");
        QCoreApplication::setOrganizationName(QStringLiteral("TeeheeTest"));
    }

    void aChatKeepsItsModelAndOptionsAcrossARestart()
    {
        QString userId, chatId;
        {
            auto first = run({});
            QCOMPARE(first->state(), ChatClient::State::Ready);
            userId = first->userId();
            QVERIFY(!userId.isEmpty());
            auto chat = ask<ChatInfo>([&](auto reply) { first->freshChat(this, reply); });
            QVERIFY2(chat.ok(), qPrintable(chat.error.detail));
            chatId = chat.value.id;
            auto model = done([&](auto d) {
                first->setChatModel(this, chatId, QStringLiteral("mistral"), QStringLiteral("mistral-large-latest"), d);
            });
            QVERIFY2(model.ok(), qPrintable(model.detail));
            auto options = done([&](auto d) {
                first->setChatOptions(this, chatId, {{QStringLiteral("temperature"), 0.3}}, d);
            });
            QVERIFY2(options.ok(), qPrintable(options.detail));
        }

        auto second = run(userId);
        QCOMPARE(second->state(), ChatClient::State::Ready);
        QCOMPARE(second->userId(), userId);
        auto page = ask<ChatPage>([&](auto reply) { second->chatPage(this, chatId, 0, reply); });
        QVERIFY2(page.ok(), qPrintable(page.error.detail));
        QCOMPARE(page.value.chat.provider, QStringLiteral("mistral"));
        QCOMPARE(page.value.chat.model, QStringLiteral("mistral-large-latest"));
        QCOMPARE(page.value.chat.options.value(QStringLiteral("temperature")).toDouble(), 0.3);
    }

    void savingAKeyLeavesTheChatsModelAlone()
    {
        auto client = run({});
        QCOMPARE(client->state(), ChatClient::State::Ready);
        auto chat = ask<ChatInfo>([&](auto reply) { client->freshChat(this, reply); });
        QVERIFY2(chat.ok(), qPrintable(chat.error.detail));
        QVERIFY(done([&](auto d) {
            client->setChatModel(this, chat.value.id, QStringLiteral("anthropic"), QStringLiteral("claude-sonnet-4-5"), d);
        }).ok());

        QSignalSpy updates(client.get(), &ChatClient::chatUpdated);
        auto saved = done([&](auto d) { client->saveKey(this, QStringLiteral("openai"), QStringLiteral("sk-test-0123456789"), d); });
        QVERIFY2(saved.ok(), qPrintable(saved.detail));

        auto page = ask<ChatPage>([&](auto reply) { client->chatPage(this, chat.value.id, 0, reply); });
        QVERIFY(page.ok());
        QCOMPARE(page.value.chat.provider, QStringLiteral("anthropic"));
        QCOMPARE(page.value.chat.model, QStringLiteral("claude-sonnet-4-5"));
        QCOMPARE(updates.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestLocalChatClient)
#include "tst_localchatclient.moc"
