// The desktop's own chats through its client, across a restart: what one run
// of the app stores (a chat's model and options, a key) is what the next run,
// with the same profile, finds; and saving a key leaves the chat's model alone.
// Export and import: a ChatGPT file is imported once (then skipped), off the
// backend thread, with progress; a chat exported and imported again is the
// same chat; a malformed file stores nothing; all chats export to one file.
#include "../qml/fakeprovidercontrol.h"
#include "localchatclient.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
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
using teehee::client::ExportFormat;
using teehee::client::Failure;
using teehee::client::ImportResult;
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

namespace {

const QString kChatGptFile = QStringLiteral(TEEHEE_TRANSFER_DATA_DIR "/chatgpt-conversations.json");

// A chat document with its ids replaced by their order of first appearance:
// two imports of one chat read the same, ids aside.
QString withoutIds(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QString text = QString::fromUtf8(f.readAll());
    static const QRegularExpression uuid(QStringLiteral("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
    QStringList seen;
    QString out;
    qsizetype from = 0;
    for (auto it = uuid.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (!seen.contains(m.captured()))
            seen << m.captured();
        out += text.mid(from, m.capturedStart() - from) + QStringLiteral("id%1").arg(seen.indexOf(m.captured()));
        from = m.capturedEnd();
    }
    return out + text.mid(from);
}

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

    void aChatGptFileIsImportedOnceWithProgress()
    {
        auto client = run({});
        QCOMPARE(client->state(), ChatClient::State::Ready);
        QSignalSpy created(client.get(), &ChatClient::chatCreated);
        QList<QPair<qint64, qint64>> progress;
        auto first = ask<ImportResult>([&](auto reply) {
            client->importFile(this, kChatGptFile, [&](qint64 d, qint64 t) { progress << qMakePair(d, t); }, reply);
        });
        QVERIFY2(first.ok(), qPrintable(first.error.detail));
        QCOMPARE(first.value.imported, 2);
        QCOMPARE(first.value.skipped, 0);
        QCOMPARE(first.value.chatIds.size(), 2);
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.constLast(), qMakePair(qint64(2), qint64(2)));
        // The views hear of the new chats before the answer comes.
        QCOMPARE(created.size(), 2);
        auto chats = ask<QList<ChatInfo>>([&](auto reply) { client->listChats(this, reply); });
        QStringList names;
        for (const ChatInfo &c : chats.value)
            if (first.value.chatIds.contains(c.id))
                names << c.name;
        names.sort();
        QCOMPARE(names, QStringList({QStringLiteral("Greeting"), QStringLiteral("Reversing a list")}));

        auto again = ask<ImportResult>([&](auto reply) { client->importFile(this, kChatGptFile, {}, reply); });
        QVERIFY2(again.ok(), qPrintable(again.error.detail));
        QCOMPARE(again.value.imported, 0);
        QCOMPARE(again.value.skipped, 2);
    }

    void aChatExportedAndImportedAgainIsTheSameChat()
    {
        auto client = run({});
        QCOMPARE(client->state(), ChatClient::State::Ready);
        auto chats = ask<QList<ChatInfo>>([&](auto reply) { client->listChats(this, reply); });
        QString original;
        for (const ChatInfo &c : chats.value)
            if (c.name == u"Reversing a list")
                original = c.id;
        QVERIFY2(!original.isEmpty(), "the ChatGPT import comes first");
        const QString first = m_home.filePath(QStringLiteral("first.json"));
        QVERIFY(done([&](auto d) { client->exportChat(this, original, ExportFormat::Json, first, d); }).ok());

        auto imported = ask<ImportResult>([&](auto reply) { client->importFile(this, first, {}, reply); });
        QVERIFY2(imported.ok(), qPrintable(imported.error.detail));
        QCOMPARE(imported.value.imported, 1);
        const QString copy = imported.value.chatIds.value(0);
        QVERIFY(copy != original);
        const QString second = m_home.filePath(QStringLiteral("second.json"));
        QVERIFY(done([&](auto d) { client->exportChat(this, copy, ExportFormat::Json, second, d); }).ok());
        // Every message of every branch, the active path, texts, times and settings: all alike.
        const QString a = withoutIds(first), b = withoutIds(second);
        QVERIFY(a.contains(QStringLiteral("teehee.chat.v1")));
        QCOMPARE(b, a);
        auto pageA = ask<ChatPage>([&](auto reply) { client->chatPage(this, original, 0, reply); });
        auto pageB = ask<ChatPage>([&](auto reply) { client->chatPage(this, copy, 0, reply); });
        QVERIFY(pageA.value.path.size() >= 2);
        QCOMPARE(pageB.value.path.size(), pageA.value.path.size());
        for (int i = 0; i < pageA.value.path.size(); ++i) {
            QCOMPARE(pageB.value.path.at(i).text, pageA.value.path.at(i).text);
            QCOMPARE(pageB.value.path.at(i).siblingCount, pageA.value.path.at(i).siblingCount);
        }

        // Markdown: the active path as headings and texts.
        const QString md = m_home.filePath(QStringLiteral("chat.md"));
        QVERIFY(done([&](auto d) { client->exportChat(this, original, ExportFormat::Markdown, md, d); }).ok());
        QFile mdFile(md);
        QVERIFY(mdFile.open(QIODevice::ReadOnly));
        const QString markdown = QString::fromUtf8(mdFile.readAll());
        QVERIFY(markdown.contains(QStringLiteral("Reversing a list")));
        QVERIFY(markdown.contains(pageA.value.path.constLast().text));
    }

    void aMalformedOrMissingFileStoresNothing()
    {
        auto client = run({});
        QCOMPARE(client->state(), ChatClient::State::Ready);
        const int before = ask<QList<ChatInfo>>([&](auto reply) { client->listChats(this, reply); }).value.size();
        // The first chat is fine; the second one is not: neither is stored.
        const QString bad = m_home.filePath(QStringLiteral("bad.json"));
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"format\":\"teehee.export.v1\",\"chats\":[{\"format\":\"teehee.chat.v1\",\"chat\":{\"id\":\"c1\",\"name\":\"Fine\"},"
                   "\"messages\":[],\"current_path\":[]},{\"format\":\"teehee.chat.v1\",\"chat\":{\"id\":\"c2\",\"name\":\"Broken\"},"
                   "\"messages\":[{\"id\":\"m1\",\"role\":\"wizard\",\"content\":{\"text\":\"hi\"}}]}]}");
        file.close();
        auto refused = ask<ImportResult>([&](auto reply) { client->importFile(this, bad, {}, reply); });
        QCOMPARE(refused.error.reason, Failure::Invalid);
        QVERIFY2(refused.error.detail.contains(QStringLiteral("chats[1]")), qPrintable(refused.error.detail));
        auto missing = ask<ImportResult>([&](auto reply) {
            client->importFile(this, m_home.filePath(QStringLiteral("nowhere.json")), {}, reply);
        });
        QCOMPARE(missing.error.reason, Failure::FileAccess);
        QCOMPARE(ask<QList<ChatInfo>>([&](auto reply) { client->listChats(this, reply); }).value.size(), before);
    }

