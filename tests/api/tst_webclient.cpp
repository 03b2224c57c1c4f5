// The web client's files as teehee-server serves them: the page with its
// Content-Security-Policy, the app folder named by its content and cached for
// a year, pre-compressed variants for clients that accept them, HEAD and
// conditional GET, and no API path shadowed.
#include "api/httpserver.h"
#include "api/webclientfiles.h"
#include "support/httptestclient.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>

using namespace teehee;

namespace {

// The /app/<version>/… URLs the page refers to.
QStringList appUrlsIn(const QByteArray &page)
{
    static const QRegularExpression ref(QStringLiteral("(?:src|href)=\"(/app/[^\"]+)\""));
    QStringList out;
    for (auto it = ref.globalMatch(QString::fromUtf8(page)); it.hasNext();)
        out << it.next().captured(1);
    return out;
}

// What a decompressing tool makes of bytes, as a browser would see them.
QByteArray decoded(const QString &tool, const QByteArray &bytes)
{
    QProcess p;
    p.start(tool, {QStringLiteral("-dc")});
    p.write(bytes);
    p.closeWriteChannel();
    p.waitForFinished(10000);
    return p.readAllStandardOutput();
}

} // namespace

class TstWebClient : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void thePageIsServedAtTheRootWithAStrictPolicy()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        const auto r = s.client().request("GET", QStringLiteral("/"), {}, {{"Host", "192.168.1.20:8000"}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("content-type").startsWith("text/html"));
        QVERIFY(r.body.contains("<html"));
        QVERIFY2(!r.body.contains("%APP%"), "the build replaced the app folder token");
        const QByteArray csp = r.header("content-security-policy");
        QVERIFY2(csp.contains("script-src 'self'") && csp.contains("object-src 'none'")
                     && csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe"),
                 csp.constData());
        QVERIFY2(csp.contains("ws://192.168.1.20:8000 wss://192.168.1.20:8000"), csp.constData());
        QCOMPARE(r.header("cache-control"), QByteArray("no-cache"));
        QCOMPARE(r.header("x-content-type-options"), QByteArray("nosniff"));
        QVERIFY(!r.header("etag").isEmpty());
    }

    void aHostileHostHeaderStaysOutOfThePolicy()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        const auto r = s.client().request("GET", QStringLiteral("/"), {}, {{"Host", "evil; script-src *"}});
        QCOMPARE(r.status, 200);
        QVERIFY2(!r.header("content-security-policy").contains("evil"), r.header("content-security-policy").constData());
    }

    void theAppFilesLiveUnderTheirVersionForAYear()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        const QByteArray version = WebClientFiles::embedded().version();
        QVERIFY(!version.isEmpty());
        const QStringList urls = appUrlsIn(s.client().get(QStringLiteral("/")).body);
        QVERIFY2(!urls.isEmpty(), "the page loads its modules and styles from /app/");
        for (const QString &url : urls + QStringList{QStringLiteral("/app/%1/lib/marked.js").arg(QLatin1String(version)),
                                                     QStringLiteral("/app/%1/lib/purify.js").arg(QLatin1String(version)),
                                                     QStringLiteral("/app/%1/lib/highlight.js").arg(QLatin1String(version))}) {
            QVERIFY2(url.startsWith(QStringLiteral("/app/%1/").arg(QLatin1String(version))), qPrintable(url));
            const auto r = s.client().get(url);
            QVERIFY2(r.status == 200, qPrintable(url));
            QVERIFY2(r.header("cache-control").contains("immutable") && r.header("cache-control").contains("max-age=31536000"),
                     qPrintable(url));
            if (url.endsWith(u".js"))
                QVERIFY2(r.header("content-type").startsWith("text/javascript"), qPrintable(url));
            if (url.endsWith(u".css"))
                QVERIFY2(r.header("content-type").startsWith("text/css"), qPrintable(url));
        }
    }

    void anotherVersionOrAPathOutsideTheTreeIsNotFound()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        const QString app = QStringLiteral("/app/%1/").arg(QLatin1String(WebClientFiles::embedded().version()));
        for (const QString &path : {QStringLiteral("/app/0123456789abcdef/lib/marked.js"), app + QStringLiteral("nothing.js"),
                                    app + QStringLiteral("../index.html"), app + QStringLiteral("%2e%2e/version"),
                                    QStringLiteral("/version"), QStringLiteral("/index.html")}) {
            const auto r = s.client().get(path);
            QVERIFY2(r.status == 404, qPrintable(path));
            QCOMPARE(r.detail(), QStringLiteral("Not Found"));
        }
    }

    void compressedVariantsGoToClientsThatAcceptThem()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        const QString url = QStringLiteral("/app/%1/lib/purify.js").arg(QLatin1String(WebClientFiles::embedded().version()));
        const auto plain = s.client().get(url);
        QCOMPARE(plain.status, 200);
        QVERIFY(plain.header("content-encoding").isEmpty());
        QCOMPARE(plain.header("vary"), QByteArray("Accept-Encoding"));

        const auto gzip = s.client().request("GET", url, {}, {{"Accept-Encoding", "gzip, deflate"}});
        QCOMPARE(gzip.header("content-encoding"), QByteArray("gzip"));
        QVERIFY(gzip.body.size() < plain.body.size() / 2);
        QCOMPARE(decoded(QStringLiteral("gzip"), gzip.body), plain.body);
        QVERIFY(gzip.header("etag") != plain.header("etag"));

        if (!QStandardPaths::findExecutable(QStringLiteral("brotli")).isEmpty()) {
            const auto br = s.client().request("GET", url, {}, {{"Accept-Encoding", "gzip, deflate, br"}});
            QCOMPARE(br.header("content-encoding"), QByteArray("br"));
            QVERIFY(br.body.size() < gzip.body.size());
            QCOMPARE(decoded(QStringLiteral("brotli"), br.body), plain.body);
        }

        // "q=0" refuses a coding.
        const auto refused = s.client().request("GET", url, {}, {{"Accept-Encoding", "br;q=0, gzip;q=0"}});
        QVERIFY(refused.header("content-encoding").isEmpty());
        QCOMPARE(refused.body, plain.body);
    }

    void aKnownEtagAnswers304WithoutContent()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        const auto first = s.client().request("GET", QStringLiteral("/"), {}, {{"Accept-Encoding", "gzip"}});
        const QByteArray etag = first.header("etag");
        QVERIFY(!etag.isEmpty());
        const auto again = s.client().request("GET", QStringLiteral("/"), {}, {{"Accept-Encoding", "gzip"}, {"If-None-Match", etag}});
        QCOMPARE(again.status, 304);
        QVERIFY(again.body.isEmpty());
        QCOMPARE(again.header("etag"), etag);
        QVERIFY(!again.headers.contains("content-length"));
        const auto changed = s.client().request("GET", QStringLiteral("/"), {}, {{"If-None-Match", "\"something-else\""}});
        QCOMPARE(changed.status, 200);
        QVERIFY(!changed.body.isEmpty());
    }

    void headAnswersTheHeadersOfGet()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        const qsizetype length = s.client().get(QStringLiteral("/")).body.size();
        QTcpSocket c;
        c.connectToHost(QHostAddress::LocalHost, s.port());
        QVERIFY(c.waitForConnected(5000));
        c.write("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n");
        QByteArray got;
        // The answer ends with its headers: anything after them within the wait is a body too many.
        (void)QTest::qWaitFor([&] { got += c.readAll(); return false; }, 300);
        QVERIFY2(got.startsWith("HTTP/1.1 200 ") && got.endsWith("\r\n\r\n"), got.constData());
        QVERIFY2(got.contains("Content-Length: " + QByteArray::number(length) + "\r\n"), got.constData());
    }

    void theManifestAndIconBelongToThePage()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        const auto manifest = s.client().get(QStringLiteral("/manifest.webmanifest"));
        QCOMPARE(manifest.status, 200);
        QCOMPARE(manifest.header("content-type"), QByteArray("application/manifest+json"));
        QVERIFY(!manifest.object().value(QStringLiteral("name")).toString().isEmpty());
        QVERIFY(!manifest.object().value(QStringLiteral("icons")).toArray().isEmpty());
        const auto icon = s.client().get(QStringLiteral("/icon.svg"));
        QCOMPARE(icon.status, 200);
        QCOMPARE(icon.header("content-type"), QByteArray("image/svg+xml"));
    }

    void apiPathsAreNotShadowed()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        QCOMPARE(s.client().get(QStringLiteral("/health")).object().value(QStringLiteral("status")).toString(),
                 QStringLiteral("healthy"));
        QCOMPARE(s.client().get(QStringLiteral("/chats")).status, 401);
        const auto post = s.client().post(QStringLiteral("/"), QJsonObject{});
        QCOMPARE(post.status, 405);
        QVERIFY(post.header("allow").contains("GET"));
    }
};

QTEST_GUILESS_MAIN(TstWebClient)
#include "tst_webclient.moc"
