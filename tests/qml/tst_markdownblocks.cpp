#include "models/blocklistmodel.h"
#include "models/markdownblocks.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using Kind = MarkdownBlocks::Kind;

class TestMarkdownBlocks : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void paragraphIsOneBlock()
    {
        const auto blocks = MarkdownBlocks::split(QStringLiteral("Some *text* with `code`.\nAnd a second line."));
        QCOMPARE(blocks.size(), 1);
        QCOMPARE(blocks[0].kind, Kind::Text);
        QCOMPARE(blocks[0].text, QStringLiteral("Some *text* with `code`.\nAnd a second line."));
    }
    // While a reply streams only the last paragraph's block changes.
    void paragraphsAreBlocksOfTheirOwn()
    {
        const auto blocks = MarkdownBlocks::split(QStringLiteral("# Title\n\nFirst paragraph.\n\n\nSecond paragraph\n"));
        QCOMPARE(blocks.size(), 3);
        QCOMPARE(blocks[0].text, QStringLiteral("# Title"));
        QCOMPARE(blocks[1].text, QStringLiteral("First paragraph."));
        QCOMPARE(blocks[2].text, QStringLiteral("Second paragraph"));
        for (const auto &b : blocks)
            QCOMPARE(b.kind, Kind::Text);
    }
    // Cutting there would change what Markdown means.
    void listsAndContinuationsStayTogether()
    {
        const QString loose = QStringLiteral("Intro:\n- a\n\n- b\n\n  more of b\n\n    indented code");
        QCOMPARE(MarkdownBlocks::split(loose).size(), 1);
        const QString numbered = QStringLiteral("1. one\n\n2. two\n\n3) three");
        QCOMPARE(MarkdownBlocks::split(numbered).size(), 1);
        const auto after = MarkdownBlocks::split(QStringLiteral("- a\n- b\n\nAfter the list."));
        QCOMPARE(after.size(), 2);
        QCOMPARE(after[1].text, QStringLiteral("After the list."));
    }
    void linkReferencesKeepTheTextWhole()
    {
        const QString text = QStringLiteral("See [the docs][d].\n\nMore.\n\n[d]: https://example.org");
        const auto blocks = MarkdownBlocks::split(text);
        QCOMPARE(blocks.size(), 1);
        QCOMPARE(blocks[0].text, text);
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

    // A streaming reply's blocks reach the view as the change they are: the
    // paragraphs already drawn are neither reset nor read again.
    void blockListAppliesTheDifference()
    {
        BlockListModel model;
        QAbstractItemModelTester tester(&model);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        auto blocks = [](const QString &markdown) { return MarkdownBlocks::toVariant(MarkdownBlocks::split(markdown)); };

        model.setBlocks(blocks(QStringLiteral("First para")));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(inserted.size(), 1);

        model.setBlocks(blocks(QStringLiteral("First paragraph.")));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.last().at(0).toModelIndex().row(), 0);

        model.setBlocks(blocks(QStringLiteral("First paragraph.\n\nSec")));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(inserted.last().at(1).toInt(), 1);
        QCOMPARE(changed.size(), 1); // the first block is as it was

        model.setBlocks(blocks(QStringLiteral("First paragraph.\n\nSecond.")));
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed.last().at(0).toModelIndex().row(), 1);
        QCOMPARE(changed.last().at(1).toModelIndex().row(), 1);
        const QVariantMap second = model.data(model.index(1), BlockListModel::BlockRole).toMap();
        QCOMPARE(second.value(QStringLiteral("text")).toString(), QStringLiteral("Second."));

        // The same blocks again: nothing happens.
        model.setBlocks(blocks(QStringLiteral("First paragraph.\n\nSecond.")));
        QCOMPARE(changed.size(), 2);

        // Another message in a reused delegate: fewer blocks, both changed.
        model.setBlocks(blocks(QStringLiteral("Other")));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(model.data(model.index(0), BlockListModel::BlockRole).toMap().value(QStringLiteral("text")).toString(),
                 QStringLiteral("Other"));
        QCOMPARE(resets.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestMarkdownBlocks)
#include "tst_markdownblocks.moc"
