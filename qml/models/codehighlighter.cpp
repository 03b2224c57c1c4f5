#include "codehighlighter.h"

#include <QTextCharFormat>

CodeHighlighter::CodeHighlighter(QObject *parent)
    : QSyntaxHighlighter(parent)
{
}

void CodeHighlighter::setQuickDocument(QQuickTextDocument *document)
{
    if (document == m_quickDocument)
        return;
    m_quickDocument = document;
    if (m_complete)
        setDocument(document ? document->textDocument() : nullptr);
    Q_EMIT quickDocumentChanged();
}

void CodeHighlighter::setLanguage(const QString &language)
{
    if (language == m_language)
        return;
    m_language = language;
    highlightAgain();
    Q_EMIT languageChanged();
}

void CodeHighlighter::setColor(QColor *member, const QColor &color)
{
    if (*member == color)
        return;
    *member = color;
    highlightAgain();
    Q_EMIT colorsChanged();
}

void CodeHighlighter::highlightAgain()
{
    if (m_complete)
        rehighlight();
}

void CodeHighlighter::componentComplete()
{
    m_complete = true;
    if (!m_quickDocument)
        return;
    setDocument(m_quickDocument->textDocument());
    // Now, not on the next turn of the event loop: the block is laid out once, in colour.
    rehighlight();
}

QColor CodeHighlighter::colorFor(CodeSyntax::Kind kind) const
{
    switch (kind) {
    case CodeSyntax::Kind::Keyword: return m_keyword;
    case CodeSyntax::Kind::String: return m_string;
    case CodeSyntax::Kind::Comment: return m_comment;
    case CodeSyntax::Kind::Number: return m_number;
    }
    return {};
}

void CodeHighlighter::highlightBlock(const QString &text)
{
    int state = qMax(0, previousBlockState());
    const QList<CodeSyntax::Span> spans = CodeSyntax::line(text, m_language, &state);
    for (const CodeSyntax::Span &s : spans) {
        const QColor color = colorFor(s.kind);
        if (!color.isValid())
            continue;
        QTextCharFormat format;
        format.setForeground(color);
        if (s.kind == CodeSyntax::Kind::Comment)
            format.setFontItalic(true);
        setFormat(s.start, s.length, format);
    }
    setCurrentBlockState(state);
}
