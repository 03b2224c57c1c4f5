// One encoder for every event (api/streamevents): the JSON it writes by hand
// must be valid and say exactly what the event holds, whatever the text
// contains; and over real sockets, a WebSocket message and the SSE `data:`
// line of the same event are the same bytes.
#include "api/json/streamevents.h"
#include "api/websocketframe.h"
#include "generation/accountevents.h"
#include "generation/generationfixture.h"
#include "generation/wsclient.h"

#include <QJsonDocument>
#include <QTest>

using namespace genfixture;

namespace {

QJsonObject parsed(const streamevents::Encoded &e)
{
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(e.json, &error).object();
    if (error.error != QJsonParseError::NoError)
        qWarning() << "not JSON:" << e.json;
    return o;
}

QString tricky(const QString &token)
{
    return QStringLiteral("before\n") + token;
}

// (event name, data bytes) of each SSE frame.
QList<QPair<QByteArray, QByteArray>> sseFrames(const QByteArray &body)
{
    QList<QPair<QByteArray, QByteArray>> out;
    for (const QByteArray &block : body.split('\n')) {
        if (block.startsWith("event: "))
            out.append({block.mid(7), {}});
        else if (block.startsWith("data: ") && !out.isEmpty())
            out.last().second = block.mid(6);
    }
    return out;
}

} // namespace

