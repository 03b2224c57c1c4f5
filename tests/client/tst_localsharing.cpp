// "Share on this network" through the desktop's client, over real sockets on
// loopback: HTTPS with the fingerprint the interface shows, a whole pairing
// (redeem → the request in the interface → approve there → the new device's
// token works), revoking, and turning sharing off closing everything at once.
#include "desktoptestenv.h"
#include "localchatclient.h"
#include "pinnedhttps.h"
#include "sharingclient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>
#include <optional>

using teehee::client::ChatClient;
using teehee::client::ClientError;
using teehee::client::LocalChatClient;
using teehee::client::SharingClient;

class TestLocalSharing : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;
    std::unique_ptr<LocalChatClient> m_client;
    SharingClient *m_sharing = nullptr;
    QString m_deviceId;
    QByteArray m_token;

    QString fingerprintHex() const { return m_sharing->fingerprint().remove(u':').toLower(); }
    quint16 port() const { return m_sharing->port(); }

    ClientError done(const std::function<void(SharingClient::Done)> &call) { return teehee::test::waitDone(call); }

    bool hasDevice(const QString &id) const
    {
        for (const auto &d : m_sharing->devices()) {
            if (d.id == id)
                return true;
        }
        return false;
    }

    // A whole pairing of a new device named `name`; its token, its device id.
    void pair(const QString &name, QByteArray *token, QString *deviceId)
    {
        const QString fragment = QUrl(m_sharing->pairingUrl()).fragment();
        const QString code = QUrlQuery(fragment).queryItemValue(QStringLiteral("pair"));
        QVERIFY(!code.isEmpty());
        PinnedHttps phone(port(), fingerprintHex());
        QVERIFY(phone.isEncrypted());
        const PinnedAnswer redeemed = phone.request("POST", QStringLiteral("/pair"), {},
            {{QStringLiteral("code"), code}, {QStringLiteral("device_name"), name}});
        QCOMPARE(redeemed.status, 202);
        const QString pairingId = redeemed.object().value(QStringLiteral("pairing_id")).toString();
        const QString verification = redeemed.object().value(QStringLiteral("verification")).toString();
        QCOMPARE(verification.size(), 6);

        // The desktop shows the same request with the same number.
        QTRY_VERIFY_WITH_TIMEOUT(!m_sharing->pendingRequests().isEmpty(), 10000);
        const auto request = m_sharing->pendingRequests().constFirst();
        QCOMPARE(request.pairingId, pairingId);
        QCOMPARE(request.verification, verification);
        QCOMPARE(request.deviceName, name);

        const ClientError approved = done([&](auto d) { m_sharing->approve(this, pairingId, d); });
        QVERIFY2(approved.ok(), qPrintable(approved.detail));
        QTRY_VERIFY_WITH_TIMEOUT(m_sharing->pendingRequests().isEmpty(), 10000);

        const PinnedAnswer polled = phone.request("GET", QStringLiteral("/pair/") + pairingId);
        QCOMPARE(polled.status, 200);
        QCOMPARE(polled.object().value(QStringLiteral("status")).toString(), QStringLiteral("approved"));
        *token = polled.object().value(QStringLiteral("access_token")).toString().toUtf8();
        *deviceId = polled.object().value(QStringLiteral("device_id")).toString();
        QVERIFY(!token->isEmpty());
        QVERIFY(!deviceId->isEmpty());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        teehee::test::useDesktopTestEnvironment(m_home, QStringLiteral("TeeheeSharingTest"));

        m_client = std::make_unique<LocalChatClient>(QString());
        m_sharing = m_client->sharing();
        QVERIFY(m_sharing);
        QCOMPARE(m_sharing->port(), quint16(8765)); // the default, nothing kept yet
        QCOMPARE(m_sharing->sharingState(), SharingClient::State::Off);
        m_sharing->setPort(0); // a free one, for the test
        // Asked before the backend is ready: sharing starts once it is.
        m_sharing->setEnabled(true);
        QCOMPARE(m_sharing->sharingState(), SharingClient::State::Starting);
        m_client->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_sharing->sharingState() != SharingClient::State::Starting, 20000);
        QVERIFY2(m_sharing->sharingState() == SharingClient::State::On, qPrintable(m_sharing->failureReason()));
        QVERIFY(port() != 0);
        QTRY_VERIFY_WITH_TIMEOUT(!m_sharing->pairingUrl().isEmpty(), 10000);
    }

    void servesHttpsWithTheFingerprintItShows()
    {
        QVERIFY(!m_sharing->fingerprint().isEmpty());
        PinnedHttps client(port(), fingerprintHex());
        QVERIFY2(client.isEncrypted(), qPrintable(client.socket().errorString()));
        QCOMPARE(client.request("GET", QStringLiteral("/health")).status, 200);
        // The web client is there for the phone's browser.
        QCOMPARE(client.request("GET", QStringLiteral("/")).status, 200);

        // Pinning another fingerprint refuses this certificate.
        PinnedHttps stranger(port(), QString(64, u'0'));
        QVERIFY(!stranger.isEncrypted());

        // The QR code's URL: the LAN address (never loopback), the code and the fingerprint.
        const QUrl url(m_sharing->pairingUrl());
        QCOMPARE(url.scheme(), QStringLiteral("https"));
        QCOMPARE(url.port(), int(port()));
        QVERIFY(!QHostAddress(url.host()).isLoopback());
        const QUrlQuery fragment(url.fragment());
        QCOMPARE(fragment.queryItemValue(QStringLiteral("fp")), fingerprintHex());
        QVERIFY(!fragment.queryItemValue(QStringLiteral("pair")).isEmpty());
        QVERIFY(m_sharing->pairingExpiresAt() > QDateTime::currentDateTimeUtc());
        for (const QString &address : m_sharing->addresses()) {
            QVERIFY(address.startsWith(QStringLiteral("https://")));
            QVERIFY(address.endsWith(QStringLiteral(":%1").arg(port())));
        }
    }

    void aNewDevicePairsThroughTheInterface()
    {
        pair(QStringLiteral("Test phone"), &m_token, &m_deviceId);
        if (QTest::currentTestFailed())
            return;
        PinnedHttps phone(port(), fingerprintHex());
        const PinnedAnswer devices = phone.request("GET", QStringLiteral("/devices"), m_token);
        QCOMPARE(devices.status, 200);
        bool listed = false;
        for (const QJsonValue &d : QJsonDocument::fromJson(devices.body).array())
            listed = listed || d.toObject().value(QStringLiteral("id")).toString() == m_deviceId;
        QVERIFY(listed);
        QTRY_VERIFY_WITH_TIMEOUT(hasDevice(m_deviceId), 10000);

        // The invitation was used: a new one is made on asking.
        const QString used = m_sharing->pairingUrl();
        QSignalSpy renewed(m_sharing, &SharingClient::invitationChanged);
        m_sharing->newInvitation();
        QVERIFY(renewed.wait(10000));
        QVERIFY(m_sharing->pairingUrl() != used);
    }

    void anotherAccountOnTheShareCannotReachThisMachinesServers()
    {
        // A guest signs up on the share and points a custom endpoint at the
        // desktop's own loopback (an Ollama there, say): refused, nothing kept.
        PinnedHttps guest(port(), fingerprintHex());
        const PinnedAnswer signedUp = guest.request("POST", QStringLiteral("/auth/signup"), {},
            QJsonObject{{QStringLiteral("email"), QStringLiteral("guest@example.com")},
                        {QStringLiteral("password"), QStringLiteral("a long enough password")}});
        QCOMPARE(signedUp.status, 201);
        const QByteArray token = signedUp.object().value(QStringLiteral("access_token")).toString().toLatin1();
        for (const QString &url : {QStringLiteral("http://127.0.0.1:11434/v1"), QStringLiteral("http://localhost:1234/v1"),
                                   QStringLiteral("http://[::1]:8080/v1")}) {
            const PinnedAnswer added = guest.request("POST", QStringLiteral("/user/keys"), token,
                QJsonObject{{QStringLiteral("provider_name"), QStringLiteral("custom")}, {QStringLiteral("label"), QStringLiteral("mine")},
                            {QStringLiteral("base_url"), url}, {QStringLiteral("api_key"), QStringLiteral("k")}});
            QVERIFY2(added.status == 403 || added.status == 422, qPrintable(url + QStringLiteral(": ") + QString::fromUtf8(added.body)));
            QVERIFY2(added.object().value(QStringLiteral("detail")).toString().contains(QStringLiteral("base_url")), added.body.constData());
        }
        const PinnedAnswer keys = guest.request("GET", QStringLiteral("/user/keys"), token);
        QCOMPARE(keys.status, 200);
        QCOMPARE(QJsonDocument::fromJson(keys.body).array().size(), 0);
    }

    void revokingADeviceEndsItsToken()
    {
        QVERIFY(!m_deviceId.isEmpty());
        const ClientError revoked = done([&](auto d) { m_sharing->revokeDevice(this, m_deviceId, d); });
        QVERIFY2(revoked.ok(), qPrintable(revoked.detail));
        PinnedHttps phone(port(), fingerprintHex());
        QCOMPARE(phone.request("GET", QStringLiteral("/devices"), m_token).status, 401);
        QTRY_VERIFY_WITH_TIMEOUT(!hasDevice(m_deviceId), 10000);
    }

    void turningSharingOffClosesEveryConnectionAtOnce()
    {
        QByteArray token;
        QString deviceId;
        pair(QStringLiteral("Test tablet"), &token, &deviceId);
        if (QTest::currentTestFailed())
            return;

        // An idle keep-alive connection, and an account socket.
        PinnedHttps keptAlive(port(), fingerprintHex());
        QCOMPARE(keptAlive.request("GET", QStringLiteral("/health")).status, 200);
        QVERIFY(keptAlive.isOpen());
        QWebSocket events;
        pin(events, fingerprintHex());
        QSignalSpy connected(&events, &QWebSocket::connected);
        events.open(QUrl(QStringLiteral("wss://127.0.0.1:%1/events?token=%2").arg(port()).arg(QString::fromUtf8(token))));
        QVERIFY(connected.wait(10000));
        QTest::qWait(200); // past the socket's sign-in check
        QCOMPARE(events.state(), QAbstractSocket::ConnectedState);

        const quint16 shared = port();
        m_sharing->setEnabled(false);
        QCOMPARE(m_sharing->sharingState(), SharingClient::State::Off);
        QVERIFY(m_sharing->pairingUrl().isEmpty());
        // Well before the 30 s keep-alive idle timeout: closed by turning off, not by idling.
        QTRY_VERIFY_WITH_TIMEOUT(!keptAlive.isOpen(), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(events.state(), QAbstractSocket::UnconnectedState, 5000);

        QTcpSocket late;
        QSignalSpy refused(&late, &QTcpSocket::errorOccurred);
        late.connectToHost(QStringLiteral("127.0.0.1"), shared);
        QVERIFY(refused.wait(5000));
        QCOMPARE(late.error(), QAbstractSocket::ConnectionRefusedError);
    }

    void aWaitingRequestShowsAgainWhenSharingStartsAgain()
    {
        m_sharing->setEnabled(true);
        QTRY_COMPARE_WITH_TIMEOUT(m_sharing->sharingState(), SharingClient::State::On, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_sharing->pairingUrl().isEmpty(), 10000);
        const QString code = QUrlQuery(QUrl(m_sharing->pairingUrl()).fragment()).queryItemValue(QStringLiteral("pair"));
        PinnedHttps phone(port(), fingerprintHex());
        const PinnedAnswer redeemed = phone.request("POST", QStringLiteral("/pair"), {},
            {{QStringLiteral("code"), code}, {QStringLiteral("device_name"), QStringLiteral("Laptop")}});
        QCOMPARE(redeemed.status, 202);
        QTRY_COMPARE_WITH_TIMEOUT(m_sharing->pendingRequests().size(), 1, 10000);

        m_sharing->setEnabled(false);
        QVERIFY(m_sharing->pendingRequests().isEmpty()); // nothing to approve while not sharing
        m_sharing->setEnabled(true);
        QTRY_COMPARE_WITH_TIMEOUT(m_sharing->sharingState(), SharingClient::State::On, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_sharing->pendingRequests().size(), 1, 10000);
        QCOMPARE(m_sharing->pendingRequests().constFirst().pairingId,
                 redeemed.object().value(QStringLiteral("pairing_id")).toString());

        const ClientError denied = done([&](auto d) { m_sharing->deny(this, m_sharing->pendingRequests().constFirst().pairingId, d); });
        QVERIFY2(denied.ok(), qPrintable(denied.detail));
        QTRY_VERIFY_WITH_TIMEOUT(m_sharing->pendingRequests().isEmpty(), 10000);
        m_sharing->setEnabled(false);
    }

    void aPortInUseFailsAndSaysWhy()
    {
        QTcpServer taken;
        QVERIFY(taken.listen(QHostAddress::Any, 0));
        m_sharing->setPort(taken.serverPort());
        m_sharing->setEnabled(true);
        QTRY_COMPARE_WITH_TIMEOUT(m_sharing->sharingState(), SharingClient::State::Failed, 10000);
        QVERIFY2(m_sharing->failureReason().contains(QString::number(taken.serverPort())), qPrintable(m_sharing->failureReason()));
        QVERIFY(m_sharing->pairingUrl().isEmpty());
        // The port is kept for the next run.
        QCOMPARE(QSettings().value(QStringLiteral("sharing/port")).toInt(), int(taken.serverPort()));
    }

    void cleanupTestCase()
    {
        m_client.reset();
    }
};

QTEST_GUILESS_MAIN(TestLocalSharing)
#include "tst_localsharing.moc"
