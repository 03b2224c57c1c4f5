#include "api/json/keyjson.h"

#include "db/sqlquery.h"

namespace teehee::keyjson {

QJsonObject toJson(const KeyRecord &key)
{
    QJsonObject o{{QStringLiteral("id"), key.id},
                  {QStringLiteral("user_id"), key.userId},
                  {QStringLiteral("provider_name"), key.providerName},
                  {QStringLiteral("created_at"), sqlvalue::isoTime(key.createdAt)},
                  {QStringLiteral("hint"), key.hint}};
    if (!key.baseUrl.isEmpty())
        o.insert(QStringLiteral("base_url"), key.baseUrl);
    if (!key.label.isEmpty())
        o.insert(QStringLiteral("label"), key.label);
    return o;
}

} // namespace teehee::keyjson
