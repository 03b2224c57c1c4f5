#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantList>

// Splits a message's Markdown into blocks the view renders separately:
// Qt 6.4's Text.MarkdownText draws fenced code bare and tables badly, so code
// gets its own styled block and tables their own grid; everything else stays
// Markdown text, a block per paragraph where Markdown allows the cut (so a
// streaming reply lays out only its last paragraph again). Tolerates
// half-written input: while a reply streams, an unclosed fence is a code
// block that is still open.
class MarkdownBlocks {
public:
    enum class Kind { Text, Code, Table };

    struct Block {
        Kind kind = Kind::Text;
        QString text;                 // Markdown (Text), raw code (Code)
        QString language;             // Code only, may be empty
        bool closed = true;           // Code: false while the closing fence has not arrived
        QList<QStringList> rows;      // Table: header row first, cells trimmed

        bool operator==(const Block &) const = default;
    };

    static QList<Block> split(const QString &markdown);
    // The form QML reads: [{kind: "text"|"code"|"table", text, language, closed, rows}]
    static QVariantList toVariant(const QList<Block> &blocks);
    static QString kindName(Kind kind);
};
