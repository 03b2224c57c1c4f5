// HttpStreamRequest over TLS against a local QSslServer with a throw-away
// certificate for "localhost": untrusted, it is refused (peer verification
// is on); trusted, a streamed body arrives through it and the name checked
// is the one in the URL.
#include "providers/endpointpolicy.h"
#include "providers/httpconnectionpool.h"
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

    // Answers every request with a short chunked SSE body; closes the
    // connection after it unless `keepAlive`. Counts the connections.
    int m_connections = 0;
    void serve(QSslServer &server, bool keepAlive = false)
    {
        QSslConfiguration cfg = QSslConfiguration::defaultConfiguration();
        cfg.setLocalCertificate(m_cert);
        cfg.setPrivateKey(m_key);
        cfg.setPeerVerifyMode(QSslSocket::VerifyNone);
        server.setSslConfiguration(cfg);
        connect(&server, &QSslServer::pendingConnectionAvailable, &server, [this, &server, keepAlive] {
            while (QTcpSocket *s = server.nextPendingConnection()) {
                ++m_connections;
                connect(s, &QTcpSocket::readyRead, s, [s, keepAlive] {
                    s->setProperty("in", s->property("in").toByteArray() + s->readAll());
                    if (!s->property("in").toByteArray().endsWith("{}"))
                        return;
                    s->setProperty("in", QByteArray());
                    s->write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n9\r\ndata: x\n\n\r\n0\r\n\r\n");
                    if (!keepAlive)
                        s->disconnectFromHost();
                });
            }
        });
    }

    struct Fetched {
        Failure failure = Failure::None;
        QString error;
        QByteArray body;
        bool reused = false;
    };
    // One request to `url`, through `pool` when given, waited for to its end.
    Fetched fetch(const QUrl &url, HttpConnectionPool *pool = nullptr, std::shared_ptr<const EndpointPolicy> policy = {})
    {
        HttpStreamRequest r(url, {}, "{}", {});
        r.setConnectionPool(pool);
        r.setEndpointPolicy(std::move(policy));
        Fetched out;
        int finished = 0;
        connect(&r, &HttpStreamRequest::bodyReceived, this, [&](QByteArrayView b) { out.body.append(b); });
        connect(&r, &HttpStreamRequest::finished, this, [&] { ++finished; });
        r.start();
        if (!QTest::qWaitFor([&] { return finished == 1; }, 10000))
            out.error = QStringLiteral("never finished");
        else
            out.error = r.errorString();
        out.failure = r.failure();
        out.reused = r.reusedConnection();
        return out;
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
        const Fetched named = fetch(QUrl(QStringLiteral("https://localhost:%1/v1").arg(server.serverPort())));
        QCOMPARE(named.failure, Failure::None);
        QCOMPARE(named.body, QByteArray("data: x\n\n"));
        // The certificate names localhost, not 127.0.0.1.
        const Fetched byAddress = fetch(QUrl(QStringLiteral("https://127.0.0.1:%1/v1").arg(server.serverPort())));
        QCOMPARE(byAddress.failure, Failure::Tls);
        QVERIFY2(byAddress.error.contains(QStringLiteral("host name"), Qt::CaseInsensitive), qPrintable(byAddress.error));
    }

    void aKeptTlsConnectionCarriesTheNextRequest()
    {
        // Runs after the test above made the certificate trusted.
        QSslServer server;
        serve(server, true);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        m_connections = 0;
        HttpConnectionPool pool;
        for (int i = 0; i < 3; ++i) {
            const Fetched got = fetch(QUrl(QStringLiteral("https://localhost:%1/v1").arg(server.serverPort())), &pool);
            QVERIFY2(got.failure == Failure::None, qPrintable(got.error));
            QCOMPARE(got.body, QByteArray("data: x\n\n"));
            QCOMPARE(got.reused, i > 0);
            QCOMPARE(pool.idleCount(), 1);
        }
        QCOMPARE(m_connections, 1); // one handshake for three requests
    }

    void underAPolicyTheCheckedAddressIsDialledAndTheNameVerified()
    {
        // Runs after the certificate was made trusted. The connection goes to
        // the address the policy allowed; SNI and the certificate check still
        // use the host name, so a certificate for "localhost" passes.
        QSslServer server;
        serve(server, true);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        m_connections = 0;
        const QUrl url(QStringLiteral("https://localhost:%1/v1").arg(server.serverPort()));
        const auto allowed = EndpointPolicy::make(false, {QStringLiteral("localhost")});
        HttpConnectionPool pool;
        const Fetched got = fetch(url, &pool, allowed);
        QVERIFY2(got.failure == Failure::None, qPrintable(got.error));
        QCOMPARE(got.body, QByteArray("data: x\n\n"));
        // A request under another rule does not take that connection, and is refused before any.
        const Fetched refused = fetch(url, &pool, EndpointPolicy::publicOnly());
        QCOMPARE(refused.failure, Failure::Refused);
        QCOMPARE(m_connections, 1);
        const Fetched again = fetch(url, &pool, allowed);
        QVERIFY(again.reused);
    }
};

QTEST_GUILESS_MAIN(TestHttpStreamTls)
#include "tst_httpstreamtls.moc"
