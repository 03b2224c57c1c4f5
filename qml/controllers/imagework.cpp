#include "imagework.h"

#include <QBuffer>
#include <QImage>

namespace imagework {

QString thumbnailUrl(const QByteArray &bytes, int edge)
{
    QImage image = QImage::fromData(bytes);
    if (image.isNull())
        return {};
    if (image.width() > edge || image.height() > edge)
        image = image.scaled(edge, edge, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return dataUrl(png, QStringLiteral("image/png"));
}

QString dataUrl(const QByteArray &bytes, const QString &mimeType)
{
    return QStringLiteral("data:%1;base64,%2").arg(mimeType, QString::fromLatin1(bytes.toBase64()));
}

} // namespace imagework
