#pragma once

#include <QBitArray>
#include <QColor>
#include <QQuickPaintedItem>

// A QR code of `text` (libqrencode, error correction M), drawn square and
// centred with a quiet zone of four modules, in `color` on `background`.
class QrCode : public QQuickPaintedItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY textChanged)
    Q_PROPERTY(QColor color READ color WRITE setColor NOTIFY colorsChanged)
    Q_PROPERTY(QColor background READ background WRITE setBackground NOTIFY colorsChanged)
    // Modules per side (0: nothing to show), for tests and layout.
    Q_PROPERTY(int modules READ modules NOTIFY textChanged)
public:
    explicit QrCode(QQuickItem *parent = nullptr);

    QString text() const { return m_text; }
    void setText(const QString &text);
    QColor color() const { return m_color; }
    void setColor(const QColor &color);
    QColor background() const { return m_background; }
    void setBackground(const QColor &color);
    int modules() const { return m_width; }
    // Whether the module at (x, y) is dark (for tests).
    Q_INVOKABLE bool isDark(int x, int y) const;

    void paint(QPainter *painter) override;

Q_SIGNALS:
    void textChanged();
    void colorsChanged();

private:
    QString m_text;
    QColor m_color = Qt::black;
    QColor m_background = Qt::white;
    int m_width = 0;
    QBitArray m_dark; // m_width * m_width, row by row
};
