// Attachments in remote mode, over real sockets on loopback: a desktop
// shares its chats, a second one pairs and, through its RemoteChatClient,
// uploads files (POST /attachments), reads them back, is refused by size
// and type with the same reasons as the in-process client, sends an image
// with a message (the provider gets it in its own format) and sees the
// message list it; an image to a model that takes none is refused.
#include "desktoptestenv.h"
#include "../qml/fakeprovidercontrol.h"
#include "localchatclient.h"
#include "remotechatclient.h"
#include "remotesignin.h"
#include "sharingclient.h"
#include "sharingdesk.h"

#include <QCoreApplication>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace teehee::client;
using teehee::test::waitDone;
using teehee::test::waitReply;

namespace {

// A 1×1 PNG: the server knows an image by these bytes, not by its name.
const QByteArray kPng = QByteArray::fromBase64(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

} // namespace

class TestRemoteAttachments : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;
    FakeProviderControl m_fake;
    std::unique_ptr<LocalChatClient> m_desk;
    std::unique_ptr<RemoteChatClient> m_remote;
    QList<TurnEvent> m_events;
    AttachmentInfo m_stored;

    const TurnEvent *ended(const QString &messageId) const
    {
        for (const TurnEvent &e : m_events)
            if (e.messageId == messageId && e.isTerminal())
                return &e;
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        QVERIFY(m_fake.listen());
        for (const char *name : {"DATABASE_URL", "ANTHROPIC_API_KEY", "MISTRAL_API_KEY"})
            qunsetenv(name);
        qputenv("OPENAI_BASE_URL", m_fake.baseUrl().toUtf8());
        qputenv("OPENAI_API_KEY", "sk-test-remote-0123456789");
        qputenv("AUTO_TITLES", "false");
        qputenv("ATTACHMENT_MAX_BYTES", "4096");
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        qputenv("TEEHEE_DATA_DIR", m_home.filePath(QStringLiteral("data")).toUtf8());
        qputenv("SECRET_KEY", QByteArray(48, 's'));
        qputenv("ENCRYPTION_KEY", QByteArray(48, 'e'));
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent");
        QCoreApplication::setOrganizationName(QStringLiteral("TeeheeRemoteAttachmentsTest"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_home.filePath(QStringLiteral("settings")));

        m_desk = std::make_unique<LocalChatClient>(QString());
        const QString notSharing = teehee::test::startSharing(*m_desk);
        QVERIFY2(notSharing.isEmpty(), qPrintable(notSharing));
        SharingClient *sharing = m_desk->sharing();

        // Pairing through the API, approved on the sharing desktop.
        QUrl url(sharing->pairingUrl());
        url.setHost(QStringLiteral("127.0.0.1"));
        RemoteSignIn signIn;
        signIn.check(url.toString());
        QTRY_VERIFY_WITH_TIMEOUT(signIn.step() == RemoteSignIn::Step::Reachable, 15000);
        signIn.pair(signIn.codeFromUrl(), QStringLiteral("Laptop"));
        QTRY_VERIFY_WITH_TIMEOUT(!sharing->pendingRequests().isEmpty(), 15000);
        std::optional<ClientError> approved;
        sharing->approve(this, sharing->pendingRequests().constFirst().pairingId,
                         [&approved](const ClientError &e) { approved = e; });
        QTRY_VERIFY_WITH_TIMEOUT(approved.has_value(), 15000);
        QVERIFY(approved->ok());
        QTRY_VERIFY_WITH_TIMEOUT(signIn.step() == RemoteSignIn::Step::Done, 15000);

        m_remote = std::make_unique<RemoteChatClient>(signIn.account());
        connect(m_remote.get(), &ChatClient::turnEvent, this, [this](const TurnEvent &e) { m_events << e; });
        m_remote->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_remote->state() != ChatClient::State::Starting, 15000);
        QVERIFY2(m_remote->state() == ChatClient::State::Ready, qPrintable(m_remote->statusText()));
    }

    void anUploadIsStoredAndReadBack()
    {
        auto stored = waitReply<AttachmentInfo>([&](auto r) {
            m_remote->uploadAttachment(this, QStringLiteral("ünïcode dot.png"), QStringLiteral("image/png"), kPng, r);
        });
        QVERIFY2(stored.ok(), qPrintable(stored.error.detail));
        QVERIFY(!stored.value.id.isEmpty());
        QCOMPARE(stored.value.name, QStringLiteral("ünïcode dot.png"));
        QCOMPARE(stored.value.mimeType, QStringLiteral("image/png"));
        QCOMPARE(stored.value.size, qint64(kPng.size()));
        m_stored = stored.value;

        auto bytes = waitReply<QByteArray>([&](auto r) { m_remote->attachmentBytes(this, m_stored.id, r); });
        QVERIFY2(bytes.ok(), qPrintable(bytes.error.detail));
        QCOMPARE(bytes.value, kPng);
        // The same file through the sharing desktop's own client.
        auto local = waitReply<QByteArray>([&](auto r) { m_desk->attachmentBytes(this, m_stored.id, r); });
        QCOMPARE(local.value, kPng);
        auto unknown = waitReply<QByteArray>([&](auto r) {
            m_remote->attachmentBytes(this, QStringLiteral("6f1c1d2e-0000-4000-8000-000000000000"), r);
        });
        QCOMPARE(unknown.error.reason, Failure::NotFound);
    }