class TestStreamEvents : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void tokenEventsSayExactlyWhatTheyHold_data()
    {
        QTest::addColumn<QString>("token");
        QTest::newRow("plain") << QStringLiteral("Hello");
        QTest::newRow("quotes and backslashes") << QStringLiteral("say \"hi\" \\ there /");
        QString controls;
        for (ushort c = 0; c < 0x20; ++c)
            controls += QChar(c);
        QTest::newRow("control characters") << controls + QChar(0x7f);
        QTest::newRow("non-ASCII") << QStringLiteral("héllo → 世界 🙂");
        QTest::newRow("empty") << QString();
    }
    void tokenEventsSayExactlyWhatTheyHold()
    {
        QFETCH(QString, token);
        GenerationEvent e;
        e.type = GenerationEvent::Type::Token;
        e.messageId = QStringLiteral("6f629dae-5fb4-41d2-9f4b-1fdf8388c094");
        e.token = token;
        e.content = tricky(token);
        for (const bool compact : {true, false}) {
            const auto encoded = streamevents::encode(e, compact);
            QCOMPARE(encoded.type, QByteArray("token"));
            const QJsonObject o = parsed(encoded);
            QCOMPARE(o.size(), compact ? 3 : 4);
            QCOMPARE(o.value("type").toString(), QStringLiteral("token"));
            QCOMPARE(o.value("message_id").toString(), e.messageId);
            QCOMPARE(o.value("token").toString(), token);
            QCOMPARE(o.contains("content"), !compact);
            if (!compact)
                QCOMPARE(o.value("content").toString(), e.content);
        }
    }
    void everyEventNamesItsTypeInsideAndOut()
    {
        GenerationEvent e;
        e.messageId = QStringLiteral("6f629dae-5fb4-41d2-9f4b-1fdf8388c094");
        e.parentMessageId = QStringLiteral("0b1d2a3c-5fb4-41d2-9f4b-1fdf8388c094");
        e.content = QStringLiteral("so \"far\"");
        const QList<QPair<GenerationEvent::Type, QString>> types{{GenerationEvent::Type::Started, "stream_start"},
                                                                 {GenerationEvent::Type::Completed, "stream_complete"},
                                                                 {GenerationEvent::Type::Aborted, "stream_aborted"},
                                                                 {GenerationEvent::Type::Failed, "stream_error"}};
        for (const auto &[type, name] : types) {
            e.type = type;
            const auto encoded = streamevents::encode(e);
            QCOMPARE(QString::fromLatin1(encoded.type), name);
            const QJsonObject o = parsed(encoded);
            QCOMPARE(o.value("type").toString(), name);
            QCOMPARE(o.value("message_id").toString(), e.messageId);
            QCOMPARE(o.value("status").toString(), e.status());
        }
        e.type = GenerationEvent::Type::Started;
        e.continued = true;
        const QJsonObject continued = parsed(streamevents::encode(e));
        QCOMPARE(continued.value("type").toString(), QStringLiteral("stream_continue"));
        QCOMPARE(continued.value("existing_content").toString(), e.content);
        QCOMPARE(continued.value("parent_message_id").toString(), e.parentMessageId);

        e.type = GenerationEvent::Type::Completed;
        e.inputTokens = 7;
        e.outputTokens = 5;
        const QJsonObject done = parsed(streamevents::encode(e));
        QCOMPARE(done.value("content").toString(), e.content);
        QCOMPARE(done.value("usage").toObject(), (QJsonObject{{"input_tokens", 7}, {"output_tokens", 5}, {"total_tokens", 12}}));
        e.inputTokens = e.outputTokens = -1;
        QCOMPARE(parsed(streamevents::encode(e)).value("usage").toObject(), QJsonObject{});
    }
    void accountEventsUseTheSameEncoder()
    {
        AccountEvent e;
        e.userId = QStringLiteral("u");
        e.chatId = QStringLiteral("6f629dae-5fb4-41d2-9f4b-1fdf8388c094");
        e.chat.id = e.chatId;
        e.chat.name = QStringLiteral("Trip \"plans\"");
        e.type = AccountEvent::Type::ChatUpdated;
        const QJsonObject updated = parsed(streamevents::encode(e));
        QCOMPARE(updated.value("type").toString(), QStringLiteral("chat_updated"));
        QCOMPARE(updated.value("chat").toObject().value("name").toString(), e.chat.name);
        e.type = AccountEvent::Type::StreamEnded;
        e.messageId = QStringLiteral("0b1d2a3c-5fb4-41d2-9f4b-1fdf8388c094");
        e.status = QStringLiteral("aborted");
        QCOMPARE(parsed(streamevents::encode(e)), (QJsonObject{{"type", "stream_ended"}, {"chat_id", e.chatId},
                                                               {"message_id", e.messageId}, {"status", "aborted"}}));
        QVERIFY(!parsed(streamevents::encode(e)).contains("user_id")); // the account is the socket's, not news
    }
    void sseFramesCarryTheEncodedBytes()
    {
        const streamevents::Encoded e{"token", R"({"type":"token","token":"x"})"};
        QCOMPARE(streamevents::sseFrame(e, 42), QByteArray("event: token\nid: 42\ndata: ") + e.json + "\n\n");
        QCOMPARE(streamevents::sseFrame(e, 0), QByteArray("event: token\ndata: ") + e.json + "\n\n");
    }
    void aReplyCutAtMaxReplyBytesSaysLength()
    {
        GenerationEvent e;
        e.type = GenerationEvent::Type::Failed;
        e.messageId = QStringLiteral("6f629dae-5fb4-41d2-9f4b-1fdf8388c094");
        e.error = QStringLiteral("too long");
        e.content = QStringLiteral("kept");
        QVERIFY(!parsed(streamevents::encode(e)).contains(QStringLiteral("finish_reason")));
        e.finishReason = QStringLiteral("length");
        const QJsonObject o = parsed(streamevents::encode(e));
        QCOMPARE(o.value(QStringLiteral("type")).toString(), QStringLiteral("stream_error"));
        QCOMPARE(o.value(QStringLiteral("finish_reason")).toString(), QStringLiteral("length"));
        QCOMPARE(o.value(QStringLiteral("content")).toString(), QStringLiteral("kept"));
    }

    // A reply followed at once over WebSocket and over SSE: each SSE frame's
    // data is byte for byte the WebSocket message of the same event.
    void theSameEventIsTheSameBytesOverWebSocketAndSse_data()
    {
        QTest::addColumn<bool>("compact");
        QTest::newRow("full") << false;
        QTest::newRow("compact") << true;
    }
    void theSameEventIsTheSameBytesOverWebSocketAndSse()
    {
        QFETCH(bool, compact);
        Fixture f;
        GEN_SETUP(f);
        const QString chat = f.newChat();
        WsClient ws;
        QList<QByteArray> wsBytes;
        connect(&ws.ws, &QWebSocket::textMessageReceived, &ws, [&wsBytes](const QString &text) { wsBytes.append(text.toUtf8()); });
        QVERIFY(ws.open(WsClient::url(f.port(), chat, f.token, compact ? QStringLiteral("&compact=1") : QString())));
        f.fake.enqueue(reply(QStringLiteral("anthropic"), {QStringLiteral("say \"hi\"\n"), QStringLiteral("héllo 🙂 \\ /\t"),
                                                           QStringLiteral("\u0001 end")}));
        const QByteArray body = QJsonDocument(QJsonObject{{"content", "Go"}, {"provider", "anthropic"},
                                                          {"model", modelFor(QStringLiteral("anthropic"))}}).toJson();
        const auto sse = f.server->client().request("POST", QStringLiteral("/chats/%1/stream%2").arg(chat, compact ? "?compact=1" : ""), body,
                                                    {{"Content-Type", "application/json"}, {"Accept", "text/event-stream"},
                                                     {"Authorization", "Bearer " + f.token}});
        QCOMPARE(sse.status, 200);
        QVERIFY(ws.waitFor(QStringLiteral("stream_complete")));

        const auto frames = sseFrames(sse.body);
        // The WebSocket also hears that the chat moved up the list; SSE follows the reply only.
        QList<QByteArray> replyOnWs;
        for (qsizetype i = 0; i < wsBytes.size(); ++i)
            if (ws.got[i].value("type").toString() != u"chat_updated")
                replyOnWs.append(wsBytes[i]);
        QCOMPARE(frames.size(), replyOnWs.size());
        QCOMPARE(frames.size(), 6); // message_created, stream_start, 3 tokens, stream_complete
        for (qsizetype i = 0; i < frames.size(); ++i) {
            QCOMPARE(frames[i].second, replyOnWs[i]);
            QCOMPARE(QJsonDocument::fromJson(frames[i].second).object().value("type").toString().toUtf8(), frames[i].first);
        }
    }
    void framesCarryTheirLengthInTheShortestForm()
    {
        for (const qsizetype size : {0, 125, 126, 65535, 65536}) {
            const QByteArray payload(size, 'x');
            const QByteArray frame = websocketframe::text(payload);
            QCOMPARE(quint8(frame[0]), quint8(0x81));
            const qsizetype header = size < 126 ? 2 : size <= 0xffff ? 4 : 10;
            QCOMPARE(frame.size(), header + size);
            QCOMPARE(frame.mid(header), payload);
            if (size < 126)
                QCOMPARE(qsizetype(quint8(frame[1])), size);
        }
    }
};

QTEST_GUILESS_MAIN(TestStreamEvents)
#include "tst_streamevents.moc"
