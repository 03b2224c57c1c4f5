#include "qrcode.h"

#include <QPainter>

#include <qrencode.h>

namespace {
constexpr int kQuietZone = 4; // modules of background around the code (ISO/IEC 18004)
}

QrCode::QrCode(QQuickItem *parent) : QQuickPaintedItem(parent)
{
    setAntialiasing(false);
}

void QrCode::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    m_width = 0;
    m_dark.clear();
    if (!text.isEmpty()) {
        const QByteArray utf8 = text.toUtf8();
        if (QRcode *code = QRcode_encodeString8bit(utf8.constData(), 0, QR_ECLEVEL_M)) {
            m_width = code->width;
            m_dark.resize(m_width * m_width);
            for (int i = 0; i < m_width * m_width; ++i)
                m_dark.setBit(i, code->data[i] & 1);
            QRcode_free(code);
        }
    }
    Q_EMIT textChanged();
    update();
}

void QrCode::setColor(const QColor &color)
{
    if (color == m_color)
        return;
    m_color = color;
    Q_EMIT colorsChanged();
    update();
}

void QrCode::setBackground(const QColor &color)
{
    if (color == m_background)
        return;
    m_background = color;
    Q_EMIT colorsChanged();
    update();
}

bool QrCode::isDark(int x, int y) const
{
    if (x < 0 || y < 0 || x >= m_width || y >= m_width)
        return false;
    return m_dark.testBit(y * m_width + x);
}

void QrCode::paint(QPainter *painter)
{
    if (m_width == 0)
        return;
    const int side = int(qMin(width(), height()));
    const int total = m_width + 2 * kQuietZone;
    const int module = qMax(1, side / total); // whole pixels: sharp edges a camera reads
    const int drawn = module * total;
    const int left = int((width() - drawn) / 2);
    const int top = int((height() - drawn) / 2);
    painter->fillRect(left, top, drawn, drawn, m_background);
    for (int y = 0; y < m_width; ++y) {
        for (int x = 0; x < m_width; ++x) {
            if (m_dark.testBit(y * m_width + x))
                painter->fillRect(left + (x + kQuietZone) * module, top + (y + kQuietZone) * module, module, module, m_color);
        }
    }
}
