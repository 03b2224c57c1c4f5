// SseParser: the WHATWG text/event-stream rules, fed in arbitrary fragments.
#include "providers/sseparser.h"

#include <QTest>

using teehee::SseEvent;
using teehee::SseParser;

namespace {

SseEvent ev(const QString &data, const QString &type = QStringLiteral("message"), const QString &id = {})
{
    SseEvent e;
    e.data = data;
    e.type = type;
    e.lastEventId = id;
    return e;
}

QList<SseEvent> parseWhole(const QByteArray &bytes)
{
    SseParser p;
    return p.feed(bytes);
}

QList<SseEvent> parseInPieces(const QList<QByteArray> &pieces)
{
    SseParser p;
    QList<SseEvent> out;
    for (const QByteArray &piece : pieces)
        p.feed(piece, out);
    p.finish();
    return out;
}

// Exercises every rule at once; used for the exhaustive split tests.
const QByteArray kSample =
    "\xEF\xBB\xBF"                                  // BOM
    ": keep-alive comment\r\n"
    "event: message_start\r\n"
    "data: {\"type\":\"message_start\"}\r\n"
    "\r\n"
    "id: 42\n"
    "data: first line\n"
    "data:second line, no space\n"
    "retry: 1500\n"
    "\n"
    "data: caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\r"  // é € 😀, lone CR line end
    "\r"
    "event: ping\r"
    "data\r"
    "\r"
    "unknown: ignored\n"
    "data:  two spaces\n"
    "\n"
    "data: [DONE]\n"
    "\n"
    "data: unterminated at end";

QList<SseEvent> sampleExpected()
{
    return {
        ev(QStringLiteral("{\"type\":\"message_start\"}"), QStringLiteral("message_start")),
        ev(QStringLiteral("first line\nsecond line, no space"), QStringLiteral("message"), QStringLiteral("42")),
        ev(QStringLiteral("caf\u00E9 \u20AC \U0001F600"), QStringLiteral("message"), QStringLiteral("42")),
        ev(QString(), QStringLiteral("ping"), QStringLiteral("42")),
        ev(QStringLiteral(" two spaces"), QStringLiteral("message"), QStringLiteral("42")),
        ev(QStringLiteral("[DONE]"), QStringLiteral("message"), QStringLiteral("42")),
    };
}

} // namespace

