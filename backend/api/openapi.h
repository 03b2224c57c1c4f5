#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace teehee {

// The OpenAPI 3 description of shared/spec/api.md, built in code.
QJsonObject openApiDocument(const QString &appName);
// A self-contained page (no CDN) that lists the operations of /openapi.json.
QByteArray docsPage(const QString &appName);

} // namespace teehee
