// Attachments over HTTP (spec/api.md "Attachments"): upload as raw bytes or a
// multipart form, types judged by their bytes (415 otherwise), the size limit
// (413), owner-only reads and deletes (404 for anyone else), safe download
// headers, and the ids a user message carries saved as content.attachments.
#include "api/httprequestparser.h"
#include "attachmentfixture.h"

#include <QCryptographicHash>

using namespace attachfixture;

class TestAttachmentRoutes : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void uploadsAndServesTheBytes()
    {
        Fixture f;
        GEN_SETUP(f);
        const HttpTestResponse r = upload(f, pngBytes(), "image/png", "cat%20picture.png");
        QCOMPARE(r.status, 201);
        const QJsonObject a = r.object();
        QCOMPARE(a.value("name").toString(), QStringLiteral("cat picture.png"));
        QCOMPARE(a.value("mime_type").toString(), QStringLiteral("image/png"));
        QCOMPARE(a.value("size").toInteger(), qint64(pngBytes().size()));
        QCOMPARE(a.value("sha256").toString(),
                 QString::fromLatin1(QCryptographicHash::hash(pngBytes(), QCryptographicHash::Sha256).toHex()));
        QVERIFY(a.value("created_at").toString().endsWith(u'Z'));

        const HttpTestResponse got = f.server->client().get(QStringLiteral("/attachments/") + a.value("id").toString(), f.token);
        QCOMPARE(got.status, 200);
        QCOMPARE(got.body, pngBytes());
        QCOMPARE(got.header("content-type"), QByteArray("image/png"));
        QCOMPARE(got.header("x-content-type-options"), QByteArray("nosniff"));
        QVERIFY(got.header("content-disposition").startsWith("attachment; filename=\"cat picture.png\""));
    }

    void typesAreJudgedByTheirBytes_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QByteArray>("declared");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("stored");
        QTest::newRow("png") << pngBytes() << QByteArray("image/png") << 201 << QStringLiteral("image/png");
        QTest::newRow("png declared as octet-stream") << pngBytes() << QByteArray("application/octet-stream") << 201 << QStringLiteral("image/png");
        QTest::newRow("jpeg") << QByteArray("\xff\xd8\xff\xe0\x00\x10JFIF", 10) << QByteArray("image/jpeg") << 201 << QStringLiteral("image/jpeg");
        QTest::newRow("gif") << QByteArray("GIF89a\x01\x00\x01\x00", 10) << QByteArray("image/gif") << 201 << QStringLiteral("image/gif");
        QTest::newRow("webp") << QByteArray("RIFF\x24\x00\x00\x00WEBPVP8 ", 16) << QByteArray("image/webp") << 201 << QStringLiteral("image/webp");
        QTest::newRow("pdf") << pdfBytes() << QByteArray("application/pdf") << 201 << QStringLiteral("application/pdf");
        QTest::newRow("text") << QByteArray("héllo\n") << QByteArray("text/plain; charset=utf-8") << 201 << QStringLiteral("text/plain");
        QTest::newRow("json") << QByteArray("{\"a\":1}") << QByteArray("application/json") << 201 << QStringLiteral("application/json");
        QTest::newRow("source without a type") << QByteArray("int main() {}\n") << QByteArray() << 201 << QStringLiteral("text/plain");
        QTest::newRow("html stays text") << QByteArray("<p>x</p>") << QByteArray("text/html") << 201 << QStringLiteral("text/html");
        QTest::newRow("fake png") << QByteArray("not an image") << QByteArray("image/png") << 415 << QString();
        QTest::newRow("fake pdf") << QByteArray("hello") << QByteArray("application/pdf") << 415 << QString();
        QTest::newRow("zip") << QByteArray("PK\x03\x04rest", 8) << QByteArray("application/zip") << 415 << QString();
        QTest::newRow("text that is not UTF-8") << QByteArray("caf\xe9", 4) << QByteArray("text/plain") << 415 << QString();
        QTest::newRow("binary without a type") << QByteArray("\x00\x01\x02\x03", 4) << QByteArray() << 415 << QString();
    }
    void typesAreJudgedByTheirBytes()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QByteArray, declared);
        QFETCH(int, status);
        QFETCH(QString, stored);
        Fixture f;
        GEN_SETUP(f);
        const HttpTestResponse r = upload(f, bytes, declared, "file");
        QCOMPARE(r.status, status);
        if (status == 201)
            QCOMPARE(r.object().value("mime_type").toString(), stored);
        else
            QVERIFY(!r.object().value("detail").toString().isEmpty());
    }

    void multipartFormUpload()
    {
        Fixture f;
        GEN_SETUP(f);
        const QByteArray body = "--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nignored\r\n"
                                "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
                                "Content-Type: text/plain\r\n\r\nline one\r\nline two\r\n--XyZ--\r\n";
        auto headers = auth(f.token);
        headers.append({QByteArray("Content-Type"), QByteArray("multipart/form-data; boundary=XyZ")});
        const HttpTestResponse r = f.server->client().request("POST", QStringLiteral("/attachments"), body, headers);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.object().value("name").toString(), QStringLiteral("a.txt"));
        const HttpTestResponse got = f.server->client().get(QStringLiteral("/attachments/") + r.object().value("id").toString(), f.token);
        QCOMPARE(got.body, QByteArray("line one\r\nline two"));
        QCOMPARE(got.header("content-type"), QByteArray("text/plain; charset=utf-8"));
    }

    void sizeLimit()
    {
        Fixture f;
        GEN_SETUP(f);
        f.server.reset();
        f.server = std::make_unique<TestApiServer>([](Config &c) { c.attachmentMaxBytes = 4096; });
        QVERIFY(f.server->isValid());
        f.token = f.newAccount().second;
        QCOMPARE(upload(f, QByteArray(4096, 'a'), "text/plain", "fits.txt").status, 201);
        QCOMPARE(upload(f, QByteArray(4097, 'a'), "text/plain", "over.txt").status, 413);
        // An empty file is no attachment.
        QCOMPARE(upload(f, {}, "text/plain", "empty.txt").status, 422);
    }

    // The parser gives /attachments its own limit, from the Content-Length alone, and every other path the general one.
    void bodyLimitPerPath()
    {
        HttpParserLimits limits;
        limits.maxBodyBytes = 1000;
        limits.routeBodyLimits = {HttpRouteBodyLimit{"POST", "/attachments", 5000}};
        const auto statusFor = [&limits](const QByteArray &target, qint64 length) {
            HttpRequestParser parser(limits);
            const QByteArray head = "POST " + target + " HTTP/1.1\r\nHost: x\r\nContent-Length: "
                                    + QByteArray::number(length) + "\r\n\r\n";
            qsizetype consumed = 0;
            const auto step = parser.feed(head, consumed);
            return step == HttpRequestParser::Step::Failed ? parser.error().status : 0;
        };
        QCOMPARE(statusFor("/attachments", 5000), 0);
        QCOMPARE(statusFor("/attachments/", 5000), 0);
        QCOMPARE(statusFor("/attachments?x=1", 5000), 0);
        QCOMPARE(statusFor("/attachments", 5001), 413);
        QCOMPARE(statusFor("/chats", 1001), 413);
        QCOMPARE(statusFor("/attachmentsx", 1001), 413);
        QCOMPARE(statusFor("/chats", 1000), 0);
    }

    void onlyTheOwnerSeesOrDeletes()
    {
        Fixture f;
        GEN_SETUP(f);
        const QString id = uploaded(f, pngBytes(), "image/png", "mine.png");
        QVERIFY(!id.isEmpty());
        const QByteArray other = f.newAccount().second;
        QCOMPARE(f.server->client().get(QStringLiteral("/attachments/") + id, other).status, 404);
        QCOMPARE(f.server->client().del(QStringLiteral("/attachments/") + id, other).status, 404);
        QCOMPARE(f.server->client().get(QStringLiteral("/attachments/") + id).status, 401);
        QCOMPARE(f.server->client().get(QStringLiteral("/attachments/not-an-id"), f.token).status, 404);
        QCOMPARE(f.server->client().get(QStringLiteral("/attachments/") + id, f.token).status, 200);
        // Nor can another user put it in a message.
        const QString chat = f.newChat();
        const HttpTestResponse theirs = f.server->client().post(QStringLiteral("/chats/%1/messages").arg(chat),
            {{"role", "user"}, {"content", "x"}, {"attachments", QJsonArray{id}}}, f.token);
        QCOMPARE(theirs.status, 201);
        auto otherUser = f.newAccount();
        auto otherChat = f.chats().createChat(otherUser.first, QStringLiteral("theirs"));
        QVERIFY(otherChat);
        const HttpTestResponse refused = f.server->client().post(QStringLiteral("/chats/%1/messages").arg(otherChat->id),
            {{"role", "user"}, {"content", "x"}, {"attachments", QJsonArray{id}}}, otherUser.second);
        QCOMPARE(refused.status, 422);
        QVERIFY(refused.object().value("detail").toString().startsWith(u"attachments"));
    }

    void messageCarriesAttachmentsAndKeepsANoteWhenRemoved()
    {
        Fixture f;
        GEN_SETUP(f);
        const QString image = uploaded(f, pngBytes(), "image/png", "a.png");
        const QString text = uploaded(f, "hello", "text/plain", "b.txt");
        const QString chat = f.newChat();
        const HttpTestResponse r = f.server->client().post(QStringLiteral("/chats/%1/messages").arg(chat),
            {{"role", "user"}, {"content", "see these"}, {"attachments", QJsonArray{image, text}}}, f.token);
        QCOMPARE(r.status, 201);
        const QString messageId = r.object().value("id").toString();
        QJsonArray listed = r.object().value("content").toObject().value("attachments").toArray();
        QCOMPARE(listed.size(), 2);
        QCOMPARE(listed[0].toObject(), (QJsonObject{{"id", image}, {"name", "a.png"}, {"mime_type", "image/png"},
                                                    {"size", qint64(pngBytes().size())}}));
        QCOMPARE(listed[1].toObject().value("name").toString(), QStringLiteral("b.txt"));

        QCOMPARE(f.server->client().del(QStringLiteral("/attachments/") + image, f.token).status, 200);
        QCOMPARE(f.server->client().get(QStringLiteral("/attachments/") + image, f.token).status, 404);
        listed = f.stored(messageId).content.value("attachments").toArray();
        QCOMPARE(listed.size(), 2);
        QCOMPARE(listed[0].toObject().value("removed").toBool(), true);
        QCOMPARE(listed[1].toObject().value("removed").toBool(), false);
        QCOMPARE(f.stored(messageId).text(), QStringLiteral("see these"));

        // Malformed lists are refused before anything is written.
        QCOMPARE(f.server->client().post(QStringLiteral("/chats/%1/messages").arg(chat),
                     {{"role", "user"}, {"content", "x"}, {"attachments", "nope"}}, f.token).status, 422);
        QCOMPARE(f.server->client().post(QStringLiteral("/chats/%1/messages").arg(chat),
                     {{"role", "user"}, {"content", "x"}, {"attachments", QJsonArray{"not-a-uuid"}}}, f.token).status, 422);
        QCOMPARE(f.server->client().post(QStringLiteral("/chats/%1/messages").arg(chat),
                     {{"role", "assistant"}, {"content", "x"}, {"attachments", QJsonArray{text}}}, f.token).status, 422);
    }

    void describedInOpenApi()
    {
        Fixture f;
        GEN_SETUP(f);
        const QJsonObject paths = f.server->client().get(QStringLiteral("/openapi.json")).object().value("paths").toObject();
        QVERIFY(paths.value("/attachments").toObject().contains("post"));
        QVERIFY(paths.value("/attachments/{attachment_id}").toObject().contains("get"));
        QVERIFY(paths.value("/attachments/{attachment_id}").toObject().contains("delete"));
        const QJsonObject post = paths.value("/attachments").toObject().value("post").toObject();
        QVERIFY(post.value("responses").toObject().contains("415"));
    }
};

QTEST_MAIN(TestAttachmentRoutes)
#include "tst_attachmentroutes.moc"
