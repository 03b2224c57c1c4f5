// Token events are written without QJsonObject for speed; clients must still
// get exactly the bytes QJsonDocument would write, whatever the token holds.
#include "api/streamevents.h"
#include "api/websocketframe.h"

#include <QTest>

using namespace teehee;

class TestStreamEvents : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void tokenEventsMatchQJsonDocument_data()
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
    void tokenEventsMatchQJsonDocument()
    {
        QFETCH(QString, token);
        GenerationEvent e;
        e.type = GenerationEvent::Type::Token;
        e.messageId = QStringLiteral("6f629dae-5fb4-41d2-9f4b-1fdf8388c094");
        e.token = token;
        e.content = QStringLiteral("before\n") + token;
        for (const bool compact : {true, false})
            QCOMPARE(streamevents::eventText(e, compact), streamevents::compactText(streamevents::toJson(e, compact)));
    }
    void aReplyCutAtMaxReplyBytesSaysLength()
    {
        GenerationEvent e;
        e.type = GenerationEvent::Type::Failed;
        e.messageId = QStringLiteral("6f629dae-5fb4-41d2-9f4b-1fdf8388c094");
        e.error = QStringLiteral("too long");
        e.content = QStringLiteral("kept");
        QVERIFY(!streamevents::toJson(e).contains(QStringLiteral("finish_reason")));
        e.finishReason = QStringLiteral("length");
        const QJsonObject o = streamevents::toJson(e);
        QCOMPARE(o.value(QStringLiteral("type")).toString(), QStringLiteral("stream_error"));
        QCOMPARE(o.value(QStringLiteral("finish_reason")).toString(), QStringLiteral("length"));
        QCOMPARE(o.value(QStringLiteral("content")).toString(), QStringLiteral("kept"));
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
