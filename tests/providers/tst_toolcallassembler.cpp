// ToolCallAssembler on its own: fragments, limits and odd servers.
#include "providers/toolcallassembler.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace teehee;

namespace {

QJsonObject fragment(int index, const QString &id, const QString &name, const QJsonValue &arguments)
{
    QJsonObject function;
    if (!name.isEmpty())
        function.insert(QStringLiteral("name"), name);
    if (!arguments.isUndefined())
        function.insert(QStringLiteral("arguments"), arguments);
    QJsonObject entry{{QStringLiteral("function"), function}};
    if (index >= 0)
        entry.insert(QStringLiteral("index"), index);
    if (!id.isEmpty())
        entry.insert(QStringLiteral("id"), id);
    return entry;
}

} // namespace

class TestToolCallAssembler : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void argumentsOverOneMebibyteAreRefusedNotKept()
    {
        ToolCallAssembler a;
        a.begin(0, QStringLiteral("toolu_big"), QStringLiteral("write_file"));
        a.appendArguments(0, u"{\"text\":\"");
        const QString chunk(64 * 1024, u'x');
        for (int i = 0; i < 20; ++i) // 1.25 MiB in all
            a.appendArguments(0, chunk);
        a.appendArguments(0, u"\"}");
        const QList<ToolCall> calls = a.finish(false);
        QCOMPARE(calls.size(), 1);
        QVERIFY2(calls[0].argumentsError.contains(QStringLiteral("larger than 1 MiB")), qPrintable(calls[0].argumentsError));
        QVERIFY(calls[0].rawArguments.size() <= ToolCallAssembler::kMaxArgumentBytes);
        QCOMPARE(calls[0].arguments, QJsonObject());
    }

    void argumentsJustUnderTheLimitAreKept()
    {
        ToolCallAssembler a;
        a.begin(0, QStringLiteral("toolu_1"), QStringLiteral("write_file"));
        const QString text(ToolCallAssembler::kMaxArgumentBytes - 20, u'y');
        a.appendArguments(0, u"{\"text\":\"");
        a.appendArguments(0, text);
        a.appendArguments(0, u"\"}");
        const QList<ToolCall> calls = a.finish(false);
        QCOMPARE(calls[0].argumentsError, QString());
        QCOMPARE(calls[0].arguments.value(QLatin1String("text")).toString().size(), text.size());
    }

    void atMostSixtyFourCalls()
    {
        ToolCallAssembler a;
        for (int i = 0; i < 70; ++i)
            a.addChatCompletionsFragment(fragment(i, QStringLiteral("call_%1").arg(i), QStringLiteral("get_time"), QStringLiteral("{}")), 0);
        const QList<ToolCall> calls = a.finish(false);
        QCOMPARE(calls.size(), ToolCallAssembler::kMaxCalls);
        QCOMPARE(calls.last().id, QStringLiteral("call_63"));
    }

    void entriesWithoutIndexUseTheirPlace()
    {
        ToolCallAssembler a;
        a.addChatCompletionsFragment(fragment(-1, QStringLiteral("c1"), QStringLiteral("a"), QStringLiteral("{\"x\":")), 0);
        a.addChatCompletionsFragment(fragment(-1, QStringLiteral("c2"), QStringLiteral("b"), QStringLiteral("{}")), 1);
        a.addChatCompletionsFragment(fragment(-1, QString(), QString(), QStringLiteral("1}")), 0);
        const QList<ToolCall> calls = a.finish(false);
        QCOMPARE(calls.size(), 2);
        QCOMPARE(calls[0].arguments, (QJsonObject{{QStringLiteral("x"), 1}}));
        QCOMPARE(calls[1].name, QStringLiteral("b"));
    }

    void argumentsAsAnObjectAreTaken()
    {
        ToolCallAssembler a;
        a.addChatCompletionsFragment(fragment(0, QStringLiteral("c1"), QStringLiteral("a"),
                                              QJsonObject{{QStringLiteral("city"), QStringLiteral("Paris")}}), 0);
        const QList<ToolCall> calls = a.finish(false);
        QCOMPARE(calls[0].arguments, (QJsonObject{{QStringLiteral("city"), QStringLiteral("Paris")}}));
        QCOMPARE(calls[0].rawArguments, QStringLiteral("{\"city\":\"Paris\"}"));
    }

    void missingIdAndNameAreHandled()
    {
        ToolCallAssembler a;
        a.addChatCompletionsFragment(fragment(0, QString(), QString(), QStringLiteral("{}")), 0);
        a.addChatCompletionsFragment(fragment(1, QString(), QStringLiteral("get_time"), QString()), 1);
        const QList<ToolCall> calls = a.finish(false);
        QCOMPARE(calls.size(), 2);
        QVERIFY(calls[0].id.startsWith(QLatin1String("call_")));
        QVERIFY(calls[0].id != calls[1].id);
        QVERIFY(calls[0].argumentsError.contains(QStringLiteral("names no tool")));
        QCOMPARE(calls[1].argumentsError, QString()); // empty arguments: an empty object
        QCOMPARE(calls[1].arguments, QJsonObject());
    }

    void aCharacterSplitBetweenFragmentsJoinsAgain()
    {
        ToolCallAssembler a;
        a.begin(0, QStringLiteral("toolu_1"), QStringLiteral("say"));
        const QString text = QStringLiteral("{\"t\":\"😀\"}");
        const qsizetype cut = text.indexOf(QChar(0xD83D)) + 1; // between the two halves of the pair
        QVERIFY(cut > 0);
        a.appendArguments(0, QStringView(text).left(cut));
        a.appendArguments(0, QStringView(text).mid(cut));
        const QList<ToolCall> calls = a.finish(false);
        QCOMPARE(calls[0].argumentsError, QString());
        QCOMPARE(calls[0].arguments.value(QLatin1String("t")).toString(), QStringLiteral("😀"));
    }

    void resetForgetsEverything()
    {
        ToolCallAssembler a;
        a.begin(0, QStringLiteral("toolu_1"), QStringLiteral("x"));
        QVERIFY(!a.isEmpty());
        a.reset();
        QVERIFY(a.isEmpty());
        QVERIFY(a.finish(false).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestToolCallAssembler)
#include "tst_toolcallassembler.moc"
