// NdjsonParser: newline-delimited JSON lines, whatever the read boundaries.
#include "providers/ndjsonparser.h"

#include <QTest>

using teehee::NdjsonParser;

class TestNdjsonParser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void splitsOnLineFeeds()
    {
        NdjsonParser p;
        QCOMPARE(p.feed("{\"a\":1}\n{\"b\":2}\n"), (QList<QByteArray>{"{\"a\":1}", "{\"b\":2}"}));
    }

    void stripsCrOfCrlf()
    {
        NdjsonParser p;
        QCOMPARE(p.feed("{\"a\":1}\r\n"), QList<QByteArray>{"{\"a\":1}"});
    }

    void skipsBlankLines()
    {
        NdjsonParser p;
        QCOMPARE(p.feed("\n  \n{}\n\r\n"), QList<QByteArray>{"{}"});
    }

    void joinsLinesSplitAcrossReadsAtEveryPoint()
    {
        const QByteArray bytes = "{\"message\":{\"content\":\"h\xC3\xA9\"}}\n{\"done\":true}\n";
        for (qsizetype cut = 0; cut <= bytes.size(); ++cut) {
            NdjsonParser p;
            QList<QByteArray> lines;
            p.feed(bytes.first(cut), lines);
            p.feed(bytes.sliced(cut), lines);
            QCOMPARE(lines, (QList<QByteArray>{"{\"message\":{\"content\":\"h\xC3\xA9\"}}", "{\"done\":true}"}));
        }
    }

    void finishReturnsAnUnterminatedLastLine()
    {
        NdjsonParser p;
        QCOMPARE(p.feed("{\"a\":1}\n{\"done\":tr"), QList<QByteArray>{"{\"a\":1}"});
        p.feed("ue}");
        QCOMPARE(p.finish(), QByteArray("{\"done\":true}"));
        QCOMPARE(p.finish(), QByteArray());
    }
};

QTEST_GUILESS_MAIN(TestNdjsonParser)
#include "tst_ndjsonparser.moc"
