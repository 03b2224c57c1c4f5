#include "mcp/mcpcontent.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

namespace teehee {

namespace {

QString describePart(const QJsonObject &part)
{
    const QString type = part.value(QLatin1String("type")).toString();
    if (type == QLatin1String("text"))
        return part.value(QLatin1String("text")).toString();
    const QString mime = part.value(QLatin1String("mimeType")).toString();
    if (type == QLatin1String("image") || type == QLatin1String("audio"))
        return QStringLiteral("[%1: %2]").arg(type, mime.isEmpty() ? QStringLiteral("unknown type") : mime);
    if (type == QLatin1String("resource_link"))
        return QStringLiteral("[resource link: %1]").arg(part.value(QLatin1String("uri")).toString());
    if (type == QLatin1String("resource")) {
        const QJsonObject resource = part.value(QLatin1String("resource")).toObject();
        const QString uri = resource.value(QLatin1String("uri")).toString();
        // An embedded text resource is text the tool returned; a blob is not.
        if (resource.contains(QLatin1String("text")))
            return QStringLiteral("[resource: %1]\n%2").arg(uri, resource.value(QLatin1String("text")).toString());
        return QStringLiteral("[resource: %1]").arg(uri);
    }
    return QStringLiteral("[%1]").arg(type.isEmpty() ? QStringLiteral("unknown content") : type);
}

} // namespace

McpCallResult callResultFromJson(const QJsonObject &result)
{
    McpCallResult out;
    out.status = McpCallResult::Status::Ok;
    out.isError = result.value(QLatin1String("isError")).toBool(false);
    QStringList parts;
    const QJsonArray content = result.value(QLatin1String("content")).toArray();
    for (const QJsonValue &v : content)
        parts << describePart(v.toObject());
    if (content.isEmpty() && result.value(QLatin1String("structuredContent")).isObject()) {
        parts << QString::fromUtf8(QJsonDocument(result.value(QLatin1String("structuredContent")).toObject())
                                       .toJson(QJsonDocument::Compact));
    }
    out.content = cutToUtf8Bytes(parts.join(QLatin1Char('\n')), McpCallResult::kMaxContentBytes, &out.truncated);
    return out;
}

QString cutToUtf8Bytes(const QString &text, qsizetype maxBytes, bool *cut)
{
    const QByteArray utf8 = text.toUtf8();
    if (cut)
        *cut = utf8.size() > maxBytes;
    if (utf8.size() <= maxBytes)
        return text;
    const QByteArray marker = QStringLiteral("\n[output cut: %1 bytes in all]").arg(utf8.size()).toUtf8();
    qsizetype end = qMax<qsizetype>(0, maxBytes - marker.size());
    // Back off continuation bytes (10xxxxxx): the cut falls before a character's first byte.
    while (end > 0 && (uchar(utf8.at(end)) & 0xC0) == 0x80)
        --end;
    return QString::fromUtf8(utf8.constData(), end) + QString::fromUtf8(marker);
}

} // namespace teehee