class TestSseParser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void dispatchesDataOnlyEventOnBlankLine()
    {
        SseParser p;
        QVERIFY(p.feed("data: hello\n").isEmpty()); // not yet: no blank line
        QCOMPARE(p.feed("\n"), QList<SseEvent>{ev(QStringLiteral("hello"))});
    }

    void namedEventCarriesItsTypeAndTypeResetsAfterDispatch()
    {
        const auto events = parseWhole("event: content_block_delta\ndata: x\n\ndata: y\n\n");
        QCOMPARE(events, (QList<SseEvent>{ev(QStringLiteral("x"), QStringLiteral("content_block_delta")),
                                          ev(QStringLiteral("y"))}));
    }

    void acceptsLfCrlfAndLoneCrLineEnds_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("LF") << QByteArray("event: e\ndata: a\ndata: b\n\n");
        QTest::newRow("CRLF") << QByteArray("event: e\r\ndata: a\r\ndata: b\r\n\r\n");
        QTest::newRow("CR") << QByteArray("event: e\rdata: a\rdata: b\r\r");
        QTest::newRow("mixed") << QByteArray("event: e\rdata: a\r\ndata: b\n\r");
    }
    void acceptsLfCrlfAndLoneCrLineEnds()
    {
        QFETCH(QByteArray, bytes);
        QCOMPARE(parseWhole(bytes), QList<SseEvent>{ev(QStringLiteral("a\nb"), QStringLiteral("e"))});
    }

    void crAtEndOfOneReadAndLfAtStartOfNextAreOneLineEnd()
    {
        // Were CR and LF two line ends, the LF would be a blank line and
        // dispatch "a" alone before "b" arrives.
        const auto events = parseInPieces({"data: a\r", "\ndata: b\r", "\n\r", "\n"});
        QCOMPARE(events, QList<SseEvent>{ev(QStringLiteral("a\nb"))});
    }

    void crAtEndOfReadFollowedByOtherTextIsALineEnd()
    {
        const auto events = parseInPieces({"data: a\r", "data: b\r", "\r"});
        QCOMPARE(events, QList<SseEvent>{ev(QStringLiteral("a\nb"))});
    }

    void emptyReadBetweenCrAndLfDoesNotBreakThePair()
    {
        const auto events = parseInPieces({"data: a\r", "", "\n", "\n"});
        QCOMPARE(events, QList<SseEvent>{ev(QStringLiteral("a"))});
    }

    void commentLinesAreIgnored()
    {
        const auto events = parseWhole(": OPENROUTER PROCESSING\n\n:\ndata: x\n: inside\n\n");
        QCOMPARE(events, QList<SseEvent>{ev(QStringLiteral("x"))});
    }

    void multiLineDataIsJoinedWithNewlines()
    {
        QCOMPARE(parseWhole("data: one\ndata: two\ndata: three\n\n"),
                 QList<SseEvent>{ev(QStringLiteral("one\ntwo\nthree"))});
    }

    void onlyOneLeadingSpaceIsStripped()
    {
        QCOMPARE(parseWhole("data:  x \n\n"), QList<SseEvent>{ev(QStringLiteral(" x "))});
        QCOMPARE(parseWhole("data:x\n\n"), QList<SseEvent>{ev(QStringLiteral("x"))});
    }

    void lineWithoutColonIsAFieldWithEmptyValue()
    {
        // "data" alone appends an empty line to the data buffer, so the event
        // is dispatched with empty data.
        QCOMPARE(parseWhole("data\n\n"), QList<SseEvent>{ev(QString())});
        QCOMPARE(parseWhole("data\ndata\n\n"), QList<SseEvent>{ev(QStringLiteral("\n"))});
    }

    void eventWithoutDataIsNotDispatched()
    {
        QVERIFY(parseWhole("event: ping\n\n").isEmpty());
        // ...and its type does not leak into the next event.
        QCOMPARE(parseWhole("event: ping\n\ndata: x\n\n"), QList<SseEvent>{ev(QStringLiteral("x"))});
    }

    void idPersistsAcrossEventsAndIsIgnoredWithNul()
    {
        SseParser p;
        const auto events = p.feed(QByteArray("id: 7\ndata: a\n\ndata: b\n\nid: 8") + QByteArray(1, '\0')
                                   + QByteArray("x\ndata: c\n\n"));
        QCOMPARE(events, (QList<SseEvent>{ev(QStringLiteral("a"), QStringLiteral("message"), QStringLiteral("7")),
                                          ev(QStringLiteral("b"), QStringLiteral("message"), QStringLiteral("7")),
                                          ev(QStringLiteral("c"), QStringLiteral("message"), QStringLiteral("7"))}));
        QCOMPARE(p.lastEventId(), QStringLiteral("7"));
    }

    void retryAcceptsOnlyAsciiDigits()
    {
        SseParser p;
        QCOMPARE(p.reconnectionTimeMs(), -1);
        p.feed("retry: 2500\n\n");
        QCOMPARE(p.reconnectionTimeMs(), 2500);
        p.feed("retry: 12a\nretry: -5\nretry:\n\n");
        QCOMPARE(p.reconnectionTimeMs(), 2500);
    }

    void unknownFieldsAreIgnored()
    {
        QCOMPARE(parseWhole("foo: bar\ndata: x\nDATA: y\n\n"), QList<SseEvent>{ev(QStringLiteral("x"))});
    }

    void leadingBomIsStripped()
    {
        QCOMPARE(parseWhole("\xEF\xBB\xBF" "data: x\n\n"), QList<SseEvent>{ev(QStringLiteral("x"))});
    }

    void bomSplitAcrossReadsIsStillStripped()
    {
        QCOMPARE(parseInPieces({"\xEF", "\xBB", "\xBF" "da", "ta: x\n\n"}), QList<SseEvent>{ev(QStringLiteral("x"))});
    }

    void bomIsOnlyStrippedAtStreamStart()
    {
        // A BOM later on is part of the field name, which is then unknown.
        QCOMPARE(parseWhole("data: a\n\n\xEF\xBB\xBF" "data: b\n\n"), QList<SseEvent>{ev(QStringLiteral("a"))});
    }

    void multiByteCharacterSplitAcrossReadsArrivesIntact()
    {
        const QByteArray bytes = "data: \xF0\x9F\x98\x80 \xC3\xA9\n\n";
        for (qsizetype cut = 6; cut < 13; ++cut) {
            const auto events = parseInPieces({bytes.first(cut), bytes.sliced(cut)});
            QCOMPARE(events, QList<SseEvent>{ev(QStringLiteral("\U0001F600 \u00E9"))});
        }
    }

    void unterminatedLastEventIsDiscarded()
    {
        SseParser p;
        QCOMPARE(p.feed("data: complete\n\ndata: half\n"), QList<SseEvent>{ev(QStringLiteral("complete"))});
        QVERIFY(p.finish()); // reports that something was dropped
        QVERIFY(p.feed("\n").isEmpty()); // the pending data is really gone
    }

    void finishOnCleanBoundaryDropsNothing()
    {
        SseParser p;
        p.feed("data: x\n\n");
        QVERIFY(!p.finish());
    }

    void sampleStreamInOneRead()
    {
        QCOMPARE(parseInPieces({kSample}), sampleExpected());
    }

    void sampleStreamByteByByte()
    {
        QList<QByteArray> pieces;
        for (char c : kSample)
            pieces.append(QByteArray(1, c));
        QCOMPARE(parseInPieces(pieces), sampleExpected());
    }

    void sampleStreamAtEveryTwoWaySplit()
    {
        const auto expected = sampleExpected();
        for (qsizetype cut = 0; cut <= kSample.size(); ++cut) {
            const auto got = parseInPieces({kSample.first(cut), kSample.sliced(cut)});
            if (got != expected)
                QFAIL(qPrintable(QStringLiteral("split at byte %1 gave %2 events").arg(cut).arg(got.size())));
        }
    }

    void sampleStreamAtEveryThreeWaySplit()
    {
        const auto expected = sampleExpected();
        for (qsizetype a = 0; a <= kSample.size(); ++a) {
            for (qsizetype b = a; b <= kSample.size(); ++b) {
                const auto got = parseInPieces({kSample.first(a), kSample.sliced(a, b - a), kSample.sliced(b)});
                if (got != expected)
                    QFAIL(qPrintable(QStringLiteral("split at %1/%2 gave %3 events").arg(a).arg(b).arg(got.size())));
            }
        }
    }

    void resetStartsAFreshStream()
    {
        SseParser p;
        p.feed("id: 1\ndata: half");
        p.reset();
        QCOMPARE(p.feed("\xEF\xBB\xBF" "data: x\n\n"), QList<SseEvent>{ev(QStringLiteral("x"))});
    }
};

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
