// HttpStreamRequest over TLS against a local QSslServer with a throw-away
// certificate for "localhost": untrusted, it is refused (peer verification
// is on); trusted, a streamed body arrives through it and the name checked
// is the one in the URL.
#include "providers/httpstreamrequest.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace teehee;
using Failure = HttpStreamRequest::Failure;

class TestHttpStreamTls : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QSslCertificate m_cert;
    QSslKey m_key;

    bool makeCertificate()
    {
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                       QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"),
                       QStringLiteral("/CN=localhost"), QStringLiteral("-addext"), QStringLiteral("subjectAltName=DNS:localhost"),
                       QStringLiteral("-keyout"), m_dir.filePath(QStringLiteral("key.pem")),
                       QStringLiteral("-out"), m_dir.filePath(QStringLiteral("cert.pem"))});
        if (!openssl.waitForFinished(30000) || openssl.exitCode() != 0)
            return false;
        QFile c(m_dir.filePath(QStringLiteral("cert.pem")));
        QFile k(m_dir.filePath(QStringLiteral("key.pem")));
        if (!c.open(QIODevice::ReadOnly) || !k.open(QIODevice::ReadOnly))
            return false;
        m_cert = QSslCertificate(c.readAll());
        m_key = QSslKey(k.readAll(), QSsl::Rsa);
        return !m_cert.isNull() && !m_key.isNull();
    }

    // Answers every request with a short chunked SSE body.
    void serve(QSslServer &server)
    {
        QSslConfiguration cfg = QSslConfiguration::defaultConfiguration();
        cfg.setLocalCertificate(m_cert);
        cfg.setPrivateKey(m_key);
        cfg.setPeerVerifyMode(QSslSocket::VerifyNone);
        server.setSslConfiguration(cfg);
        connect(&server, &QSslServer::pendingConnectionAvailable, &server, [&server] {
            while (QTcpSocket *s = server.nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [s] {
                    s->setProperty("in", s->property("in").toByteArray() + s->readAll());
                    if (!s->property("in").toByteArray().endsWith("{}"))
                        return;
                    s->write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n9\r\ndata: x\n\n\r\n0\r\n\r\n");
                    s->disconnectFromHost();
                });
            }
        });
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Both come with the packages scripts/setup.sh installs (libssl, openssl):
        // without them the provider client cannot speak HTTPS, which is a failure.
        QVERIFY2(QSslSocket::supportsSsl(), "Qt found no TLS backend (OpenSSL 3)");
        QVERIFY(m_dir.isValid());
        QVERIFY2(makeCertificate(), "the openssl command could not make a test certificate");
    }

    void anUntrustedCertificateIsRefused()
    {
        QSslServer server;
        serve(server);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        HttpStreamRequest r(QUrl(QStringLiteral("https://localhost:%1/v1").arg(server.serverPort())), {}, "{}", {});
        int finished = 0, headers = 0;
        connect(&r, &HttpStreamRequest::finished, this, [&] { ++finished; });
        connect(&r, &HttpStreamRequest::headersReceived, this, [&] { ++headers; });
        r.start();
        QTRY_COMPARE(finished, 1);
        QCOMPARE(r.failure(), Failure::Tls);
        QVERIFY2(r.errorString().contains(QStringLiteral("self-signed"), Qt::CaseInsensitive), qPrintable(r.errorString()));
        QCOMPARE(headers, 0);
    }

    void aTrustedServerStreamsAndItsNameIsChecked()
    {
        // Trust the test certificate process-wide, as a system CA would be.
        QSslConfiguration def = QSslConfiguration::defaultConfiguration();
        def.addCaCertificate(m_cert);
        QSslConfiguration::setDefaultConfiguration(def);

        QSslServer server;
        serve(server);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        {
            HttpStreamRequest r(QUrl(QStringLiteral("https://localhost:%1/v1").arg(server.serverPort())), {}, "{}", {});
            QByteArray body;
            int finished = 0;
            connect(&r, &HttpStreamRequest::bodyReceived, this, [&](QByteArrayView b) { body.append(b); });
            connect(&r, &HttpStreamRequest::finished, this, [&] { ++finished; });
            r.start();
            QTRY_COMPARE(finished, 1);
            QCOMPARE(r.failure(), Failure::None);
            QCOMPARE(body, QByteArray("data: x\n\n"));
        }
        {
            // The certificate names localhost, not 127.0.0.1.
            HttpStreamRequest r(QUrl(QStringLiteral("https://127.0.0.1:%1/v1").arg(server.serverPort())), {}, "{}", {});
            int finished = 0;
            connect(&r, &HttpStreamRequest::finished, this, [&] { ++finished; });
            r.start();
            QTRY_COMPARE(finished, 1);
            QCOMPARE(r.failure(), Failure::Tls);
            QVERIFY2(r.errorString().contains(QStringLiteral("host name"), Qt::CaseInsensitive), qPrintable(r.errorString()));
        }
    }
};

QTEST_GUILESS_MAIN(TestHttpStreamTls)
#include "tst_httpstreamtls.moc"
