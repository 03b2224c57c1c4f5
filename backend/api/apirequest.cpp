#include "api/apirequest.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace teehee {

QByteArray ApiRequest::bearerToken() const
{
    const QByteArray auth = header("authorization").trimmed();
    if (auth.size() < 7 || auth.left(7).toLower() != "bearer ")
        return {};
    return auth.mid(7).trimmed();
}

Result<QJsonObject> ApiRequest::jsonObject() const
{
    if (body.trimmed().isEmpty())
        return QJsonObject{};
    QJsonParseError err;
    const auto doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError)
        return Error::invalid(QStringLiteral("Malformed JSON: %1 at offset %2").arg(err.errorString()).arg(err.offset));
    if (!doc.isObject())
        return Error::invalid(QStringLiteral("Malformed JSON: the body must be a JSON object"));
    return doc.object();
}

} // namespace teehee
