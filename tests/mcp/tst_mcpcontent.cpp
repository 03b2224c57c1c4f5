#include "mcp/mcpcontent.h"
#include "mcp/mcplog.h"

#include <QJsonArray>
#include <QTest>

using namespace teehee;

class TestMcpContent : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void shortTextIsKept()
    {
        bool cut = true;
        QCOMPARE(cutToUtf8Bytes(QStringLiteral("héllo"), 100, &cut), QStringLiteral("héllo"));
        QVERIFY(!cut);
    }

    void cutFallsOnCharacterBoundary_data()
    {
        QTest::addColumn<QString>("unit");
        QTest::newRow("2-byte") << QStringLiteral("é");
        QTest::newRow("3-byte") << QStringLiteral("€");
        QTest::newRow("4-byte") << QStringLiteral("😀");
    }

    void cutFallsOnCharacterBoundary()
    {
        QFETCH(QString, unit);
        for (qsizetype limit = 60; limit < 70; ++limit) {
            const QString text = unit.repeated(100);
            bool cut = false;
            const QString out = cutToUtf8Bytes(text, limit, &cut);
            QVERIFY(cut);
            const QByteArray utf8 = out.toUtf8();
            QVERIFY2(utf8.size() <= limit, qPrintable(QString::number(utf8.size())));
            // Round trip: no replacement character, so nothing was split.
            QVERIFY(!out.contains(QChar::ReplacementCharacter));
            const qsizetype marker = out.indexOf(QStringLiteral("\n[output cut:"));
            QVERIFY(marker >= 0);
            QVERIFY(out.left(marker) == unit.repeated(marker / unit.size()));
            QVERIFY(out.contains(QString::number(text.toUtf8().size())));
        }
    }

    void resultPartsAreJoinedAndDescribed()
    {
        const QJsonArray content{
            QJsonObject{{"type", "text"}, {"text", "one"}},
            QJsonObject{{"type", "image"}, {"data", "AAAA"}, {"mimeType", "image/png"}},
            QJsonObject{{"type", "audio"}, {"data", "AAAA"}, {"mimeType", "audio/wav"}},
            QJsonObject{{"type", "resource_link"}, {"uri", "file:///a.txt"}},
            QJsonObject{{"type", "resource"}, {"resource", QJsonObject{{"uri", "file:///b"}, {"text", "inside"}}}},
            QJsonObject{{"type", "text"}, {"text", "two"}},
        };
        const McpCallResult r = callResultFromJson({{"content", content}, {"isError", true}});
        QCOMPARE(r.status, McpCallResult::Status::Ok);
        QVERIFY(r.isError);
        QCOMPARE(r.content, QStringLiteral("one\n[image: image/png]\n[audio: audio/wav]\n[resource link: file:///a.txt]\n"
                                           "[resource: file:///b]\ninside\ntwo"));
    }

    void structuredContentWithoutContent()
    {
        const McpCallResult r = callResultFromJson({{"structuredContent", QJsonObject{{"t", 22}}}});
        QCOMPARE(r.content, QStringLiteral("{\"t\":22}"));
        QVERIFY(!r.isError);
    }

    void bigResultIsCut()
    {
        const QString big = QStringLiteral("€").repeated(40000); // 120000 bytes
        const McpCallResult r = callResultFromJson({{"content", QJsonArray{QJsonObject{{"type", "text"}, {"text", big}}}}});
        QVERIFY(r.truncated);
        QVERIFY(r.content.toUtf8().size() <= McpCallResult::kMaxContentBytes);
        QVERIFY(r.content.toUtf8().size() > McpCallResult::kMaxContentBytes - 64);
        QVERIFY(!r.content.contains(QChar::ReplacementCharacter));
    }

    void logRedactsAndEscapes()
    {
        McpLog log;
        log.setSecrets({QStringLiteral("s3cr3t-value"), QStringLiteral("Bearer tok-12345"), QStringLiteral("ab")});
        log.appendOutput("key=s3cr3t-value ok\nauth tok-12345 \x1b[31mred\x1b[0m\npartial ");
        log.appendOutput("line ab\n");
        const QStringList lines = log.lines();
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.at(0), QStringLiteral("key=[redacted] ok"));
        QCOMPARE(lines.at(1), QStringLiteral("auth [redacted] \\x1b[31mred\\x1b[0m"));
        QCOMPARE(lines.at(2), QStringLiteral("partial line ab")); // too short to be a secret
    }

    void secretAcrossForcedCutIsRedacted()
    {
        McpLog log;
        const QByteArray secret = "TOPSECRETVALUE";
        log.setSecrets({QString::fromLatin1(secret)});
        // No newline: the line is kept in pieces, and one piece boundary falls inside the secret.
        QByteArray text(McpLog::kMaxLineBytes - 5, 'a');
        text += secret + QByteArray(100, 'b') + '\n';
        for (qsizetype i = 0; i < text.size(); i += 1000)
            log.appendOutput(QByteArrayView(text).sliced(i, qMin<qsizetype>(1000, text.size() - i)));
        const QString all = log.lines().join(QLatin1Char('|'));
        QVERIFY(!all.contains(QStringLiteral("TOPSECRET")));
        QVERIFY(!all.contains(QStringLiteral("VALUE")));
        QVERIFY(!all.contains(QStringLiteral("SECRET")));
        QVERIFY(all.contains(QStringLiteral("[redacted]")));
    }

    void longNoteIsCut()
    {
        McpLog log;
        log.setSecrets({QStringLiteral("hidden-secret")});
        log.appendNote(QStringLiteral("first"));
        log.appendNote(QStringLiteral("x").repeated(200'000) + QStringLiteral("hidden-secret"));
        QCOMPARE(log.lines().size(), 2);
        QCOMPARE(log.lines().first(), QStringLiteral("first"));
        QVERIFY(log.lines().last().toUtf8().size() <= McpLog::kMaxLineBytes + 1); // the escaped newline of the marker
        QVERIFY(!log.lines().last().contains(QStringLiteral("hidden")));
    }

    void logIsBounded()
    {
        McpLog log;
        for (int i = 0; i < 5000; ++i)
            log.appendOutput(QByteArray("line number ") + QByteArray::number(i) + QByteArray(40, '.') + '\n');
        qsizetype bytes = 0;
        for (const QString &l : log.lines())
            bytes += l.toUtf8().size() + 1;
        QVERIFY(bytes <= McpLog::kMaxBytes);
        QVERIFY(bytes > McpLog::kMaxBytes - 200);
        QVERIFY(log.lines().constLast().startsWith(QStringLiteral("line number 4999")));
    }
};

QTEST_GUILESS_MAIN(TestMcpContent)
#include "tst_mcpcontent.moc"
