// ServerAccounts against a sharing desktop on loopback: an account made with
// a password on the share is signed in (a wrong password refused), kept
// across runs with its token outside the settings, replaces its provider key
// in one step, and is left again for this computer, which signs it out.
#include "desktoptestenv.h"
#include "localchatclient.h"
#include "remotechatclient.h"
#include "serveraccounts.h"
#include "serverlink.h"
#include "sharingclient.h"
#include "sharingdesk.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace teehee::client;
using teehee::test::waitDone;
using teehee::test::waitReply;

class TestServerAccounts : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;
    std::unique_ptr<LocalChatClient> m_desk;
    SharingClient *m_sharing = nullptr;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        teehee::test::useDesktopTestEnvironment(m_home, QStringLiteral("TeeheeServerAccountsTest"));
        m_desk = std::make_unique<LocalChatClient>(QString());
        m_sharing = m_desk->sharing();
        const QString notSharing = teehee::test::startSharing(*m_desk);
        QVERIFY2(notSharing.isEmpty(), qPrintable(notSharing));
    }

    void anAccountSignedInWithAPasswordIsKeptAndLeftAgain()
    {
        // Someone else's account on the share, made with a password.
        const QString server = QStringLiteral("https://127.0.0.1:%1").arg(m_sharing->port());
        teehee::client::ServerLink link{QUrl(server)};
        link.setPinnedFingerprint(m_sharing->fingerprint().remove(u':').toLower());
        const auto made = waitReply<QJsonDocument>([&](auto r) {
            link.send("POST", QStringLiteral("/auth/signup"),
                      QJsonDocument(QJsonObject{{QStringLiteral("email"), QStringLiteral("kim@example.com")},
                                                {QStringLiteral("password"), QStringLiteral("kim's long password")}}),
                      this, r);
        });
        QVERIFY2(made.ok(), qPrintable(made.error.detail));

        QTemporaryDir data;
        std::optional<ServerAccounts> accounts(std::in_place, data.path());
        QVERIFY(!accounts->remote());
        QSignalSpy switched(&*accounts, &ServerAccounts::switchRequested);
        accounts->check(QStringLiteral("127.0.0.1:%1").arg(m_sharing->port()));
        QTRY_VERIFY_WITH_TIMEOUT(accounts->step() == AccountClient::Step::ConfirmCertificate, 15000);
        accounts->confirmCertificate();
        QTRY_VERIFY_WITH_TIMEOUT(accounts->step() == AccountClient::Step::Reachable, 15000);
        accounts->signIn(QStringLiteral("kim@example.com"), QStringLiteral("a wrong password"));
        QTRY_VERIFY_WITH_TIMEOUT(accounts->step() == AccountClient::Step::Failed, 15000);
        QCOMPARE(accounts->error().reason, Failure::Unauthorized);
        accounts->signIn(QStringLiteral("kim@example.com"), QStringLiteral("kim's long password"));
        QVERIFY(switched.wait(15000));
        QVERIFY(accounts->remote());
        QCOMPARE(accounts->serverUrl(), server);

        // Kept across runs: the server and pin in the settings, the token
        // apart from them (no keychain here: the data directory's secrets file).
        accounts.emplace(data.path());
        QVERIFY(accounts->remote());
        std::optional<std::optional<RemoteChatClient::Account>> restored;
        accounts->restore([&](std::optional<RemoteChatClient::Account> a) { restored = a; });
        QTRY_VERIFY_WITH_TIMEOUT(restored.has_value(), 10000);
        QVERIFY(restored->has_value());
        const RemoteChatClient::Account kept = **restored;
        QVERIFY(!kept.token.isEmpty());
        QSettings().sync();
        QDirIterator files(m_home.filePath(QStringLiteral("settings")), QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile f(files.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains(kept.token), qPrintable(f.fileName()));
        }
        RemoteChatClient kim(kept);
        kim.start();
        QTRY_VERIFY_WITH_TIMEOUT(kim.state() == ChatClient::State::Ready, 15000);
        // Someone else's account: the desk's chats are not theirs.
        const auto theirs = waitReply<QList<ChatInfo>>([&](auto r) { kim.listChats(this, r); });
        QVERIFY(theirs.ok());
        QVERIFY(theirs.value.isEmpty());

        // A key is replaced in one step: a refused one leaves the old in place.
        const auto keys = [&] { return waitReply<QList<KeyInfo>>([&](auto r) { kim.listKeys(this, r); }).value; };
        QVERIFY(waitDone([&](auto d) { kim.saveKey(this, QStringLiteral("openai"), QStringLiteral("sk-first-key-1111"), d); }).ok());
        QCOMPARE(keys().size(), 1);
        const QString firstHint = keys().first().hint;
        QVERIFY(!waitDone([&](auto d) { kim.saveKey(this, QStringLiteral("openai"), QStringLiteral("sk-bad\x01key"), d); }).ok());
        QCOMPARE(keys().size(), 1);
        QCOMPARE(keys().first().hint, firstHint);
        QVERIFY(waitDone([&](auto d) { kim.saveKey(this, QStringLiteral("openai"), QStringLiteral("sk-second-key-2222"), d); }).ok());
        QCOMPARE(keys().size(), 1);
        QVERIFY(keys().first().hint != firstHint);

        // Back to this computer: the server forgets the device, the token goes.
        accounts->setCurrent(&kim);
        QSignalSpy back(&*accounts, &ServerAccounts::switchRequested);
        accounts->useThisComputer();
        QVERIFY(!back.isEmpty() || back.wait(10000));
        QVERIFY(!accounts->remote());
        QTRY_VERIFY_WITH_TIMEOUT(waitReply<QList<ChatInfo>>([&](auto r) { kim.listChats(this, r); }).error.reason
                                     == Failure::Unauthorized, 10000);
        std::optional<std::optional<RemoteChatClient::Account>> none;
        accounts->restore([&](std::optional<RemoteChatClient::Account> a) { none = a; });
        QTRY_VERIFY_WITH_TIMEOUT(none.has_value(), 10000);
        QVERIFY(!none->has_value());
    }

    void cleanupTestCase() { m_desk.reset(); }
};

QTEST_MAIN(TestServerAccounts)
#include "tst_serveraccounts.moc"
