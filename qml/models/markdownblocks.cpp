#include "markdownblocks.h"

#include <QRegularExpression>

#include <algorithm>
#include <QVariantMap>

namespace {

struct Fence {
    QChar ch;
    int length = 0;
    QString info;
};

// CommonMark: up to three spaces of indent, then three or more ` or ~.
bool openingFence(const QString &line, Fence *fence)
{
    int i = 0;
    while (i < line.size() && i < 3 && line.at(i) == QLatin1Char(' '))
        ++i;
    if (i >= line.size())
        return false;
    const QChar ch = line.at(i);
    if (ch != QLatin1Char('`') && ch != QLatin1Char('~'))
        return false;
    int n = 0;
    while (i + n < line.size() && line.at(i + n) == ch)
        ++n;
    if (n < 3)
        return false;
    const QString info = line.mid(i + n).trimmed();
    if (ch == QLatin1Char('`') && info.contains(QLatin1Char('`')))
        return false;
    fence->ch = ch;
    fence->length = n;
    fence->info = info.section(QLatin1Char(' '), 0, 0);
    return true;
}

bool closingFence(const QString &line, const Fence &fence)
{
    int i = 0;
    while (i < line.size() && i < 3 && line.at(i) == QLatin1Char(' '))
        ++i;
    int n = 0;
    while (i + n < line.size() && line.at(i + n) == fence.ch)
        ++n;
    return n >= fence.length && line.mid(i + n).trimmed().isEmpty();
}

bool isTableRow(const QString &line)
{
    const QString t = line.trimmed();
    return t.startsWith(QLatin1Char('|')) && t.size() > 1;
}

bool isTableSeparator(const QString &line)
{
    static const QRegularExpression re(QStringLiteral(R"(^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$)"));
    return re.match(line).hasMatch();
}

QStringList cells(const QString &line)
{
    QString t = line.trimmed();
    if (t.startsWith(QLatin1Char('|')))
        t.remove(0, 1);
    if (t.endsWith(QLatin1Char('|')) && !t.endsWith(QStringLiteral("\\|")))
        t.chop(1);
    QStringList out;
    for (const QString &c : t.split(QLatin1Char('|')))
        out << c.trimmed();
    return out;
}

bool isBlank(const QString &line)
{
    return line.trimmed().isEmpty();
}

// A line after a blank line that Markdown would not join to what came before:
// not indented (a list item's continuation, indented code), not a list item
// (a list cut in two would be counted from 1 again: Qt 6.4 ignores the start
// number), not HTML.
bool startsOwnParagraph(const QString &line)
{
    static const QRegularExpression listItem(QStringLiteral(R"(^([-+*]|\d{1,9}[.)])(\s|$))"));
    return !line.isEmpty() && !line.at(0).isSpace() && line.at(0) != QLatin1Char('<')
           && !listItem.match(line).hasMatch();
}

bool definesLinkReference(const QString &line)
{
    static const QRegularExpression definition(QStringLiteral(R"(^ {0,3}\[[^\]]+\]:\s*\S)"));
    return definition.match(line).hasMatch();
}

// Markdown text cut into paragraphs, so that while a reply streams only its
// last paragraph is laid out again rather than the whole reply. Text with
// link reference definitions stays whole: its links would lose their targets.
QStringList paragraphs(const QStringList &lines)
{
    qsizetype first = 0, last = lines.size();
    while (first < last && isBlank(lines.at(first)))
        ++first;
    while (last > first && isBlank(lines.at(last - 1)))
        --last;
    if (first == last)
        return {};
    const bool keepWhole = std::any_of(lines.begin() + first, lines.begin() + last, definesLinkReference);
    QStringList out;
    qsizetype start = first;
    for (qsizetype i = first + 1; i < last; ++i) {
        if (keepWhole || !isBlank(lines.at(i - 1)) || isBlank(lines.at(i)) || !startsOwnParagraph(lines.at(i)))
            continue;
        qsizetype end = i - 1;
        while (end > start && isBlank(lines.at(end - 1)))
            --end;
        out << lines.mid(start, end - start).join(QLatin1Char('\n'));
        start = i;
    }
    out << lines.mid(start, last - start).join(QLatin1Char('\n'));
    return out;
}

} // namespace

QList<MarkdownBlocks::Block> MarkdownBlocks::split(const QString &markdown)
{
    QList<Block> blocks;
    const QStringList lines = markdown.split(QLatin1Char('\n'));
    QStringList text;
    auto flushText = [&] {
        // Blank lines around blocks are layout noise: the view spaces blocks itself.
        for (const QString &paragraph : paragraphs(text))
            blocks.append({Kind::Text, paragraph, {}, true, {}});
        text.clear();
    };

    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        Fence fence;
        if (openingFence(line, &fence)) {
            flushText();
            QStringList code;
            bool closed = false;
            for (++i; i < lines.size(); ++i) {
                if (closingFence(lines.at(i), fence)) {
                    closed = true;
                    break;
                }
                code << lines.at(i);
            }
            blocks.append({Kind::Code, code.join(QLatin1Char('\n')), fence.info, closed, {}});
            continue;
        }
        if (isTableRow(line) && i + 1 < lines.size() && isTableSeparator(lines.at(i + 1))) {
            flushText();
            Block table{Kind::Table, {}, {}, true, {}};
            table.rows << cells(line);
            QStringList raw{line, lines.at(i + 1)};
            for (i += 2; i < lines.size() && isTableRow(lines.at(i)); ++i) {
                table.rows << cells(lines.at(i));
                raw << lines.at(i);
            }
            --i;
            table.text = raw.join(QLatin1Char('\n'));
            blocks.append(table);
            continue;
        }
        text << line;
    }
    flushText();
    return blocks;
}

QString MarkdownBlocks::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Code: return QStringLiteral("code");
    case Kind::Table: return QStringLiteral("table");
    case Kind::Text: break;
    }
    return QStringLiteral("text");
}

QVariantList MarkdownBlocks::toVariant(const QList<Block> &blocks)
{
    QVariantList out;
    out.reserve(blocks.size());
    for (const Block &b : blocks) {
        QVariantList rows;
        for (const QStringList &r : b.rows)
            rows << QVariant(r);
        out << QVariantMap{{QStringLiteral("kind"), kindName(b.kind)},
                           {QStringLiteral("text"), b.text},
                           {QStringLiteral("language"), b.language},
                           {QStringLiteral("closed"), b.closed},
                           {QStringLiteral("rows"), rows}};
    }
    return out;
}
