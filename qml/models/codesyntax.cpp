#include "codesyntax.h"

#include <QHash>
#include <QSet>

namespace {

struct Rules {
    QSet<QString> keywords;
    QStringList lineComments;     // "//", "#", "--"
    QString blockOpen, blockClose; // "/*" "*/", "<!--" "-->"
    QString quotes = QStringLiteral("\"'");
    bool tripleQuotes = false;     // Python's """…""" across lines
    bool caseInsensitive = false;  // SQL
};

QSet<QString> words(const char *list)
{
    QSet<QString> out;
    for (const QString &w : QString::fromLatin1(list).split(QLatin1Char(' '), Qt::SkipEmptyParts))
        out.insert(w);
    return out;
}

Rules cFamily(const char *keywords)
{
    Rules r;
    r.keywords = words(keywords);
    r.lineComments = {QStringLiteral("//")};
    r.blockOpen = QStringLiteral("/*");
    r.blockClose = QStringLiteral("*/");
    return r;
}

const QHash<QString, Rules> &table()
{
    static const QHash<QString, Rules> rules = [] {
        QHash<QString, Rules> t;
        const Rules cpp = cFamily(
            "alignas auto bool break case catch char class const constexpr consteval continue co_await co_return "
            "co_yield default delete do double else enum explicit extern false float for friend goto if inline int "
            "long mutable namespace new noexcept nullptr operator override private protected public return short "
            "signed sizeof static struct switch template this throw true try typedef typename union unsigned using "
            "virtual void volatile while #include #define #pragma #if #ifdef #ifndef #endif #else");
        for (const char *n : {"c", "cpp", "c++", "cc", "h", "hpp", "cxx", "objc", "objective-c"})
            t.insert(QString::fromLatin1(n), cpp);
        Rules js = cFamily(
            "async await break case catch class const continue debugger default delete do else export extends false "
            "finally for from function if import in instanceof let new null of return static super switch this "
            "throw true try typeof undefined var void while with yield interface type enum implements readonly "
            "private public protected as any number string boolean");
        js.quotes = QStringLiteral("\"'`");
        for (const char *n : {"js", "javascript", "jsx", "ts", "typescript", "tsx", "mjs", "qml"})
            t.insert(QString::fromLatin1(n), js);
        t.insert(QStringLiteral("java"), cFamily(
            "abstract boolean break byte case catch char class const continue default do double else enum extends "
            "false final finally float for if implements import instanceof int interface long native new null "
            "package private protected public record return short static super switch synchronized this throw "
            "throws true try var void volatile while"));
        const Rules kotlin = cFamily(
            "as break class continue do else false for fun if in interface is null object package return super "
            "this throw true try typealias val var when while import private public internal override data");
        t.insert(QStringLiteral("kotlin"), kotlin);
        t.insert(QStringLiteral("kt"), kotlin);
        const Rules cs = cFamily(
            "abstract as async await base bool break case catch class const continue decimal default delegate do "
            "double else enum event false finally float for foreach if in int interface internal is lock long "
            "namespace new null object out override private protected public readonly ref return sealed static "
            "string struct switch this throw true try typeof using var virtual void while");
        for (const char *n : {"cs", "csharp", "c#"})
            t.insert(QString::fromLatin1(n), cs);
        Rules go = cFamily(
            "break case chan const continue default defer else fallthrough false for func go goto if import "
            "interface map nil package range return select struct switch true type var");
        go.quotes = QStringLiteral("\"'`");
        t.insert(QStringLiteral("go"), go);
        t.insert(QStringLiteral("golang"), go);
        const Rules rust = cFamily(
            "as async await break const continue crate dyn else enum extern false fn for if impl in let loop match "
            "mod move mut pub ref return self Self static struct super trait true type unsafe use where while");
        t.insert(QStringLiteral("rust"), rust);
        t.insert(QStringLiteral("rs"), rust);
        t.insert(QStringLiteral("swift"), cFamily(
            "as break case catch class continue default defer do else enum extension false for func guard if "
            "import in init let nil protocol return self static struct switch throw throws true try var where while"));
        Rules php = cFamily(
            "abstract array as break case catch class const continue default do echo else elseif extends false "
            "final for foreach function if implements interface namespace new null private protected public "
            "return static switch throw true try use var while");
        php.lineComments << QStringLiteral("#");
        t.insert(QStringLiteral("php"), php);

        Rules py;
        py.keywords = words(
            "and as assert async await break class continue def del elif else except False finally for from "
            "global if import in is lambda None nonlocal not or pass raise return self True try while with yield match case");
        py.lineComments = {QStringLiteral("#")};
        py.tripleQuotes = true;
        for (const char *n : {"py", "python", "python3"})
            t.insert(QString::fromLatin1(n), py);
        Rules rb;
        rb.keywords = words(
            "begin break case class def do else elsif end ensure false for if in module next nil not or redo "
            "rescue retry return self super then true unless until when while yield require");
        rb.lineComments = {QStringLiteral("#")};
        t.insert(QStringLiteral("ruby"), rb);
        t.insert(QStringLiteral("rb"), rb);
        Rules sh;
        sh.keywords = words(
            "if then else elif fi for in do done while until case esac function return local export readonly "
            "set unset echo exit source alias cd");
        sh.lineComments = {QStringLiteral("#")};
        for (const char *n : {"sh", "bash", "shell", "zsh", "console", "shellscript", "dockerfile", "make", "makefile", "cmake", "toml", "ini"})
            t.insert(QString::fromLatin1(n), sh);
        Rules yaml;
        yaml.keywords = words("true false null yes no on off");
        yaml.lineComments = {QStringLiteral("#")};
        t.insert(QStringLiteral("yaml"), yaml);
        t.insert(QStringLiteral("yml"), yaml);
        Rules sql;
        sql.keywords = words(
            "select from where and or not insert into values update set delete create table index view drop alter "
            "add primary key foreign references join left right inner outer on as group by order having limit "
            "offset distinct union all null is in like between case when then else end begin commit rollback "
            "exists default unique check integer int text varchar boolean timestamp returning with");
        sql.lineComments = {QStringLiteral("--")};
        sql.blockOpen = QStringLiteral("/*");
        sql.blockClose = QStringLiteral("*/");
        sql.caseInsensitive = true;
        t.insert(QStringLiteral("sql"), sql);
        Rules json;
        json.keywords = words("true false null");
        json.quotes = QStringLiteral("\"");
        t.insert(QStringLiteral("json"), json);
        t.insert(QStringLiteral("jsonc"), json);
        Rules html;
        html.blockOpen = QStringLiteral("<!--");
        html.blockClose = QStringLiteral("-->");
        for (const char *n : {"html", "xml", "svg", "vue"})
            t.insert(QString::fromLatin1(n), html);
        Rules css;
        css.blockOpen = QStringLiteral("/*");
        css.blockClose = QStringLiteral("*/");
        css.keywords = words("important media import from to");
        t.insert(QStringLiteral("css"), css);
        t.insert(QStringLiteral("scss"), css);
        return t;
    }();
    return rules;
}

const Rules &rulesFor(const QString &language)
{
    static const Rules plain;
    const auto &t = table();
    const auto it = t.constFind(language.trimmed().toLower());
    return it == t.cend() ? plain : *it;
}

bool identifierChar(QChar c) { return c.isLetterOrNumber() || c == QLatin1Char('_'); }

enum State { Normal = 0, InBlockComment = 1, InTripleDouble = 2, InTripleSingle = 3 };

} // namespace