    void everyChatIsExportedToOneFile()
    {
        auto client = run({});
        QCOMPARE(client->state(), ChatClient::State::Ready);
        const auto chats = ask<QList<ChatInfo>>([&](auto reply) { client->listChats(this, reply); }).value;
        QVERIFY(chats.size() >= 3);
        const QString all = m_home.filePath(QStringLiteral("all.json"));
        QList<QPair<qint64, qint64>> progress;
        QVERIFY(done([&](auto d) {
            client->exportAll(this, all, [&](qint64 w, qint64 t) { progress << qMakePair(w, t); }, d);
        }).ok());
        QFile file(all);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject doc = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(doc.value(u"format").toString(), QStringLiteral("teehee.export.v1"));
        QCOMPARE(doc.value(u"chats").toArray().size(), chats.size());
        QCOMPARE(progress.constLast(), qMakePair(qint64(chats.size()), qint64(chats.size())));
        QVERIFY(progress.size() >= chats.size()); // one step a chat

        // A folder that does not exist: a typed failure, and no file.
        const QString nowhere = m_home.filePath(QStringLiteral("missing/dir/all.json"));
        QCOMPARE(done([&](auto d) { client->exportAll(this, nowhere, {}, d); }).reason, Failure::FileAccess);
        QVERIFY(!QFile::exists(nowhere));
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
