// What the owner of a sharing desktop decides for the other people on it,
// through the desktop's client: which of the owner's provider keys they may
// use (never seeing them), and the accounts made for them; and the replies
// the owner's other devices are streaming, live.
#include "fakeproviderserver.h"
#include "desktoptestenv.h"
#include "localchatclient.h"
#include "pinnedhttps.h"
#include "sharingclient.h"
#include "sharingdesk.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <QWebSocket>

#include <memory>
#include <optional>

using teehee::client::ChatClient;
using teehee::client::ClientError;
using teehee::client::KeyShare;
using teehee::client::LocalChatClient;
using teehee::client::SharingClient;
using teehee::test::FakeProviderServer;
using teehee::test::FakeResponse;

namespace {
const QString kOwnerKey = QStringLiteral("sk-owner-SECRET-key-0000wxyz");
}

class TestSharingAccounts : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;
    FakeProviderServer m_provider;
    std::unique_ptr<LocalChatClient> m_client;
    SharingClient *m_sharing = nullptr;

    QString fingerprintHex() const { return m_sharing->fingerprint().remove(u':').toLower(); }
    quint16 port() const { return m_sharing->port(); }

    ClientError done(const std::function<void(SharingClient::Done)> &call) { return teehee::test::waitDone(call); }

    std::optional<KeyShare> keyShare(const QString &provider) const
    {
        for (const KeyShare &k : m_sharing->keyShares()) {
            if (k.provider == provider)
                return k;
        }
        return std::nullopt;
    }

    // Signs up on the share (as anyone on the network may) and answers the token.
    QByteArray signUpOnTheShare(const QString &email)
    {
        PinnedHttps guest(port(), fingerprintHex());
        const PinnedAnswer signedUp = guest.request("POST", QStringLiteral("/auth/signup"), {},
            QJsonObject{{QStringLiteral("email"), email}, {QStringLiteral("password"), QStringLiteral("a long enough password")}});
        return signedUp.status == 201 ? signedUp.object().value(QStringLiteral("access_token")).toString().toLatin1() : QByteArray();
    }

    // A new device of the owner's account, paired as a phone does; its token.
    QByteArray pair(const QString &name)
    {
        if (!QTest::qWaitFor([&] { return !m_sharing->pairingUrl().isEmpty(); }, 10000))
            return {};
        const QString code = QUrlQuery(QUrl(m_sharing->pairingUrl()).fragment()).queryItemValue(QStringLiteral("pair"));
        PinnedHttps phone(port(), fingerprintHex());
        const PinnedAnswer redeemed = phone.request("POST", QStringLiteral("/pair"), {},
            {{QStringLiteral("code"), code}, {QStringLiteral("device_name"), name}});
        const QString pairingId = redeemed.object().value(QStringLiteral("pairing_id")).toString();
        if (!QTest::qWaitFor([&] { return !m_sharing->pendingRequests().isEmpty(); }, 10000))
            return {};
        if (!done([&](auto d) { m_sharing->approve(this, pairingId, d); }).ok())
            return {};
        return phone.request("GET", QStringLiteral("/pair/") + pairingId).object()
            .value(QStringLiteral("access_token")).toString().toLatin1();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        teehee::test::useDesktopTestEnvironment(m_home, QStringLiteral("TeeheeSharingAccountsTest"));
        QVERIFY(m_provider.listen());
        qputenv("OPENAI_BASE_URL", m_provider.baseUrl(QStringLiteral("/v1")).toUtf8());
        qputenv("AUTO_TITLES", "false");
        qputenv("OPENAI_API_KEY", "sk-server-key-for-the-fake-provider");

        m_client = std::make_unique<LocalChatClient>(QString());
        m_sharing = m_client->sharing();
        QVERIFY(m_sharing);
        const QString notSharing = teehee::test::startSharing(*m_client);
        QVERIFY2(notSharing.isEmpty(), qPrintable(notSharing));
    }

    void theOwnerChoosesPerProviderWhetherOthersUseTheKey()
    {
        QVERIFY(m_sharing->keyShares().isEmpty()); // no key yet, nothing to share
        QSignalSpy changed(m_sharing, &SharingClient::keySharesChanged);
        std::optional<ClientError> saved;
        m_client->saveKey(this, QStringLiteral("openai"), kOwnerKey, [&saved](const ClientError &e) { saved = e; });
        QTRY_VERIFY_WITH_TIMEOUT(saved.has_value(), 10000);
        QVERIFY2(saved->ok(), qPrintable(saved->detail));
        QTRY_VERIFY_WITH_TIMEOUT(keyShare(QStringLiteral("openai")).has_value(), 10000);
        QVERIFY(changed.count() >= 1);
        QCOMPARE(keyShare(QStringLiteral("openai"))->displayName, QStringLiteral("OpenAI"));
        QVERIFY(!keyShare(QStringLiteral("openai"))->shared); // default: no
        QCOMPARE(m_sharing->keyShares().size(), 1); // only providers with a key

        const ClientError shared = done([&](auto d) { m_sharing->setKeyShared(this, QStringLiteral("openai"), true, d); });
        QVERIFY2(shared.ok(), qPrintable(shared.detail));
        QTRY_VERIFY_WITH_TIMEOUT(keyShare(QStringLiteral("openai"))->shared, 10000);

        // Another account on the share lists no keys: not the owner's, nor its hint.
        const QByteArray token = signUpOnTheShare(QStringLiteral("neighbour@example.com"));
        QVERIFY(!token.isEmpty());
        PinnedHttps guest(port(), fingerprintHex());
        const PinnedAnswer keys = guest.request("GET", QStringLiteral("/user/keys"), token);
        QCOMPARE(keys.status, 200);
        QCOMPARE(QJsonDocument::fromJson(keys.body).array().size(), 0);
        QVERIFY(!keys.body.contains("wxyz"));

        // A custom endpoint is never shared.
        const ClientError custom = done([&](auto d) { m_sharing->setKeyShared(this, QStringLiteral("custom"), true, d); });
        QVERIFY(!custom.ok());

        const ClientError unshared = done([&](auto d) { m_sharing->setKeyShared(this, QStringLiteral("openai"), false, d); });
        QVERIFY2(unshared.ok(), qPrintable(unshared.detail));
        QTRY_VERIFY_WITH_TIMEOUT(!keyShare(QStringLiteral("openai"))->shared, 10000);
    }

    void theOwnerMakesAnAccountForSomeoneAndRemovesIt()
    {
        QVERIFY(m_sharing->accounts().isEmpty());
        QSignalSpy changed(m_sharing, &SharingClient::accountsChanged);
        const ClientError made = done([&](auto d) { m_sharing->createAccount(this, QStringLiteral("Sam"), QStringLiteral("sam's password"), d); });
        QVERIFY2(made.ok(), qPrintable(made.detail));
        QTRY_COMPARE_WITH_TIMEOUT(m_sharing->accounts().size(), 1, 10000);
        QVERIFY(changed.count() >= 1);
        const auto account = m_sharing->accounts().constFirst();
        QCOMPARE(account.name, QStringLiteral("Sam"));
        QVERIFY(account.createdAt.isValid());

        // The same name again, or a short password: refused, in the client's terms.
        const ClientError again = done([&](auto d) { m_sharing->createAccount(this, QStringLiteral("sam"), QStringLiteral("another password"), d); });
        QVERIFY(!again.ok());
        const ClientError weak = done([&](auto d) { m_sharing->createAccount(this, QStringLiteral("Kim"), QStringLiteral("short"), d); });
        QVERIFY(!weak.ok());
        QCOMPARE(m_sharing->accounts().size(), 1);

        // Sam signs in on the share by name and keeps a socket open.
        PinnedHttps phone(port(), fingerprintHex());
        const PinnedAnswer signedIn = phone.request("POST", QStringLiteral("/auth/signin"), {},
            QJsonObject{{QStringLiteral("email"), QStringLiteral("sam")}, {QStringLiteral("password"), QStringLiteral("sam's password")}});
        QCOMPARE(signedIn.status, 200);
        const QByteArray token = signedIn.object().value(QStringLiteral("access_token")).toString().toLatin1();
        QWebSocket events;
        pin(events, fingerprintHex());
        QSignalSpy connected(&events, &QWebSocket::connected);
        events.open(QUrl(QStringLiteral("wss://127.0.0.1:%1/events?token=%2").arg(port()).arg(QString::fromUtf8(token))));
        QVERIFY(connected.wait(10000));
        QTest::qWait(200); // past the socket's sign-in check
        QCOMPARE(events.state(), QAbstractSocket::ConnectedState);

        const ClientError removed = done([&](auto d) { m_sharing->removeAccount(this, account.id, d); });
        QVERIFY2(removed.ok(), qPrintable(removed.detail));
        QTRY_VERIFY_WITH_TIMEOUT(m_sharing->accounts().isEmpty(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(events.state(), QAbstractSocket::UnconnectedState, 5000);
        QCOMPARE(events.closeCode(), QWebSocketProtocol::CloseCode(4001));
        PinnedHttps later(port(), fingerprintHex());
        QCOMPARE(later.request("GET", QStringLiteral("/devices"), token).status, 401);
        const ClientError twice = done([&](auto d) { m_sharing->removeAccount(this, account.id, d); });
        QVERIFY(!twice.ok());
    }

    void theRepliesOtherDevicesStreamShowLive()
    {
        QVERIFY(m_sharing->remoteStreams().isEmpty());
        const QByteArray token = pair(QStringLiteral("Kitchen tablet"));
        QVERIFY(!token.isEmpty());
        PinnedHttps tablet(port(), fingerprintHex());
        const PinnedAnswer chat = tablet.request("POST", QStringLiteral("/chats"), token,
                                                 {{QStringLiteral("name"), QStringLiteral("Soup recipes")}});
        QCOMPARE(chat.status, 201);
        const QString chatId = chat.object().value(QStringLiteral("id")).toString();

        // The provider sends a first piece, then keeps the reply open.
        m_provider.enqueue(FakeResponse::sse().send(teehee::test::wire::openAiChunk("Leek")).hang());
        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
        QSignalSpy changed(m_sharing, &SharingClient::remoteStreamsChanged);
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
            {QStringLiteral("content"), QStringLiteral("A leek soup?")}, {QStringLiteral("provider"), QStringLiteral("openai")},
            {QStringLiteral("model"), QStringLiteral("gpt-4o-mini")}})
            .toJson(QJsonDocument::Compact);
        // Sent by hand: the answer comes only when the reply ends.
        tablet.socket().write("POST /chats/" + chatId.toUtf8() + "/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                              + token + "\r\nContent-Type: application/json\r\nContent-Length: "
                              + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QTRY_COMPARE_WITH_TIMEOUT(m_sharing->remoteStreams().size(), 1, 10000);
        QVERIFY(changed.count() >= 1);
        const auto stream = m_sharing->remoteStreams().constFirst();
        QCOMPARE(stream.chatId, chatId);
        QCOMPARE(stream.chatName, QStringLiteral("Soup recipes"));
        QCOMPARE(stream.deviceName, QStringLiteral("Kitchen tablet"));
        QVERIFY(!stream.deviceId.isEmpty());
        QVERIFY(!stream.messageId.isEmpty());
        QVERIFY(stream.startedAt >= before && stream.startedAt <= QDateTime::currentDateTimeUtc());

        // Stopped from the desktop window: gone from the list.
        m_client->stopTurn(chatId);
        QTRY_VERIFY_WITH_TIMEOUT(m_sharing->remoteStreams().isEmpty(), 10000);
    }

    void cleanupTestCase()
    {
        m_client.reset();
    }
};

QTEST_GUILESS_MAIN(TestSharingAccounts)
#include "tst_sharingaccounts.moc"
