// Attachments reach each provider in its own wire format (spec/api.md
// "Attachments", spec/provider-protocols.md): images as OpenAI image_url data
// URLs, Anthropic base64 image blocks and Mistral image_url strings; PDFs as
// Anthropic document blocks, elsewhere as a note that their text could not be
// read; text files as text blocks naming the file. A model that takes no
// images fails with no_vision before anything is sent upstream.
#include "attachmentfixture.h"
#include "wsclient.h"

using namespace attachfixture;

namespace {

QJsonObject text(const QString &t) { return {{"type", "text"}, {"text", t}}; }

QString b64(const QByteArray &bytes) { return QString::fromLatin1(bytes.toBase64()); }

QString textFileBlock() { return QStringLiteral("Attached file \"notes.txt\" (text/plain):\n\nline one\nline two"); }

QString pdfNote()
{
    return QStringLiteral("[A PDF file \"doc.pdf\" was attached, but this model takes no PDF files and its text "
                          "could not be extracted, so its content is not included.]");
}

// The user message's content as each provider must receive it.
QJsonArray expectedContent(const QString &provider)
{
    const QString url = QStringLiteral("data:image/png;base64,") + b64(pngBytes());
    if (provider == u"anthropic")
        return {QJsonObject{{"type", "image"}, {"source", QJsonObject{{"type", "base64"}, {"media_type", "image/png"}, {"data", b64(pngBytes())}}}},
                QJsonObject{{"type", "document"}, {"source", QJsonObject{{"type", "base64"}, {"media_type", "application/pdf"}, {"data", b64(pdfBytes())}}},
                            {"title", "doc.pdf"}},
                text(textFileBlock()), text(QStringLiteral("What is in these?"))};
    const QJsonValue image = provider == u"mistral" ? QJsonValue(url) : QJsonValue(QJsonObject{{"url", url}});
    return {text(QStringLiteral("What is in these?")), QJsonObject{{"type", "image_url"}, {"image_url", image}},
            text(pdfNote()), text(textFileBlock())};
}

QJsonObject lastUserMessage(const RecordedRequest &request)
{
    const QJsonArray messages = request.json().value("messages").toArray();
    for (qsizetype i = messages.size() - 1; i >= 0; --i)
        if (messages[i].toObject().value("role").toString() == u"user")
            return messages[i].toObject();
    return {};
}

} // namespace

