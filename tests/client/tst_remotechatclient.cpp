// Remote mode over real sockets on loopback: a desktop backend shares its
// chats over TLS, a second desktop pairs with it through the API (code,
// verification, approval on the first) and then drives a conversation with
// a branch, an abort and a continue through its RemoteChatClient. What the
// remote client shows ends identical to what the sharing desktop shows; a
// reply survives the network going away mid-stream; a wrong certificate is
// refused; a revoked device is signed out. Password accounts on a share:
// tst_serveraccounts.
#include "desktoptestenv.h"
#include "../qml/fakeprovidercontrol.h"
#include "localchatclient.h"
#include "remotechatclient.h"
#include "remotesignin.h"
#include "sharingclient.h"
#include "sharingdesk.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>
#include <optional>

using namespace teehee::client;
using teehee::test::waitDone;
using teehee::test::waitReply;

namespace {

// What a view shows of a message, every field of it.
QString shown(const MessageInfo &m)
{
    return QStringList{m.id, m.parentId, m.role, m.text, m.reasoning, QString::number(int(m.status)),
                       QString::number(m.isPartial), QString::number(m.deleted), QString::number(m.siblingIndex),
                       QString::number(m.siblingCount), m.provider, m.model, m.error,
                       QString::number(m.tokensIn), QString::number(m.tokensOut),
                       m.createdAt.toUTC().toString(Qt::ISODateWithMs)}.join(u'|');
}

QStringList shown(const ChatPage &page)
{
    QStringList out{page.chat.id + u'|' + page.chat.name + u'|' + page.chat.provider + u'|' + page.chat.model};
    for (const MessageInfo &m : page.path)
        out << shown(m);
    return out;
}

} // namespace

