// A reply streamed over WSS: the WebSocket frames of a TLS connection go
// through its encryption, from the handshake to the last token, and the
// account's /events socket works the same way.
#include "generationfixture.h"
#include "wsclient.h"

#include <QSslConfiguration>

using namespace genfixture;

class TstWssStream : public QObject {
    Q_OBJECT
    std::unique_ptr<Fixture> f;

    // Trusts the server's own certificate only, and checks the name.
    void trustServer(WsClient &c) const
    {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates({f->server->tlsCertificate()});
        c.ws.setSslConfiguration(ssl);
    }
    QUrl wss(const QString &path) const
    {
        return QUrl(QStringLiteral("wss://localhost:%1%2?token=%3").arg(f->port()).arg(path, QString::fromLatin1(f->token)));
    }

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<Fixture>();
        const QString e = f->setUp([](Config &c) { c.tlsSelfSigned = true; });
        QVERIFY2(e.isEmpty(), qPrintable(e));
    }
    void cleanup() { f.reset(); }

    void aReplyStreamsWholeOverWss()
    {
        // Many small tokens: each one a frame written while the connection is busy.
        QStringList pieces;
        for (int i = 0; i < 200; ++i)
            pieces << QStringLiteral("w%1 ").arg(i);
        f->fake.enqueue(reply(QStringLiteral("openai"), pieces, 1));
        const QString chat = f->newChat();
        WsClient c;
        trustServer(c);
        QVERIFY(c.open(wss(QStringLiteral("/stream/") + chat)));
        c.send(streamMessage(QStringLiteral("Salut")));
        QVERIFY(c.waitFor(QStringLiteral("stream_complete")));
        QCOMPARE(c.tokens(), pieces.join(QString()));
        QCOMPARE(c.last("stream_complete").value("content").toString(), pieces.join(QString()));
    }

    void accountEventsArriveOverWss()
    {
        WsClient events;
        trustServer(events);
        QVERIFY(events.open(wss(QStringLiteral("/events"))));
        const QString chat = f->newChat();
        QVERIFY(events.waitFor(QStringLiteral("chat_created")));
        QCOMPARE(events.last("chat_created").value("chat").toObject().value("id").toString(), chat);
    }

    void aSocketThatDoesNotTrustTheCertificateIsNotOpened()
    {
        WsClient c; // the system's authorities only
        QVERIFY(!c.open(wss(QStringLiteral("/events"))));
    }
};

QTEST_GUILESS_MAIN(TstWssStream)
#include "tst_wssstream.moc"
