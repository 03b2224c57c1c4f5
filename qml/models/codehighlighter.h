#pragma once

#include "codesyntax.h"

#include <QColor>
#include <QPointer>
#include <QQmlParserStatus>
#include <QQuickTextDocument>
#include <QString>
#include <QSyntaxHighlighter>
#include <QtQml/qqmlregistration.h>

// Syntax colours for a code block: applies CodeSyntax's spans to a TextEdit's
// document with the colours QML gives it (Theme), again when they change.
// Colours once all properties are set: each change before that would colour
// and lay out the whole block again (six times per code block on creation).
class CodeHighlighter : public QSyntaxHighlighter, public QQmlParserStatus {
    Q_OBJECT
    QML_ELEMENT
    Q_INTERFACES(QQmlParserStatus)
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
    void classBegin() override { m_complete = false; }
    void componentComplete() override;
    void highlightBlock(const QString &text) override;

private:
    void setColor(QColor *member, const QColor &color);
    void highlightAgain();
    QColor colorFor(CodeSyntax::Kind kind) const;

    QPointer<QQuickTextDocument> m_quickDocument;
    QString m_language;
    QColor m_keyword, m_string, m_comment, m_number;
    bool m_complete = true; // made from C++: every change colours at once
};
