// HTTPS on the server's port: a certificate made once on the first start and
// kept (its key readable by its owner only), operators' own PEM files checked
// before use, and every connection TLS from its first byte.
#include "api/httpserver.h"
#include "api/tls/selfsignedcertificate.h"
#include "api/tls/tlsidentity.h"
#include "support/httptestclient.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace teehee;

namespace {

// One HTTPS request on a fresh connection that trusts only `certificate`.
// Waiting spins the event loop: the server runs in this thread.
QByteArray httpsRequest(quint16 port, const QSslCertificate &certificate, const QByteArray &head, const QByteArray &body = {})
{
    QSslSocket socket;
    QSslConfiguration c = QSslConfiguration::defaultConfiguration();
    c.setCaCertificates({certificate});
    socket.setSslConfiguration(c);
    socket.setPeerVerifyName(QStringLiteral("localhost"));
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    if (!QTest::qWaitFor([&] { return socket.isEncrypted() || socket.state() == QAbstractSocket::UnconnectedState; }, 10000)
        || !socket.isEncrypted())
        return "no TLS: " + socket.errorString().toUtf8();
    socket.write(head + "Host: localhost\r\nConnection: close\r\nContent-Length: " + QByteArray::number(body.size())
                 + "\r\n\r\n" + body);
    QByteArray got;
    (void)QTest::qWaitFor([&] {
        got += socket.readAll();
        return socket.state() == QAbstractSocket::UnconnectedState;
    }, 10000);
    return got + socket.readAll();
}

QByteArray httpsGet(quint16 port, const QSslCertificate &certificate, const QByteArray &path)
{
    return httpsRequest(port, certificate, "GET " + path + " HTTP/1.1\r\n");
}

bool hasMode(const QString &path, QFileDevice::Permissions expected)
{
    const QFileDevice::Permissions mask = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
        | QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
        | QFileDevice::WriteOther | QFileDevice::ExeOther;
    return (QFile::permissions(path) & mask) == expected;
}

} // namespace

class TstTls : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aSelfSignedCertificateIsMadeOnceAndKept()
    {
        QTemporaryDir data;
        auto first = TlsIdentity::selfSigned(data.path());
        QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
        const QString key = data.path() + QStringLiteral("/tls/key.pem");
        QVERIFY(hasMode(key, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QVERIFY(hasMode(data.path() + QStringLiteral("/tls"), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
        // Its names: what a browser on this machine or the network checks.
        const auto names = first->chain.first().subjectAlternativeNames();
        QVERIFY(names.values(QSsl::DnsEntry).contains(QStringLiteral("localhost")));
        QVERIFY(names.values(QSsl::IpAddressEntry).contains(QStringLiteral("127.0.0.1")));
        QVERIFY(first->fingerprint().contains(u':'));
        QCOMPARE(first->fingerprintHex().size(), 64);

        // Paired devices pinned it: the next start serves the same certificate.
        auto second = TlsIdentity::selfSigned(data.path());
        QVERIFY(second);
        QCOMPARE(second->fingerprint(), first->fingerprint());
    }

    void operatorFilesMustHoldACertificateAndItsKey()
    {
        QTemporaryDir dir;
        auto a = makeSelfSignedCertificate(QStringLiteral("a"), {QStringLiteral("localhost")}, {});
        auto b = makeSelfSignedCertificate(QStringLiteral("b"), {QStringLiteral("localhost")}, {});
        QVERIFY(a && b);
        auto write = [&dir](const QString &name, const QByteArray &bytes) {
            QFile f(dir.filePath(name));
            f.open(QIODevice::WriteOnly);
            f.write(bytes);
            return f.fileName();
        };
        const QString certA = write(QStringLiteral("a.pem"), a->certificate);
        const QString keyA = write(QStringLiteral("a.key"), a->privateKey);
        const QString keyB = write(QStringLiteral("b.key"), b->privateKey);
        QVERIFY(TlsIdentity::fromFiles(certA, keyA));

        auto mismatch = TlsIdentity::fromFiles(certA, keyB);
        QVERIFY(!mismatch);
        QVERIFY(mismatch.error().message.contains(QStringLiteral("TLS_KEY_FILE")));
        QVERIFY2(!mismatch.error().message.contains(QStringLiteral("PRIVATE KEY")), "an error never shows the key");

        auto swapped = TlsIdentity::fromFiles(keyA, certA);
        QVERIFY(!swapped);
        auto missing = TlsIdentity::fromFiles(dir.filePath(QStringLiteral("none.pem")), keyA);
        QVERIFY(!missing);
        QVERIFY(missing.error().message.contains(QStringLiteral("TLS_CERT_FILE")));
    }

    void theApiAnswersOverHttps()
    {
        TestApiServer s([](Config &c) { c.tlsSelfSigned = true; });
        TEEHEE_REQUIRE_SERVER(s);
        QVERIFY(s.server().usesTls());
        const QByteArray answer = httpsGet(s.port(), s.tlsCertificate(), "/health");
        QVERIFY2(answer.startsWith("HTTP/1.1 200 "), answer.constData());
        QVERIFY2(answer.contains("\"healthy\""), answer.constData());
    }

    void anInvitationOverHttpsCarriesTheFingerprintToPin()
    {
        TestApiServer s([](Config &c) { c.tlsSelfSigned = true; });
        TEEHEE_REQUIRE_SERVER(s);
        const QByteArray signUp = httpsRequest(s.port(), s.tlsCertificate(), "POST /auth/signup HTTP/1.1\r\n",
                                               R"({"email":"owner@example.com","password":"a long password"})");
        const QByteArray token = QJsonDocument::fromJson(signUp.mid(signUp.indexOf("\r\n\r\n") + 4))
                                     .object().value(QStringLiteral("access_token")).toString().toLatin1();
        QVERIFY2(!token.isEmpty(), signUp.constData());
        const QByteArray answer = httpsRequest(s.port(), s.tlsCertificate(),
                                               "POST /pair/invitations HTTP/1.1\r\nAuthorization: Bearer " + token + "\r\n");
        const QString url = QJsonDocument::fromJson(answer.mid(answer.indexOf("\r\n\r\n") + 4))
                                .object().value(QStringLiteral("url")).toString();
        const QString fingerprint = QString::fromLatin1(s.tlsCertificate().digest(QCryptographicHash::Sha256).toHex());
        QVERIFY2(url.startsWith(QStringLiteral("https://localhost/#pair=")), qPrintable(url));
        QVERIFY2(url.endsWith(QStringLiteral("&fp=") + fingerprint), qPrintable(url));
    }

    void aClientThatDoesNotTrustTheCertificateGetsNothing()
    {
        TestApiServer s([](Config &c) { c.tlsSelfSigned = true; });
        TEEHEE_REQUIRE_SERVER(s);
        auto other = makeSelfSignedCertificate(QStringLiteral("other"), {QStringLiteral("localhost")}, {});
        QVERIFY(other);
        const QByteArray answer = httpsGet(s.port(), QSslCertificate(other->certificate), "/health");
        QVERIFY2(answer.startsWith("no TLS"), answer.constData());
    }

    void plainHttpOnTheTlsPortIsNotAnswered()
    {
        TestApiServer s([](Config &c) { c.tlsSelfSigned = true; });
        TEEHEE_REQUIRE_SERVER(s);
        RawHttpConnection c(s.port());
        QVERIFY(c.isConnected());
        c.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(c.waitForClosed(10000));
        const auto r = c.readResponse(100);
        QCOMPARE(r.status, 0);
    }
};

QTEST_GUILESS_MAIN(TstTls)
#include "tst_tls.moc"