    void refusalsHaveTheirReasons()
    {
        auto large = waitReply<AttachmentInfo>([&](auto r) {
            m_remote->uploadAttachment(this, QStringLiteral("big.txt"), QStringLiteral("text/plain"), QByteArray(5000, 'a'), r);
        });
        QCOMPARE(large.error.reason, Failure::TooLarge);
        auto binary = waitReply<AttachmentInfo>([&](auto r) {
            m_remote->uploadAttachment(this, QStringLiteral("blob.bin"), QStringLiteral("application/octet-stream"),
                                       QByteArray("\x00\x01\x02\xff\xfe\x00" "binary", 12), r);
        });
        QCOMPARE(binary.error.reason, Failure::UnsupportedType);
    }

    void aMessageCarriesItsImageToTheProviderAndListsIt()
    {
        QVERIFY(!m_stored.id.isEmpty());
        auto chat = waitReply<ChatInfo>([&](auto r) { m_remote->freshChat(this, r); });
        QVERIFY2(chat.ok(), qPrintable(chat.error.detail));
        TurnRequest send;
        send.chatId = chat.value.id;
        send.text = QStringLiteral("What is in this picture?");
        send.attachments = {m_stored.id};
        send.provider = QStringLiteral("openai");
        send.model = QStringLiteral("gpt-4o");
        auto reply = waitReply<QString>([&](auto r) { m_remote->startTurn(this, send, r); });
        QVERIFY2(reply.ok(), qPrintable(reply.error.detail));
        QTRY_VERIFY_WITH_TIMEOUT(ended(reply.value) != nullptr, 15000);
        QCOMPARE(ended(reply.value)->type, TurnEvent::Type::Completed);
        QVERIFY(m_fake.lastRequestBody().contains(QLatin1String("data:image/png;base64,") + QLatin1String(kPng.toBase64())));

        auto remote = waitReply<ChatPage>([&](auto r) { m_remote->chatPage(this, chat.value.id, 0, r); });
        auto local = waitReply<ChatPage>([&](auto r) { m_desk->chatPage(this, chat.value.id, 0, r); });
        QVERIFY(remote.ok() && local.ok());
        QCOMPARE(remote.value.path.size(), 2);
        QCOMPARE(remote.value.path.at(0).attachments, QList<AttachmentInfo>{m_stored});
        QCOMPARE(remote.value.path.at(0).attachments, local.value.path.at(0).attachments);

        // What the server's catalogue says of vision reaches the remote client.
        const auto gpt4o = m_remote->catalogueModel(QStringLiteral("openai"), QStringLiteral("gpt-4o"));
        const auto gpt35 = m_remote->catalogueModel(QStringLiteral("openai"), QStringLiteral("gpt-3.5-turbo"));
        QVERIFY(gpt4o && gpt35);
        QCOMPARE(gpt4o->takesImages, std::optional<bool>(true));
        QCOMPARE(gpt35->takesImages, std::optional<bool>(false));
        QCOMPARE(gpt35->contextTokens, m_desk->catalogueModel(QStringLiteral("openai"), QStringLiteral("gpt-3.5-turbo"))->contextTokens);

        // An image to a model that takes none: refused before the provider hears of it.
        const int requestsBefore = m_fake.requestCount();
        send.model = QStringLiteral("gpt-3.5-turbo");
        send.parentId = remote.value.path.at(1).id;
        auto refused = waitReply<QString>([&](auto r) { m_remote->startTurn(this, send, r); });
        if (refused.ok()) {
            QTRY_VERIFY_WITH_TIMEOUT(ended(refused.value) != nullptr, 15000);
            QCOMPARE(ended(refused.value)->errorReason, Failure::NoVision);
        } else {
            QCOMPARE(refused.error.reason, Failure::NoVision);
        }
        QCOMPARE(m_fake.requestCount(), requestsBefore);
    }

    void cleanupTestCase()
    {
        m_remote.reset();
        m_desk.reset();
    }
};

QTEST_MAIN(TestRemoteAttachments)
#include "tst_remoteattachments.moc"
