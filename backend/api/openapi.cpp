#include "api/openapi.h"

namespace teehee {

QJsonObject openApiDocument(const QString &appName)
{
    return QJsonObject{{QStringLiteral("openapi"), QStringLiteral("3.0.3")},
                       {QStringLiteral("info"), QJsonObject{{QStringLiteral("title"), appName},
                                                            {QStringLiteral("version"), QStringLiteral(TEEHEE_VERSION)}}},
                       {QStringLiteral("paths"), QJsonObject{}}};
}

QByteArray docsPage(const QString &appName)
{
    return "<!doctype html><title>" + appName.toHtmlEscaped().toUtf8() + " API</title><p>See /openapi.json</p>";
}

} // namespace teehee
