#include "chat/attachmenttype.h"

#include <QRegularExpression>
#include <QStringConverter>
#include <QStringList>

namespace teehee::attachmenttype {
namespace {

QString magicType(const QByteArray &b)
{
    if (b.startsWith("\x89PNG\r\n\x1a\n"))
        return QStringLiteral("image/png");
    if (b.startsWith("\xff\xd8\xff"))
        return QStringLiteral("image/jpeg");
    if (b.startsWith("GIF87a") || b.startsWith("GIF89a"))
        return QStringLiteral("image/gif");
    if (b.size() >= 12 && b.startsWith("RIFF") && b.mid(8, 4) == "WEBP")
        return QStringLiteral("image/webp");
    if (b.startsWith("%PDF-"))
        return QStringLiteral("application/pdf");
    return {};
}

bool isUtf8Text(const QByteArray &b)
{
    if (b.contains('\0'))
        return false;
    QStringDecoder decoder(QStringDecoder::Utf8, QStringConverter::Flag::Stateless);
    const QString decoded = decoder.decode(b);
    return !decoder.hasError();
}

// Declared types that are text under another name: JSON, source code, markup.
bool isTextualType(const QString &type)
{
    static const QStringList textual{
        QStringLiteral("application/json"), QStringLiteral("application/xml"), QStringLiteral("application/javascript"),
        QStringLiteral("application/x-javascript"), QStringLiteral("application/typescript"),
        QStringLiteral("application/x-yaml"), QStringLiteral("application/yaml"), QStringLiteral("application/toml"),
        QStringLiteral("application/x-sh"), QStringLiteral("application/x-python"), QStringLiteral("application/sql"),
        QStringLiteral("application/ld+json"), QStringLiteral("application/x-httpd-php")};
    return type.startsWith(u"text/") || textual.contains(type);
}

// Browsers send source files as application/octet-stream or nothing at all.
bool isUntyped(const QString &type)
{
    return type.isEmpty() || type == u"application/octet-stream";
}

Error unsupported(const QString &why)
{
    return Error{ErrorCode::UnsupportedType,
                 why + QStringLiteral("; attachments may be images (PNG, JPEG, GIF, WebP), PDF or UTF-8 text")};
}

} // namespace

Result<QString> sniff(const QByteArray &bytes, const QString &declaredType, const QString &fileName)
{
    Q_UNUSED(fileName)
    const QString declared = declaredType.section(u';', 0, 0).trimmed().toLower();
    if (const QString magic = magicType(bytes); !magic.isEmpty())
        return magic;
    if (declared.startsWith(u"image/") || declared == u"application/pdf")
        return unsupported(QStringLiteral("the file is not a valid %1").arg(declared));
    if (!isTextualType(declared) && !isUntyped(declared))
        return unsupported(QStringLiteral("type \"%1\" is not accepted").arg(declared.left(100)));
    if (!isUtf8Text(bytes))
        return unsupported(QStringLiteral("the file is neither a known image, a PDF nor UTF-8 text"));
    // The declared name is kept only when it is a plain type token: it goes back out in a header.
    static const QRegularExpression token(QStringLiteral("^[a-z0-9][a-z0-9.+-]{0,60}/[a-z0-9][a-z0-9.+-]{0,60}$"));
    return isUntyped(declared) || !token.match(declared).hasMatch() ? QStringLiteral("text/plain") : declared;
}

Kind kindOf(const QString &mimeType)
{
    if (isImage(mimeType))
        return Kind::Image;
    if (mimeType == u"application/pdf")
        return Kind::Pdf;
    return Kind::Text;
}

bool isImage(const QString &mimeType)
{
    return mimeType == u"image/png" || mimeType == u"image/jpeg" || mimeType == u"image/gif" || mimeType == u"image/webp";
}

QString cleanName(const QString &name)
{
    QString n = name;
    const qsizetype slash = qMax(n.lastIndexOf(u'/'), n.lastIndexOf(u'\\'));
    if (slash >= 0)
        n = n.mid(slash + 1);
    QString out;
    for (QChar c : std::as_const(n))
        if (c.category() != QChar::Other_Control && c.category() != QChar::Other_Format)
            out.append(c);
    out = out.trimmed().left(255);
    return out.isEmpty() || out == u"." || out == u".." ? QStringLiteral("attachment") : out;
}

} // namespace teehee::attachmenttype
