// CodeSyntax finds keywords, strings, comments and numbers line by line,
// carrying block comments and triple-quoted strings across lines; the
// highlighter colours a real QTextDocument with the colours it is given.
#include "codehighlighter.h"

#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QtTest>

using Kind = CodeSyntax::Kind;

namespace {

// "kind:text" for each span, in order: easy to read in a failure.
QStringList spans(const QString &line, const QString &language, int *state)
{
    QStringList out;
    const char *names[] = {"kw", "str", "com", "num"};
    for (const CodeSyntax::Span &s : CodeSyntax::line(line, language, state))
        out << QStringLiteral("%1:%2").arg(QLatin1String(names[int(s.kind)]), line.mid(s.start, s.length));
    return out;
}
QStringList spans(const QString &line, const QString &language)
{
    int state = 0;
    return spans(line, language, &state);
}

// Counts the lines it colours, to see how often a document is coloured.
class CountingHighlighter : public CodeHighlighter {
public:
    int lines = 0;
    void begin() { classBegin(); }
    void complete() { componentComplete(); }

protected:
    void highlightBlock(const QString &text) override
    {
        ++lines;
        CodeHighlighter::highlightBlock(text);
    }
};

} // namespace

class TstCodeHighlighter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cFamily()
    {
        QCOMPARE(spans(QStringLiteral("int main() { return 42; } // done"), QStringLiteral("cpp")),
                 (QStringList{"kw:int", "kw:return", "num:42", "com:// done"}));
        QCOMPARE(spans(QStringLiteral("#include <vector>"), QStringLiteral("c++")), (QStringList{"kw:#include"}));
        QCOMPARE(spans(QStringLiteral("const s = \"a \\\"quoted\\\" word\"; let t = `x`"), QStringLiteral("JavaScript")),
                 (QStringList{"kw:const", "str:\"a \\\"quoted\\\" word\"", "kw:let", "str:`x`"}));
        // Keywords only as whole words.
        QCOMPARE(spans(QStringLiteral("integer returned x1"), QStringLiteral("c")), QStringList{});
    }

    void blockCommentsCarryAcrossLines()
    {
        int state = 0;
        QCOMPARE(spans(QStringLiteral("x = 1; /* start"), QStringLiteral("java"), &state), (QStringList{"num:1", "com:/* start"}));
        QVERIFY(state != 0);
        QCOMPARE(spans(QStringLiteral("still int comment"), QStringLiteral("java"), &state), (QStringList{"com:still int comment"}));
        QCOMPARE(spans(QStringLiteral("end */ int y;"), QStringLiteral("java"), &state), (QStringList{"com:end */", "kw:int"}));
        QCOMPARE(state, 0);
    }

    void pythonShellSqlJson()
    {
        QCOMPARE(spans(QStringLiteral("def f(x): return 'a' # note"), QStringLiteral("python")),
                 (QStringList{"kw:def", "kw:return", "str:'a'", "com:# note"}));
        int state = 0;
        QCOMPARE(spans(QStringLiteral("doc = \"\"\"first"), QStringLiteral("py"), &state), (QStringList{"str:\"\"\"first"}));
        QCOMPARE(spans(QStringLiteral("end\"\"\" if True"), QStringLiteral("py"), &state), (QStringList{"str:end\"\"\"", "kw:if", "kw:True"}));
        QCOMPARE(state, 0);
        QCOMPARE(spans(QStringLiteral("for f in *.txt; do echo \"$f\"; done"), QStringLiteral("bash")),
                 (QStringList{"kw:for", "kw:in", "kw:do", "kw:echo", "str:\"$f\"", "kw:done"}));
        QCOMPARE(spans(QStringLiteral("SELECT id FROM t WHERE n > 3 -- why"), QStringLiteral("sql")),
                 (QStringList{"kw:SELECT", "kw:FROM", "kw:WHERE", "num:3", "com:-- why"}));
        QCOMPARE(spans(QStringLiteral("{\"a\": 1.5, \"b\": true}"), QStringLiteral("json")),
                 (QStringList{"str:\"a\"", "num:1.5", "str:\"b\"", "kw:true"}));
    }

    void unknownLanguagesGetStringsAndNumbersOnly()
    {
        QVERIFY(!CodeSyntax::knows(QStringLiteral("brainfudge")));
        QVERIFY(CodeSyntax::knows(QStringLiteral("Python")));
        QCOMPARE(spans(QStringLiteral("if x == \"y\" then 10 # maybe"), QString()), (QStringList{"str:\"y\"", "num:10"}));
        // An apostrophe in a word opens no string.
        QCOMPARE(spans(QStringLiteral("don't stop 2"), QString()), (QStringList{"num:2"}));
        // An unclosed string ends with the line.
        QCOMPARE(spans(QStringLiteral("x = \"open"), QStringLiteral("go")), (QStringList{"str:\"open"}));
    }

    void coloursARealDocument()
    {
        QTextDocument doc;
        doc.setPlainText(QStringLiteral("int x = 7; // seven\n/* a\nb */ return \"s\";"));
        CodeHighlighter h;
        h.setKeywordColor(QColor(QStringLiteral("#aa0000")));
        h.setStringColor(QColor(QStringLiteral("#00aa00")));
        h.setCommentColor(QColor(QStringLiteral("#0000aa")));
        h.setNumberColor(QColor(QStringLiteral("#aaaa00")));
        h.setLanguage(QStringLiteral("cpp"));
        h.setDocument(&doc);
        h.rehighlight(); // setDocument highlights at the next event loop turn

        auto colourAt = [&](int blockNumber, int position) -> QColor {
            const QTextBlock block = doc.findBlockByNumber(blockNumber);
            for (const QTextLayout::FormatRange &r : block.layout()->formats())
                if (position >= r.start && position < r.start + r.length && r.format.hasProperty(QTextFormat::ForegroundBrush))
                    return r.format.foreground().color();
            return {};
        };
        QCOMPARE(colourAt(0, 0), QColor(QStringLiteral("#aa0000")));  // int
        QCOMPARE(colourAt(0, 8), QColor(QStringLiteral("#aaaa00")));  // 7
        QCOMPARE(colourAt(0, 12), QColor(QStringLiteral("#0000aa"))); // // seven
        QCOMPARE(colourAt(0, 4), QColor());                           // x: plain
        QCOMPARE(colourAt(1, 0), QColor(QStringLiteral("#0000aa")));  // /* a
        QCOMPARE(colourAt(2, 0), QColor(QStringLiteral("#0000aa")));  // b */
        QCOMPARE(colourAt(2, 5), QColor(QStringLiteral("#aa0000")));  // return
        QCOMPARE(colourAt(2, 12), QColor(QStringLiteral("#00aa00"))); // "s"

        // A theme switch recolours at once.
        h.setKeywordColor(QColor(QStringLiteral("#ff00ff")));
        QCOMPARE(colourAt(0, 0), QColor(QStringLiteral("#ff00ff")));
        // No language: keywords stay plain.
        h.setLanguage(QString());
        QCOMPARE(colourAt(0, 0), QColor());
        QCOMPARE(colourAt(0, 8), QColor(QStringLiteral("#aaaa00")));
    }

    // Made by QML, it is given a document, a language and four colours one
    // after the other: it colours once, when all of them are there.
    void coloursOnceWhenQmlHasSetEverything()
    {
        QQmlEngine engine;
        QQmlComponent component(&engine);
        component.setData("import QtQuick\nTextEdit { text: \"int a = 1;\\nint b = 2;\\nint c = 3;\" }", QUrl());
        std::unique_ptr<QObject> edit(component.create());
        QVERIFY2(edit, qPrintable(component.errorString()));
        auto *document = edit->property("textDocument").value<QQuickTextDocument *>();
        QVERIFY(document);

        CountingHighlighter h;
        h.begin();
        h.setQuickDocument(document);
        h.setLanguage(QStringLiteral("cpp"));
        h.setKeywordColor(QColor(QStringLiteral("#aa0000")));
        h.setStringColor(QColor(QStringLiteral("#00aa00")));
        h.setCommentColor(QColor(QStringLiteral("#0000aa")));
        h.setNumberColor(QColor(QStringLiteral("#aaaa00")));
        QCOMPARE(h.lines, 0);
        h.complete();
        QCOMPARE(h.lines, 3); // three lines, each coloured once, and at once
        QCoreApplication::processEvents();
        QCOMPARE(h.lines, 3); // nothing left over for the next turn of the event loop
        const QTextBlock first = document->textDocument()->firstBlock();
        QVERIFY(!first.layout()->formats().isEmpty());

        // After that, a theme switch colours again, at once.
        h.setKeywordColor(QColor(QStringLiteral("#ff00ff")));
        QCOMPARE(h.lines, 6);
    }
};

QTEST_MAIN(TstCodeHighlighter)
#include "tst_codehighlighter.moc"
