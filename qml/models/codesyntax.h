#pragma once

#include <QList>
#include <QString>

// Finds keywords, strings, comments and numbers in one line of code of a
// common language (C family, Python, shell, SQL, JSON, YAML, …) without a
// grammar: good enough to read code, cheap enough to run on every streamed
// token. CodeHighlighter colours a code block with it.
class CodeSyntax {
public:
    enum class Kind { Keyword, String, Comment, Number };
    struct Span {
        int start = 0;
        int length = 0;
        Kind kind = Kind::Keyword;
        bool operator==(const Span &) const = default;
    };
    // A construct left open at the end of a line (a block comment, a
    // triple-quoted string) carries over in *state: 0 when nothing is open.
    static QList<Span> line(const QString &text, const QString &language, int *state);
    // Whether the language has its own rules (others get strings and numbers only).
    static bool knows(const QString &language);
};
