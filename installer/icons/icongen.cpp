// Renders the app icon as PNGs at build time, so no binary images live in git and
// no SVG rasteriser (rsvg-convert, Qt Svg) is needed. Draws the shapes of
// teehee.svg on a 256 x 256 grid; keep both in sync.
// Usage: teehee_icongen <output-dir> <size>...   writes <output-dir>/<size>/teehee.png
#include <QCoreApplication>
#include <QDir>
#include <QImage>
#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <cstdio>

static QImage renderIcon(int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.scale(size / 256.0, size / 256.0);

    const QColor blue(0x4f, 0x6b, 0xed);
    QLinearGradient tile(16, 16, 240, 240);
    tile.setColorAt(0, blue);
    tile.setColorAt(1, QColor(0x7b, 0x4f, 0xe0));
    p.setPen(Qt::NoPen);
    p.setBrush(tile);
    p.drawRoundedRect(QRectF(16, 16, 224, 224), 52, 52);

    // The bubble, clockwise from the top-left corner, as in the SVG path.
    QPainterPath bubble;
    bubble.moveTo(88, 60);
    bubble.lineTo(168, 60);
    bubble.arcTo(QRectF(132, 60, 72, 72), 90, -90);
    bubble.lineTo(204, 136);
    bubble.arcTo(QRectF(132, 100, 72, 72), 0, -90);
    bubble.lineTo(122, 172);
    bubble.lineTo(78, 204);
    bubble.lineTo(88, 172);
    bubble.arcTo(QRectF(52, 100, 72, 72), 270, -90);
    bubble.lineTo(52, 96);
    bubble.arcTo(QRectF(52, 60, 72, 72), 180, -90);
    bubble.closeSubpath();
    p.setBrush(Qt::white);
    p.drawPath(bubble);

    p.setBrush(blue);
    p.drawEllipse(QPointF(102, 104), 11, 11);
    p.drawEllipse(QPointF(154, 104), 11, 11);

    QPainterPath smile;
    smile.moveTo(94, 128);
    smile.quadTo(128, 160, 162, 128);
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(blue, 11, Qt::SolidLine, Qt::RoundCap));
    p.drawPath(smile);
    return image;
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: teehee_icongen <output-dir> <size>...\n");
        return 2;
    }
    for (qsizetype i = 2; i < args.size(); ++i) {
        const int size = args.at(i).toInt();
        const QString dir = QStringLiteral("%1/%2").arg(args.at(1)).arg(size);
        if (size < 8 || !QDir().mkpath(dir) || !renderIcon(size).save(dir + QStringLiteral("/teehee.png"))) {
            std::fprintf(stderr, "teehee_icongen: cannot write size %s\n", qPrintable(args.at(i)));
            return 1;
        }
    }
    return 0;
}
