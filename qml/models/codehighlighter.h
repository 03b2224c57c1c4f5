#pragma once

#include <QColor>
#include <QList>
#include <QPointer>
#include <QQuickTextDocument>
#include <QString>
#include <QSyntaxHighlighter>
#include <QtQml/qqmlregistration.h>

// Syntax colours for code blocks. CodeSyntax finds keywords, strings,
// comments and numbers in one line of a common language (C family, Python,
// shell, SQL, JSON, YAML, …) without a grammar: good enough to read code,
// cheap enough to run on every streamed token. CodeHighlighter applies the
// spans to a TextEdit's document with the colours QML gives it (Theme).
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

class CodeHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QQuickTextDocument *document READ quickDocument WRITE setQuickDocument NOTIFY quickDocumentChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(QColor keywordColor MEMBER m_keyword WRITE setKeywordColor NOTIFY colorsChanged)
    Q_PROPERTY(QColor stringColor MEMBER m_string WRITE setStringColor NOTIFY colorsChanged)
    Q_PROPERTY(QColor commentColor MEMBER m_comment WRITE setCommentColor NOTIFY colorsChanged)
    Q_PROPERTY(QColor numberColor MEMBER m_number WRITE setNumberColor NOTIFY colorsChanged)

public:
    explicit CodeHighlighter(QObject *parent = nullptr);

    QQuickTextDocument *quickDocument() const { return m_quickDocument; }
    void setQuickDocument(QQuickTextDocument *document);
    QString language() const { return m_language; }
    void setLanguage(const QString &language);
    void setKeywordColor(const QColor &c) { setColor(&m_keyword, c); }
    void setStringColor(const QColor &c) { setColor(&m_string, c); }
    void setCommentColor(const QColor &c) { setColor(&m_comment, c); }
    void setNumberColor(const QColor &c) { setColor(&m_number, c); }

Q_SIGNALS:
    void quickDocumentChanged();
    void languageChanged();
    void colorsChanged();

protected:
    void highlightBlock(const QString &text) override;

private:
    void setColor(QColor *member, const QColor &color);
    QColor colorFor(CodeSyntax::Kind kind) const;

    QPointer<QQuickTextDocument> m_quickDocument;
    QString m_language;
    QColor m_keyword, m_string, m_comment, m_number;
};