bool CodeSyntax::knows(const QString &language)
{
    return table().contains(language.trimmed().toLower());
}

QList<CodeSyntax::Span> CodeSyntax::line(const QString &text, const QString &language, int *state)
{
    const Rules &r = rulesFor(language);
    QList<Span> spans;
    const int n = int(text.size());
    int i = 0;
    auto add = [&](int start, int end, Kind kind) {
        if (end > start)
            spans.append({start, end - start, kind});
    };
    // Carried over from the line before.
    if (*state == InBlockComment) {
        const int end = int(text.indexOf(r.blockClose));
        if (end < 0) {
            add(0, n, Kind::Comment);
            return spans;
        }
        i = end + int(r.blockClose.size());
        add(0, i, Kind::Comment);
        *state = Normal;
    } else if (*state == InTripleDouble || *state == InTripleSingle) {
        const QString close = *state == InTripleDouble ? QStringLiteral("\"\"\"") : QStringLiteral("'''");
        const int end = int(text.indexOf(close));
        if (end < 0) {
            add(0, n, Kind::String);
            return spans;
        }
        i = end + 3;
        add(0, i, Kind::String);
        *state = Normal;
    }

    while (i < n) {
        const QChar c = text.at(i);
        bool matched = false;
        for (const QString &lc : r.lineComments) {
            if (text.mid(i, lc.size()) == lc) {
                add(i, n, Kind::Comment);
                return spans;
            }
        }
        if (!r.blockOpen.isEmpty() && text.mid(i, r.blockOpen.size()) == r.blockOpen) {
            const int end = int(text.indexOf(r.blockClose, i + r.blockOpen.size()));
            if (end < 0) {
                add(i, n, Kind::Comment);
                *state = InBlockComment;
                return spans;
            }
            add(i, end + int(r.blockClose.size()), Kind::Comment);
            i = end + int(r.blockClose.size());
            continue;
        }
        if (r.tripleQuotes && (text.mid(i, 3) == QLatin1String("\"\"\"") || text.mid(i, 3) == QLatin1String("'''"))) {
            const QString close = text.mid(i, 3);
            const int end = int(text.indexOf(close, i + 3));
            if (end < 0) {
                add(i, n, Kind::String);
                *state = close.at(0) == QLatin1Char('"') ? InTripleDouble : InTripleSingle;
                return spans;
            }
            add(i, end + 3, Kind::String);
            i = end + 3;
            continue;
        }
        if (r.quotes.contains(c)) {
            // An apostrophe inside a word (don't) is not a string in prose-like lines.
            if (c == QLatin1Char('\'') && i > 0 && text.at(i - 1).isLetter() && r.keywords.isEmpty()) {
                ++i;
                continue;
            }
            int j = i + 1;
            while (j < n && text.at(j) != c)
                j += text.at(j) == QLatin1Char('\\') ? 2 : 1;
            const int end = qMin(n, j + 1);
            add(i, end, Kind::String);
            i = end;
            continue;
        }
        if (c.isDigit() && (i == 0 || !identifierChar(text.at(i - 1)))) {
            int j = i + 1;
            while (j < n && (text.at(j).isLetterOrNumber() || text.at(j) == QLatin1Char('.') || text.at(j) == QLatin1Char('_')))
                ++j;
            add(i, j, Kind::Number);
            i = j;
            continue;
        }
        if (identifierChar(c) || (c == QLatin1Char('#') && r.keywords.contains(QStringLiteral("#include")))) {
            int j = i + 1;
            while (j < n && identifierChar(text.at(j)))
                ++j;
            const QString word = text.mid(i, j - i);
            if (r.keywords.contains(r.caseInsensitive ? word.toLower() : word))
                add(i, j, Kind::Keyword);
            i = j;
            matched = true;
        }
        if (!matched)
            ++i;
    }
    return spans;
}
