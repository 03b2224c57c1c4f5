// Remote mode's export and import, and a changed certificate, against a
// desktop sharing its chats over TLS on loopback: a ChatGPT file imported on
// the desk is exported through the server as JSON and Markdown, imported
// again as an identical chat (then skipped), every chat streams to one file,
// refusals are typed. When the desk starts again with a new certificate, a
// paired client stops with that reason instead of reconnecting for ever.
#include "desktoptestenv.h"
#include "localchatclient.h"
#include "remotechatclient.h"
#include "remotesignin.h"
#include "sharingclient.h"
#include "sharingdesk.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace teehee::client;
using teehee::test::waitDone;
using teehee::test::waitReply;

class TestRemoteTransfer : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;
    std::unique_ptr<LocalChatClient> m_desk;
    SharingClient *m_sharing = nullptr;
    std::unique_ptr<RemoteChatClient> m_remote;
    RemoteChatClient::Account m_account;

    // A device paired through the API (a fresh invitation) and approved on the desk.
    void pairDevice(const QString &name, RemoteChatClient::Account *account)
    {
        QSignalSpy invited(m_sharing, &SharingClient::invitationChanged);
        m_sharing->newInvitation();
        QVERIFY(invited.wait(10000));
        QUrl url(m_sharing->pairingUrl());
        url.setHost(QStringLiteral("127.0.0.1"));
        RemoteSignIn signIn;
        signIn.check(url.toString());
        QTRY_VERIFY_WITH_TIMEOUT(signIn.step() == RemoteSignIn::Step::Reachable, 15000);
        signIn.pair(signIn.codeFromUrl(), name);
        QTRY_VERIFY_WITH_TIMEOUT(!m_sharing->pendingRequests().isEmpty(), 15000);
        const auto request = m_sharing->pendingRequests().constFirst();
        QVERIFY(teehee::test::waitDone([&](auto d) { m_sharing->approve(this, request.pairingId, d); }).ok());
        QTRY_VERIFY_WITH_TIMEOUT(signIn.step() == RemoteSignIn::Step::Done, 15000);
        *account = signIn.account();
    }

    QString pathIn(const QString &name) const { return m_home.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        teehee::test::useDesktopTestEnvironment(m_home, QStringLiteral("TeeheeRemoteTransferTest"));
        m_desk = std::make_unique<LocalChatClient>(QString());
        m_sharing = m_desk->sharing();
        const QString notSharing = teehee::test::startSharing(*m_desk);
        QVERIFY2(notSharing.isEmpty(), qPrintable(notSharing));
        // Chats with branches to carry: ChatGPT's export, imported on the desk.
        const auto imported = waitReply<ImportResult>([&](auto r) {
            m_desk->importFile(this, QStringLiteral(TEEHEE_TRANSFER_DATA_DIR "/chatgpt-conversations.json"), {}, r);
        });
        QVERIFY2(imported.ok(), qPrintable(imported.error.detail));
        QCOMPARE(imported.value.imported, 2);

        pairDevice(QStringLiteral("Second desktop"), &m_account);
        m_remote = std::make_unique<RemoteChatClient>(m_account);
        m_remote->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_remote->state() == ChatClient::State::Ready, 15000);
    }

    void aChatGoesToAFileAndComesBackTheSame()
    {
        const auto chats = waitReply<QList<ChatInfo>>([&](auto r) { m_remote->listChats(this, r); });
        QString chatId;
        for (const ChatInfo &c : chats.value)
            if (c.name == u"Reversing a list")
                chatId = c.id;
        QVERIFY(!chatId.isEmpty());
        const QString one = pathIn(QStringLiteral("chat.json"));
        QVERIFY(teehee::test::waitDone([&](auto d) { m_remote->exportChat(this, chatId, ExportFormat::Json, one, d); }).ok());

        QSignalSpy created(m_remote.get(), &ChatClient::chatCreated);
        QList<qint64> sent;
        const auto imported = waitReply<ImportResult>([&](auto r) {
            m_remote->importFile(this, one, [&](qint64 done, qint64) { sent << done; }, r);
        });
        QVERIFY2(imported.ok(), qPrintable(imported.error.detail));
        QCOMPARE(imported.value.imported, 1);
        QVERIFY(!sent.isEmpty());
        QCOMPARE(sent.constLast(), QFileInfo(one).size());
        const QString copyId = imported.value.chatIds.value(0);
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(created.cbegin(), created.cend(), [&](const QList<QVariant> &args) {
            return args.constFirst().value<ChatInfo>().id == copyId;
        }), 10000);
        const auto original = waitReply<ChatPage>([&](auto r) { m_remote->chatPage(this, chatId, 0, r); });
        const auto copy = waitReply<ChatPage>([&](auto r) { m_desk->chatPage(this, copyId, 0, r); });
        QVERIFY(copy.ok() && original.ok());
        QVERIFY(original.value.path.size() >= 2);
        QCOMPARE(copy.value.chat.name, original.value.chat.name);
        QCOMPARE(copy.value.path.size(), original.value.path.size());
        for (int i = 0; i < original.value.path.size(); ++i) {
            QCOMPARE(copy.value.path.at(i).text, original.value.path.at(i).text);
            QCOMPARE(copy.value.path.at(i).role, original.value.path.at(i).role);
            QCOMPARE(copy.value.path.at(i).siblingCount, original.value.path.at(i).siblingCount);
            QCOMPARE(copy.value.path.at(i).createdAt, original.value.path.at(i).createdAt);
        }
        const auto again = waitReply<ImportResult>([&](auto r) { m_remote->importFile(this, one, {}, r); });
        QCOMPARE(again.value.imported, 0);
        QCOMPARE(again.value.skipped, 1);

        const QString md = pathIn(QStringLiteral("chat.md"));
        QVERIFY(teehee::test::waitDone([&](auto d) { m_remote->exportChat(this, chatId, ExportFormat::Markdown, md, d); }).ok());
        QFile mdFile(md);
        QVERIFY(mdFile.open(QIODevice::ReadOnly));
        QVERIFY(QString::fromUtf8(mdFile.readAll()).contains(original.value.path.constLast().text));
    }

    void everyChatStreamsToOneFile()
    {
        const QString all = pathIn(QStringLiteral("all.json"));
        QList<qint64> written;
        QVERIFY(teehee::test::waitDone([&](auto d) {
            m_remote->exportAll(this, all, [&](qint64 done, qint64) { written << done; }, d);
        }).ok());
        QFile file(all);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject doc = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(doc.value(u"format").toString(), QStringLiteral("teehee.export.v1"));
        const auto chats = waitReply<QList<ChatInfo>>([&](auto r) { m_desk->listChats(this, r); });
        QCOMPARE(doc.value(u"chats").toArray().size(), chats.value.size());
        QVERIFY(!written.isEmpty());
        QCOMPARE(written.constLast(), file.size());
    }

    void refusalsAreTyped()
    {
        const QString bad = pathIn(QStringLiteral("not-a-document.json"));
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"format\":\"something else\"}");
        file.close();
        QCOMPARE(waitReply<ImportResult>([&](auto r) { m_remote->importFile(this, bad, {}, r); }).error.reason, Failure::Invalid);
        QCOMPARE(waitReply<ImportResult>([&](auto r) { m_remote->importFile(this, pathIn(QStringLiteral("none.json")), {}, r); })
                     .error.reason,
                 Failure::FileAccess);
        const QString gone = pathIn(QStringLiteral("gone.json"));
        QCOMPARE(teehee::test::waitDone([&](auto d) {
            m_remote->exportChat(this, QStringLiteral("00000000-0000-4000-8000-000000000000"), ExportFormat::Json, gone, d);
        }).reason, Failure::NotFound);
        QVERIFY(!QFile::exists(gone));
    }

    void aChangedCertificateStopsTheClientAndSaysWhy()
    {
        QVERIFY(m_remote);
        QTRY_VERIFY_WITH_TIMEOUT(!m_remote->reconnecting(), 15000);
        // The desk starts sharing again with a new certificate, on the same port.
        const quint16 port = m_sharing->port();
        m_sharing->setEnabled(false);
        QTRY_VERIFY_WITH_TIMEOUT(m_sharing->sharingState() == SharingClient::State::Off, 10000);
        for (const char *name : {"cert.pem", "key.pem"})
            QVERIFY(QFile::remove(pathIn(QStringLiteral("data/tls/") + QLatin1String(name))));
        m_sharing->setPort(port);
        m_sharing->setEnabled(true);
        QTRY_VERIFY_WITH_TIMEOUT(m_sharing->sharingState() == SharingClient::State::On, 20000);
        QVERIFY(m_sharing->fingerprint().remove(u':').toLower() != m_account.pinnedFingerprint);

        // Not "reconnecting" for ever: stopped, with the typed reason.
        QTRY_VERIFY_WITH_TIMEOUT(m_remote->state() == ChatClient::State::Failed, 20000);
        QCOMPARE(m_remote->failure().reason, Failure::CertificateRejected);
        QVERIFY(!m_remote->reconnecting());
    }

    void cleanupTestCase()
    {
        m_remote.reset();
        m_desk.reset();
    }
};

QTEST_MAIN(TestRemoteTransfer)
#include "tst_remotetransfer.moc"
