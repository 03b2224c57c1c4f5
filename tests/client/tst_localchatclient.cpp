// The desktop's own chats through its client, across a restart: what one run
// of the app stores (a chat's model and options, a key) is what the next run,
// with the same profile, finds; and saving a key leaves the chat's model alone.
#include "../qml/fakeprovidercontrol.h"
#include "localchatclient.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using teehee::client::AttachmentInfo;
using teehee::client::ChatClient;
using teehee::client::ChatInfo;
using teehee::client::ChatPage;
using teehee::client::ClientError;
using teehee::client::LocalChatClient;
using teehee::client::Failure;
using teehee::client::Outcome;
using teehee::client::TurnEvent;
using teehee::client::TurnRequest;

namespace {
// A 1×1 PNG: the server knows an image by these bytes, not by its name.
const QByteArray kPng = QByteArray::fromBase64(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
} // namespace

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

    // Attachments: stored, read back, refused by size and type, sent with a
    // message to the provider, listed on the message; an image to a model
    // that takes none is refused before the provider hears of it.
    void attachmentsAreStoredSentAndListed()
    {
        FakeProviderControl fake;
        QVERIFY(fake.listen());
        qputenv("OPENAI_BASE_URL", fake.baseUrl().toUtf8());
        qputenv("OPENAI_API_KEY", "sk-test-attachments");
        qputenv("ATTACHMENT_MAX_BYTES", "4096");
        qputenv("AUTO_TITLES", "false"); // the provider hears of replies only
        auto client = run({});
        qunsetenv("AUTO_TITLES");
        qunsetenv("OPENAI_BASE_URL");
        qunsetenv("OPENAI_API_KEY");
        qunsetenv("ATTACHMENT_MAX_BYTES");
        QCOMPARE(client->state(), ChatClient::State::Ready);
        QCOMPARE(client->attachmentMaxBytes(), qint64(4096));

        auto stored = ask<AttachmentInfo>([&](auto r) {
            client->uploadAttachment(this, QStringLiteral("dot.png"), QStringLiteral("image/png"), kPng, r);
        });
        QVERIFY2(stored.ok(), qPrintable(stored.error.detail));
        QVERIFY(!stored.value.id.isEmpty());
        QCOMPARE(stored.value.name, QStringLiteral("dot.png"));
        QCOMPARE(stored.value.mimeType, QStringLiteral("image/png"));
        QCOMPARE(stored.value.size, qint64(kPng.size()));
        QVERIFY(stored.value.isImage());
        auto bytes = ask<QByteArray>([&](auto r) { client->attachmentBytes(this, stored.value.id, r); });
        QVERIFY(bytes.ok());
        QCOMPARE(bytes.value, kPng);
        auto unknown = ask<QByteArray>([&](auto r) {
            client->attachmentBytes(this, QStringLiteral("6f1c1d2e-0000-4000-8000-000000000000"), r);
        });
        QCOMPARE(unknown.error.reason, Failure::NotFound);

        auto large = ask<AttachmentInfo>([&](auto r) {
            client->uploadAttachment(this, QStringLiteral("big.txt"), QStringLiteral("text/plain"), QByteArray(5000, 'a'), r);
        });
        QCOMPARE(large.error.reason, Failure::TooLarge);
        auto binary = ask<AttachmentInfo>([&](auto r) {
            client->uploadAttachment(this, QStringLiteral("blob.bin"), QStringLiteral("application/octet-stream"),
                                     QByteArray("\x00\x01\x02\xff\xfe\x00" "binary", 12), r);
        });
        QCOMPARE(binary.error.reason, Failure::UnsupportedType);

        auto chat = ask<ChatInfo>([&](auto reply) { client->freshChat(this, reply); });
        QVERIFY(chat.ok());
        QList<TurnEvent> events;
        connect(client.get(), &ChatClient::turnEvent, this, [&events](const TurnEvent &e) { events << e; });
        const auto ended = [&events](const QString &id) {
            for (const TurnEvent &e : std::as_const(events))
                if (e.messageId == id && e.isTerminal())
                    return &e;
            return static_cast<const TurnEvent *>(nullptr);
        };
        TurnRequest send;
        send.chatId = chat.value.id;
        send.text = QStringLiteral("What is in this picture?");
        send.attachments = {stored.value.id};
        send.provider = QStringLiteral("openai");
        send.model = QStringLiteral("gpt-4o");
        auto reply = ask<QString>([&](auto r) { client->startTurn(this, send, r); });
        QVERIFY2(reply.ok(), qPrintable(reply.error.detail));
        QVERIFY(QTest::qWaitFor([&] { return ended(reply.value) != nullptr; }, 15000));
        QCOMPARE(ended(reply.value)->type, TurnEvent::Type::Completed);
        QVERIFY(fake.lastRequestBody().contains(QLatin1String("\"image_url\"")));
        QVERIFY(fake.lastRequestBody().contains(QLatin1String("data:image/png;base64,") + QLatin1String(kPng.toBase64())));

        auto page = ask<ChatPage>([&](auto r) { client->chatPage(this, chat.value.id, 0, r); });
        QVERIFY(page.ok());
        QCOMPARE(page.value.path.size(), 2);
        QCOMPARE(page.value.path.at(0).attachments, QList<AttachmentInfo>{stored.value});
        QVERIFY(page.value.path.at(1).attachments.isEmpty());

        // The catalogue says which models take images (older ones too); one that takes none is refused.
        const auto gpt4o = client->catalogueModel(QStringLiteral("openai"), QStringLiteral("gpt-4o"));
        const auto gpt35 = client->catalogueModel(QStringLiteral("openai"), QStringLiteral("gpt-3.5-turbo"));
        QVERIFY(gpt4o && gpt35);
        QCOMPARE(gpt4o->takesImages, std::optional<bool>(true));
        QCOMPARE(gpt35->takesImages, std::optional<bool>(false));
        QCOMPARE(gpt35->contextTokens, 16385);
        QVERIFY(!client->catalogueModel(QStringLiteral("openai"), QStringLiteral("no-such-model")));
        const int requestsBefore = fake.requestCount();
        send.model = QStringLiteral("gpt-3.5-turbo");
        send.parentId = page.value.path.at(1).id;
        auto refused = ask<QString>([&](auto r) { client->startTurn(this, send, r); });
        if (refused.ok()) { // the refusal may come as the reply's failure
            QVERIFY(QTest::qWaitFor([&] { return ended(refused.value) != nullptr; }, 15000));
            QCOMPARE(ended(refused.value)->errorReason, Failure::NoVision);
        } else {
            QCOMPARE(refused.error.reason, Failure::NoVision);
        }
        QCOMPARE(fake.requestCount(), requestsBefore);
    }
};

QTEST_GUILESS_MAIN(TestLocalChatClient)
#include "tst_localchatclient.moc"
