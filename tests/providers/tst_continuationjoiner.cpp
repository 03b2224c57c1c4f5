// ContinuationJoiner: partial answer + continuation = one seamless text.
#include "providers/continuationjoiner.h"

#include <QTest>

using teehee::ContinuationJoiner;

namespace {

// Feeds `pieces` and returns partial + everything the joiner let through.
QString join(const QString &partial, ContinuationJoiner::Options options, const QStringList &pieces)
{
    ContinuationJoiner joiner(partial, options);
    QString out = partial;
    for (const QString &p : pieces)
        out += joiner.push(p);
    return out + joiner.finish();
}

const ContinuationJoiner::Options kPrefill{.mayEcho = false, .mayRepeatTail = false};
const ContinuationJoiner::Options kEcho{.mayEcho = true, .mayRepeatTail = false};
const ContinuationJoiner::Options kUserTurn{.mayEcho = false, .mayRepeatTail = true};
const ContinuationJoiner::Options kAuto{.mayEcho = true, .mayRepeatTail = true};

} // namespace

class TestContinuationJoiner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void withoutPartialTextEverythingPassesThroughAtOnce()
    {
        ContinuationJoiner joiner;
        QCOMPARE(joiner.push(QStringLiteral("Hello")), QStringLiteral("Hello"));
        QVERIFY(!joiner.isDeciding());
    }

    void prefillContinuationIsAppendedAsIs()
    {
        QCOMPARE(join(QStringLiteral("The quick brown"), kPrefill, {QStringLiteral(" fox"), QStringLiteral(" jumps.")}),
                 QStringLiteral("The quick brown fox jumps."));
    }

    void prefillDoesNotDoubleTheTrimmedTrailingSpace()
    {
        // Anthropic got "The quick" (trailing space trimmed) and answers " brown".
        QCOMPARE(join(QStringLiteral("The quick "), kPrefill, {QStringLiteral(" "), QStringLiteral("brown fox")}),
                 QStringLiteral("The quick brown fox"));
        QCOMPARE(join(QStringLiteral("The quick "), kPrefill, {QStringLiteral(" brown")}), QStringLiteral("The quick brown"));
    }

    void prefillKeepsAParagraphBreakAfterATrimmedNewline()
    {
        QCOMPARE(join(QStringLiteral("Intro.\n"), kPrefill, {QStringLiteral("\n\nNext")}), QStringLiteral("Intro.\n\nNext"));
    }

    void mistralEchoOfThePrefixIsStripped()
    {
        QCOMPARE(join(QStringLiteral("Once upon a"), kEcho,
                      {QStringLiteral("Once"), QStringLiteral(" upon"), QStringLiteral(" a"), QStringLiteral(" time")}),
                 QStringLiteral("Once upon a time"));
    }

    void echoInOneDeltaTogetherWithNewTextIsStripped()
    {
        QCOMPARE(join(QStringLiteral("Once upon a"), kEcho, {QStringLiteral("Once upon a time")}),
                 QStringLiteral("Once upon a time"));
    }

    void replyWithoutEchoIsKeptWhole()
    {
        QCOMPARE(join(QStringLiteral("Once upon a"), kEcho, {QStringLiteral(" time"), QStringLiteral(" there")}),
                 QStringLiteral("Once upon a time there"));
    }

    void echoWaitsOnlyWhileTheReplyCouldStillBeTheEcho()
    {
        ContinuationJoiner joiner(QStringLiteral("Once upon a"), kEcho);
        QCOMPARE(joiner.push(QStringLiteral("Once")), QString()); // could be the echo
        QCOMPARE(joiner.push(QStringLiteral(" more")), QStringLiteral("Once more")); // it is not
    }

    void repeatedTailAfterUserTurnContinueIsRemoved()
    {
        QCOMPARE(join(QStringLiteral("It was the best of times, it was the"), kUserTurn,
                      {QStringLiteral("it was the"), QStringLiteral(" worst of times.")}),
                 QStringLiteral("It was the best of times, it was the worst of times."));
    }

    void repeatedHalfWordIsCompletedNotDoubled()
    {
        QCOMPARE(join(QStringLiteral("This is won"), kUserTurn, {QStringLiteral("wonderful")}),
                 QStringLiteral("This is wonderful"));
    }

    void continuationThatRepeatsNothingIsKeptWhole()
    {
        QCOMPARE(join(QStringLiteral("Lists: apples,"), kUserTurn, {QStringLiteral(" pears"), QStringLiteral(" and plums.")}),
                 QStringLiteral("Lists: apples, pears and plums."));
    }

    void shortMatchInsideAWordIsNotTakenForARepeat()
    {
        // "ing" ends "eating", but there it is the middle of a word: the reply is new text.
        QCOMPARE(join(QStringLiteral("She was eating"), kUserTurn, {QStringLiteral("ingredients")}),
                 QStringLiteral("She was eatingingredients"));
    }

    void autoModeHandlesEchoAndRepeats()
    {
        QCOMPARE(join(QStringLiteral("Say hello"), kAuto, {QStringLiteral("Say hello"), QStringLiteral(" world")}),
                 QStringLiteral("Say hello world"));
        QCOMPARE(join(QStringLiteral("Say hello"), kAuto, {QStringLiteral("hello world")}),
                 QStringLiteral("Say hello world"));
    }

    void streamEndingWhileDecidingFlushesTheHeldText()
    {
        QCOMPARE(join(QStringLiteral("Once upon a"), kEcho, {QStringLiteral("Once up")}), QStringLiteral("Once upon a"));
        QCOMPARE(join(QStringLiteral("The end "), kPrefill, {QStringLiteral(" ")}), QStringLiteral("The end "));
    }
};

QTEST_GUILESS_MAIN(TestContinuationJoiner)
#include "tst_continuationjoiner.moc"
