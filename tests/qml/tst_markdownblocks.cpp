#include "models/markdownblocks.h"

#include <QtTest>

using Kind = MarkdownBlocks::Kind;

class TestMarkdownBlocks : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void plainTextIsOneBlock()
    {
        const auto blocks = MarkdownBlocks::split(QStringLiteral("# Title\n\nSome *text* with `code`.\n- a\n- b"));
        QCOMPARE(blocks.size(), 1);
        QCOMPARE(blocks[0].kind, Kind::Text);
        QVERIFY(blocks[0].text.startsWith(QLatin1String("# Title")));
    }
    void fencedCodeGetsItsOwnBlock()
    {
        const auto blocks = MarkdownBlocks::split(QStringLiteral("Before\n\n```python\nprint('hi')\n  x = 1\n```\n\nAfter"));
        QCOMPARE(blocks.size(), 3);
        QCOMPARE(blocks[0].text, QStringLiteral("Before"));
        QCOMPARE(blocks[1].kind, Kind::Code);
        QCOMPARE(blocks[1].language, QStringLiteral("python"));
        QCOMPARE(blocks[1].text, QStringLiteral("print('hi')\n  x = 1"));
        QVERIFY(blocks[1].closed);
        QCOMPARE(blocks[2].text, QStringLiteral("After"));
    }
    void tildeFenceAndLongerClosingFence()
    {
        const auto blocks = MarkdownBlocks::split(QStringLiteral("~~~\na ``` b\n```\n~~~~\nend"));
        QCOMPARE(blocks.size(), 2);
        QCOMPARE(blocks[0].kind, Kind::Code);
        QCOMPARE(blocks[0].text, QStringLiteral("a ``` b\n```"));
        QCOMPARE(blocks[0].language, QString());
        QCOMPARE(blocks[1].text, QStringLiteral("end"));
    }
    void unclosedFenceWhileStreamingIsOpenCode()
    {
        const auto blocks = MarkdownBlocks::split(QStringLiteral("Here:\n```cpp\nint main() {"));
        QCOMPARE(blocks.size(), 2);
        QCOMPARE(blocks[1].kind, Kind::Code);
        QVERIFY(!blocks[1].closed);
        QCOMPARE(blocks[1].text, QStringLiteral("int main() {"));
    }
    void shortFenceIsText()
    {
        const auto blocks = MarkdownBlocks::split(QStringLiteral("``not a fence``\n    ````indented too far"));
        QCOMPARE(blocks.size(), 1);
        QCOMPARE(blocks[0].kind, Kind::Text);
    }
    void tableBecomesRows()
    {
        const auto blocks = MarkdownBlocks::split(QStringLiteral("Intro\n| a | b |\n|---|:---:|\n| 1 | 2 |\n| 3 | 4 |\nOutro"));
        QCOMPARE(blocks.size(), 3);
        QCOMPARE(blocks[1].kind, Kind::Table);
        QCOMPARE(blocks[1].rows.size(), 3);
        QCOMPARE(blocks[1].rows[0], (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(blocks[1].rows[2], (QStringList{QStringLiteral("3"), QStringLiteral("4")}));
        QCOMPARE(blocks[2].text, QStringLiteral("Outro"));
    }
    void pipeLineWithoutSeparatorIsText()
    {
        const auto blocks = MarkdownBlocks::split(QStringLiteral("| just a pipe\nnext"));
        QCOMPARE(blocks.size(), 1);
        QCOMPARE(blocks[0].kind, Kind::Text);
    }
    void emptyInputHasNoBlocks()
    {
        QVERIFY(MarkdownBlocks::split(QString()).isEmpty());
        QVERIFY(MarkdownBlocks::split(QStringLiteral("\n\n")).isEmpty());
    }
    void variantFormForQml()
    {
        const auto v = MarkdownBlocks::toVariant(MarkdownBlocks::split(QStringLiteral("```js\nx\n```")));
        QCOMPARE(v.size(), 1);
        const auto m = v[0].toMap();
        QCOMPARE(m.value(QStringLiteral("kind")).toString(), QStringLiteral("code"));
        QCOMPARE(m.value(QStringLiteral("language")).toString(), QStringLiteral("js"));
        QCOMPARE(m.value(QStringLiteral("text")).toString(), QStringLiteral("x"));
    }
};

QTEST_GUILESS_MAIN(TestMarkdownBlocks)
#include "tst_markdownblocks.moc"