class TestRemoteChatClient : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;
    FakeProviderControl m_fake;
    std::unique_ptr<LocalChatClient> m_desk;
    SharingClient *m_sharing = nullptr;
    std::unique_ptr<RemoteChatClient> m_remote;
    RemoteChatClient::Account m_account;
    QString m_chatId;
    QList<TurnEvent> m_remoteEvents;
    QList<TurnEvent> m_deskEvents;

    // The share's address on loopback, with the invitation's code and fingerprint.
    QString pairingUrlOnLoopback() const
    {
        QUrl url(m_sharing->pairingUrl());
        url.setHost(QStringLiteral("127.0.0.1"));
        return url.toString();
    }

    static const TurnEvent *terminalOf(const QList<TurnEvent> &events, const QString &messageId)
    {
        for (const TurnEvent &e : events)
            if (e.messageId == messageId && e.isTerminal())
                return &e;
        return nullptr;
    }

    // Starts a turn on the remote client; the reply's id once it started.
    QString startRemote(const TurnRequest &request)
    {
        const auto started = waitReply<QString>([&](auto r) { m_remote->startTurn(this, request, r); });
        if (!started.ok())
            qWarning() << "turn refused:" << started.error.detail;
        return started.value;
    }

    bool endsOnBoth(const QString &messageId)
    {
        return QTest::qWaitFor([&] { return terminalOf(m_remoteEvents, messageId) && terminalOf(m_deskEvents, messageId); },
                               20000);
    }

    QString tokensOf(const QString &messageId) const
    {
        QString text;
        for (const TurnEvent &e : m_remoteEvents)
            if (e.messageId == messageId && (e.type == TurnEvent::Type::Token || (e.type == TurnEvent::Type::Started && e.continued)))
                text += e.type == TurnEvent::Type::Token ? e.token : e.content;
        return text;
    }

    void compareViews()
    {
        const auto local = waitReply<ChatPage>([&](auto r) { m_desk->chatPage(this, m_chatId, 0, r); });
        const auto remote = waitReply<ChatPage>([&](auto r) { m_remote->chatPage(this, m_chatId, 0, r); });
        QVERIFY2(local.ok() && remote.ok(), qPrintable(local.error.detail + remote.error.detail));
        QCOMPARE(shown(remote.value), shown(local.value));
        const auto localTail = waitReply<ChatPage>([&](auto r) { m_desk->chatPage(this, m_chatId, 2, r); });
        const auto remoteTail = waitReply<ChatPage>([&](auto r) { m_remote->chatPage(this, m_chatId, 2, r); });
        QCOMPARE(shown(remoteTail.value), shown(localTail.value));
        QCOMPARE(remoteTail.value.complete, localTail.value.complete);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        QVERIFY(m_fake.listen());
        teehee::test::useDesktopTestEnvironment(m_home, QStringLiteral("TeeheeRemoteTest"));
        qputenv("OPENAI_BASE_URL", m_fake.baseUrl().toUtf8());
        qputenv("OPENAI_API_KEY", "sk-test-remote-0123456789");
        qputenv("AUTO_TITLES", "false");

        m_desk = std::make_unique<LocalChatClient>(QString());
        connect(m_desk.get(), &ChatClient::turnEvent, this, [this](const TurnEvent &e) { m_deskEvents << e; });
        m_sharing = m_desk->sharing();
        const QString notSharing = teehee::test::startSharing(*m_desk);
        QVERIFY2(notSharing.isEmpty(), qPrintable(notSharing));
    }

    void aWrongPinnedFingerprintIsRefused()
    {
        // An invitation whose fingerprint is not the server's: someone in between.
        QUrl url(pairingUrlOnLoopback());
        QUrlQuery fragment(url.fragment());
        fragment.removeQueryItem(QStringLiteral("fp"));
        fragment.addQueryItem(QStringLiteral("fp"), QString(64, u'0'));
        url.setFragment(fragment.toString());
        RemoteSignIn signIn;
        signIn.check(url.toString());
        QTRY_VERIFY_WITH_TIMEOUT(signIn.step() == RemoteSignIn::Step::Failed, 15000);
        QCOMPARE(signIn.error().reason, Failure::CertificateRejected);

        // A client whose pin is another certificate's never gets in either.
        RemoteChatClient stranger({QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_sharing->port())),
                                   QByteArray("not-a-token"), QString(64, u'a')});
        stranger.start();
        QTRY_VERIFY_WITH_TIMEOUT(stranger.state() == ChatClient::State::Failed, 15000);
    }

    void anUnknownCertificateIsShownForConfirmationFirst()
    {
        RemoteSignIn signIn;
        signIn.check(QStringLiteral("127.0.0.1:%1").arg(m_sharing->port()));
        QTRY_VERIFY_WITH_TIMEOUT(signIn.step() == RemoteSignIn::Step::ConfirmCertificate, 15000);
        QCOMPARE(signIn.fingerprint(), m_sharing->fingerprint());
        signIn.confirmCertificate();
        QTRY_VERIFY_WITH_TIMEOUT(signIn.step() == RemoteSignIn::Step::Reachable, 15000);
        QCOMPARE(signIn.account().pinnedFingerprint, m_sharing->fingerprint().remove(u':').toLower());
    }

    void pairsThroughTheApiAndTheSharingDesktopApproves()
    {
        RemoteSignIn signIn;
        signIn.check(pairingUrlOnLoopback());
        QTRY_VERIFY_WITH_TIMEOUT(signIn.step() == RemoteSignIn::Step::Reachable, 15000);
        QVERIFY(!signIn.codeFromUrl().isEmpty());
        signIn.pair(signIn.codeFromUrl(), QStringLiteral("Second desktop"));
        QTRY_VERIFY_WITH_TIMEOUT(signIn.step() == RemoteSignIn::Step::WaitingForApproval, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_sharing->pendingRequests().isEmpty(), 15000);
        const auto request = m_sharing->pendingRequests().constFirst();
        QCOMPARE(request.verification, signIn.verification());
        QCOMPARE(request.deviceName, QStringLiteral("Second desktop"));
        QVERIFY(waitDone([&](auto d) { m_sharing->approve(this, request.pairingId, d); }).ok());
        QTRY_VERIFY_WITH_TIMEOUT(signIn.step() == RemoteSignIn::Step::Done, 15000);

        m_account = signIn.account();
        m_remote = std::make_unique<RemoteChatClient>(m_account);
        connect(m_remote.get(), &ChatClient::turnEvent, this, [this](const TurnEvent &e) { m_remoteEvents << e; });
        m_remote->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_remote->state() != ChatClient::State::Starting, 15000);
        QVERIFY2(m_remote->state() == ChatClient::State::Ready, qPrintable(m_remote->statusText()));
        QVERIFY(!m_remote->providers().isEmpty());
        QCOMPARE(m_remote->defaultModel(QStringLiteral("openai")), m_desk->defaultModel(QStringLiteral("openai")));
    }

    void aConversationWithABranchAnAbortAndAContinueLooksTheSameOnBoth()
    {
        QVERIFY(m_remote);
        QSignalSpy created(m_desk.get(), &ChatClient::chatCreated);
        const auto chat = waitReply<ChatInfo>([&](auto r) { m_remote->freshChat(this, r); });
        QVERIFY2(chat.ok(), qPrintable(chat.error.detail));
        m_chatId = chat.value.id;
        QVERIFY(waitDone([&](auto d) { m_remote->setChatModel(this, m_chatId, QStringLiteral("openai"), QStringLiteral("gpt-4o-mini"), d); }).ok());

        // A first exchange, started remotely, streams live on the sharing desktop too.
        m_fake.reply(QStringLiteral("Hello from the desk."), 5);
        const QString first = startRemote({TurnRequest::Kind::Send, m_chatId, QStringLiteral("Hi there")});
        QVERIFY(!first.isEmpty());
        QVERIFY(endsOnBoth(first));
        QCOMPARE(terminalOf(m_remoteEvents, first)->type, TurnEvent::Type::Completed);
        QCOMPARE(terminalOf(m_remoteEvents, first)->content, QStringLiteral("Hello from the desk."));
        QCOMPARE(tokensOf(first), QStringLiteral("Hello from the desk."));
        // The Started event carries the rows it made, as it does in process.
        for (const TurnEvent &e : std::as_const(m_remoteEvents))
            if (e.messageId == first && e.type == TurnEvent::Type::Started)
                QCOMPARE(e.rows.size(), 2);

        // An edited first message: a second branch from the root.
        m_fake.reply(QStringLiteral("A second answer."), 5);
        TurnRequest edit{TurnRequest::Kind::Send, m_chatId, QStringLiteral("Hi again")};
        edit.newRoot = true;
        const QString second = startRemote(edit);
        QVERIFY(endsOnBoth(second));
        compareViews();

        // A long reply, stopped from the remote after its first words.
        m_fake.reply(QStringLiteral("one two three four five six seven eight nine ten eleven twelve"), 150);
        const QString stopped = startRemote({TurnRequest::Kind::Send, m_chatId, QStringLiteral("Count slowly")});
        QVERIFY(QTest::qWaitFor([&] { return !tokensOf(stopped).isEmpty(); }, 15000));
        m_remote->stopTurn(stopped);
        QVERIFY(endsOnBoth(stopped));
        QCOMPARE(terminalOf(m_remoteEvents, stopped)->type, TurnEvent::Type::Aborted);
        QCOMPARE(terminalOf(m_deskEvents, stopped)->type, TurnEvent::Type::Aborted);
        const QString partial = terminalOf(m_remoteEvents, stopped)->content;
        QVERIFY(!partial.isEmpty());
        compareViews();

        // Continued from where it stopped.
        m_fake.reply(QStringLiteral(" and the rest."), 5);
        TurnRequest more{TurnRequest::Kind::Continue, m_chatId};
        more.messageId = stopped;
        QCOMPARE(startRemote(more), stopped);
        m_remoteEvents.removeIf([&](const TurnEvent &e) { return e.messageId == stopped && e.isTerminal(); });
        m_deskEvents.removeIf([&](const TurnEvent &e) { return e.messageId == stopped && e.isTerminal(); });
        QVERIFY(endsOnBoth(stopped));
        const QString continued = terminalOf(m_remoteEvents, stopped)->content;
        QVERIFY2(continued.startsWith(partial.trimmed()) && continued.endsWith(QStringLiteral("and the rest.")),
                 qPrintable(continued));
        QCOMPARE(terminalOf(m_deskEvents, stopped)->content, continued);
        compareViews();

        // Back to the first branch, from the remote; both show it.
        const auto page = waitReply<ChatPage>([&](auto r) { m_remote->chatPage(this, m_chatId, 0, r); });
        QSignalSpy branch(m_remote.get(), &ChatClient::branchChanged);
        QVERIFY(waitDone([&](auto d) { m_remote->switchSibling(this, page.value.path.first().id, -1, d); }).ok());
        QVERIFY(branch.wait(10000) || !branch.isEmpty());
        compareViews();
        const auto switched = waitReply<ChatPage>([&](auto r) { m_remote->chatPage(this, m_chatId, 0, r); });
        QCOMPARE(switched.value.path.first().text, QStringLiteral("Hi there"));

        // Chat lists agree too.
        const auto localChats = waitReply<QList<ChatInfo>>([&](auto r) { m_desk->listChats(this, r); });
        const auto remoteChats = waitReply<QList<ChatInfo>>([&](auto r) { m_remote->listChats(this, r); });
        QCOMPARE(remoteChats.value.size(), localChats.value.size());
        for (qsizetype i = 0; i < localChats.value.size(); ++i)
            QVERIFY(remoteChats.value.at(i) == localChats.value.at(i));
    }

    void aReplyStartedOnTheDeskStreamsOnTheRemote()
    {
        QVERIFY(m_remote);
        m_fake.reply(QStringLiteral("Seen from afar."), 20);
        const auto started = waitReply<QString>([&](auto r) {
            m_desk->startTurn(this, {TurnRequest::Kind::Send, m_chatId, QStringLiteral("From the desk")}, r);
        });
        QVERIFY(started.ok());
        QVERIFY(endsOnBoth(started.value));
        QCOMPARE(terminalOf(m_remoteEvents, started.value)->content, QStringLiteral("Seen from afar."));
        QCOMPARE(tokensOf(started.value), QStringLiteral("Seen from afar."));
        compareViews();
    }

    void aReplyOutlivesTheNetworkGoingAwayAndResumesWithoutLossOrRepeats()
    {
        QVERIFY(m_remote);
        m_fake.reply(QStringLiteral("alpha beta gamma delta epsilon zeta eta theta iota kappa"), 120);
        const QString id = startRemote({TurnRequest::Kind::Send, m_chatId, QStringLiteral("Greek, please")});
        QVERIFY(QTest::qWaitFor([&] { return !tokensOf(id).isEmpty(); }, 15000));

        // The share goes away: every connection drops; the reply goes on.
        m_sharing->setEnabled(false);
        QTRY_VERIFY_WITH_TIMEOUT(m_remote->reconnecting(), 10000);
        QTest::qWait(400);
        m_sharing->setEnabled(true);
        QTRY_VERIFY_WITH_TIMEOUT(m_sharing->sharingState() == SharingClient::State::On, 20000);

        QVERIFY(QTest::qWaitFor([&] { return terminalOf(m_remoteEvents, id) != nullptr; }, 30000));
        const QString full = QStringLiteral("alpha beta gamma delta epsilon zeta eta theta iota kappa");
        QCOMPARE(terminalOf(m_remoteEvents, id)->type, TurnEvent::Type::Completed);
        QCOMPARE(terminalOf(m_remoteEvents, id)->content, full);
        QCOMPARE(tokensOf(id), full); // every token once, none lost
        QTRY_VERIFY_WITH_TIMEOUT(!m_remote->reconnecting(), 15000);
        compareViews();
    }

    void aRevokedDeviceIsSignedOut()
    {
        QVERIFY(m_remote);
        QSignalSpy signedOut(m_remote.get(), &RemoteChatClient::signedOut);
        QTRY_VERIFY_WITH_TIMEOUT(!m_sharing->devices().isEmpty(), 10000);
        QString deviceId;
        for (const auto &d : m_sharing->devices())
            if (d.name == u"Second desktop")
                deviceId = d.id;
        QVERIFY(!deviceId.isEmpty());
        QVERIFY(waitDone([&](auto d) { m_sharing->revokeDevice(this, deviceId, d); }).ok());
        QVERIFY(!signedOut.isEmpty() || signedOut.wait(10000));
        QCOMPARE(signedOut.size(), 1);
        QCOMPARE(m_remote->state(), ChatClient::State::Failed);
        const auto chats = waitReply<QList<ChatInfo>>([&](auto r) { m_remote->listChats(this, r); });
        QCOMPARE(chats.error.reason, Failure::Unauthorized);
    }

    void cleanupTestCase()
    {
        m_remote.reset();
        m_desk.reset();
    }
};

QTEST_MAIN(TestRemoteChatClient)
#include "tst_remotechatclient.moc"