class TestAttachmentProviders : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void eachProviderGetsItsOwnFormat_data()
    {
        QTest::addColumn<QString>("provider");
        for (const QString &p : kProviders)
            QTest::newRow(qPrintable(p)) << p;
    }
    void eachProviderGetsItsOwnFormat()
    {
        QFETCH(QString, provider);
        Fixture f;
        GEN_SETUP(f);
        const QStringList ids{uploaded(f, pngBytes(), "image/png", "cat.png"), uploaded(f, pdfBytes(), "application/pdf", "doc.pdf"),
                              uploaded(f, "line one\nline two", "text/plain", "notes.txt")};
        QVERIFY(!ids.contains(QString()));
        const QString chat = f.newChat();
        f.fake.enqueue(reply(provider, {"A cat."}));
        auto g = f.gens().sendMessage(f.user, chat, QStringLiteral("What is in these?"), MessageParent::activeLeaf(),
                                      {provider, modelFor(provider)}, ids);
        QVERIFY2(g, g ? "" : qPrintable(g.error().message));
        Recorder rec;
        rec.attach(g.value());
        QVERIFY(rec.waitFinished());
        QCOMPARE(rec.last().type, GenerationEvent::Type::Completed);
        QVERIFY(f.waitForRequests(1));
        QCOMPARE(lastUserMessage(f.fake.requests().first()).value("content").toArray(), expectedContent(provider));

        // The saved question lists them; the next turn sends them again (they are part of the path).
        const QJsonArray listed = f.stored(g.value()->parentMessageId()).content.value("attachments").toArray();
        QCOMPARE(listed.size(), 3);
        f.fake.enqueue(reply(provider, {"Still a cat."}));
        auto next = f.gens().sendMessage(f.user, chat, QStringLiteral("And now?"), MessageParent::activeLeaf(),
                                         {provider, modelFor(provider)});
        QVERIFY(next);
        Recorder rec2;
        rec2.attach(next.value());
        QVERIFY(rec2.waitFinished());
        QVERIFY(f.waitForRequests(2));
        const QJsonArray messages = f.fake.requests().at(1).json().value("messages").toArray();
        QCOMPARE(messages.first().toObject().value("content").toArray(), expectedContent(provider));
        QCOMPARE(messages.last().toObject().value("content").toString(), QStringLiteral("And now?"));
    }

    void removedFileIsNamedNotSent()
    {
        Fixture f;
        GEN_SETUP(f);
        const QString id = uploaded(f, pngBytes(), "image/png", "gone.png");
        const QString chat = f.newChat();
        f.fake.enqueue(reply("openai", {"ok"}));
        auto g = f.gens().sendMessage(f.user, chat, QStringLiteral("Look"), MessageParent::activeLeaf(), {"openai", "gpt-4o-mini"}, {id});
        QVERIFY(g);
        Recorder rec;
        rec.attach(g.value());
        QVERIFY(rec.waitFinished());
        QCOMPARE(f.server->client().del(QStringLiteral("/attachments/") + id, f.token).status, 200);
        f.fake.enqueue(reply("openai", {"ok"}));
        auto again = f.gens().regenerate(f.user, g.value()->messageId(), {});
        QVERIFY2(again, again ? "" : qPrintable(again.error().message));
        Recorder rec2;
        rec2.attach(again.value());
        QVERIFY(rec2.waitFinished());
        QVERIFY(f.waitForRequests(2));
        QCOMPARE(lastUserMessage(f.fake.requests().at(1)).value("content").toArray(),
                 (QJsonArray{text("Look"), text("[The attached file \"gone.png\" was removed and is no longer available.]")}));
    }

    void modelWithoutVisionIsRefusedBeforeSending()
    {
        Fixture f;
        GEN_SETUP(f);
        const QString id = uploaded(f, pngBytes(), "image/png", "cat.png");
        const QString chat = f.newChat();
        auto g = f.gens().sendMessage(f.user, chat, QStringLiteral("Look"), MessageParent::activeLeaf(),
                                      {"openai", "gpt-3.5-turbo"}, {id});
        QVERIFY(g);
        Recorder rec;
        rec.attach(g.value());
        QVERIFY(rec.waitFinished());
        QCOMPARE(rec.last().type, GenerationEvent::Type::Failed);
        QCOMPARE(rec.last().errorReason, QStringLiteral("no_vision"));
        QVERIFY(rec.last().error.contains(u"gpt-3.5-turbo"));
        QVERIFY(f.fake.requests().isEmpty());
        QCOMPARE(f.stored(g.value()->messageId()).status, MessageStatus::Error);

        // A text file is no image: the same model gets it.
        const QString notes = uploaded(f, "plain words", "text/plain", "notes.txt");
        f.fake.enqueue(reply("openai", {"ok"}));
        auto other = f.gens().sendMessage(f.user, f.newChat(), QStringLiteral("Read"), MessageParent::activeLeaf(),
                                          {"openai", "gpt-3.5-turbo"}, {notes});
        QVERIFY(other);
        Recorder rec2;
        rec2.attach(other.value());
        QVERIFY(rec2.waitFinished());
        QCOMPARE(rec2.last().type, GenerationEvent::Type::Completed);
    }

    void overTheWebSocketAndSse()
    {
        Fixture f;
        GEN_SETUP(f);
        const QString id = uploaded(f, pngBytes(), "image/png", "cat.png");
        const QString chat = f.newChat();

        // WebSocket: a stream_message with attachments and no text; refused model → stream_error.
        WsClient ws;
        QVERIFY(ws.open(WsClient::url(f.port(), chat, f.token)));
        QJsonObject message = streamMessage(QString(), QStringLiteral("openai"));
        message.insert("model", "gpt-4");
        message.insert("attachments", QJsonArray{id});
        ws.send(message);
        QVERIFY(ws.waitFor("stream_error"));
        const QJsonObject error = ws.last("stream_error");
        QCOMPARE(error.value("error_reason").toString(), QStringLiteral("no_vision"));
        QVERIFY(f.fake.requests().isEmpty());
        const QJsonObject created = ws.last("message_created").value("message").toObject();
        QCOMPARE(created.value("content").toObject().value("attachments").toArray().first().toObject().value("id").toString(), id);

        // SSE: the same ids reach the provider.
        f.fake.enqueue(reply("openai", {"A cat."}));
        auto headers = auth(f.token);
        headers.append({QByteArray("Content-Type"), QByteArray("application/json")});
        const QJsonObject body{{"content", "What is it?"}, {"provider", "openai"}, {"model", "gpt-4o-mini"},
                               {"attachments", QJsonArray{id}}};
        const HttpTestResponse sse = f.server->client().request("POST", QStringLiteral("/chats/%1/stream").arg(chat),
                                                                QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
        QCOMPARE(sse.status, 200);
        QVERIFY(sse.body.contains("event: stream_complete"));
        QVERIFY(f.waitForRequests(1));
        const QJsonArray content = lastUserMessage(f.fake.requests().first()).value("content").toArray();
        QCOMPARE(content.size(), 2);
        QCOMPARE(content[1].toObject().value("type").toString(), QStringLiteral("image_url"));

        // An unknown id is refused on both, nothing written.
        message.insert("attachments", QJsonArray{QStringLiteral("00000000-0000-4000-8000-000000000000")});
        ws.send(message);
        QVERIFY(ws.waitFor("error"));
        QVERIFY(ws.last("error").value("message").toString().startsWith(u"attachments"));
    }
};

QTEST_MAIN(TestAttachmentProviders)
#include "tst_attachmentproviders.moc"
