#include "api/json/devicejson.h"

#include "db/sqlquery.h"

namespace teehee::devicejson {

QJsonObject toJson(const DeviceRecord &device, const QString &currentDeviceId)
{
    return {{QStringLiteral("id"), device.id},
            {QStringLiteral("name"), device.name},
            {QStringLiteral("created_at"), sqlvalue::isoTime(device.createdAt)},
            {QStringLiteral("last_seen_at"), sqlvalue::isoTime(device.lastSeenAt)},
            {QStringLiteral("current"), !currentDeviceId.isEmpty() && device.id == currentDeviceId}};
}

QJsonObject toJson(const PairingRequestRecord &request)
{
    return {{QStringLiteral("pairing_id"), request.id},
            {QStringLiteral("device_name"), request.deviceName},
            {QStringLiteral("verification"), request.verification},
            {QStringLiteral("created_at"), sqlvalue::isoTime(request.createdAt)},
            {QStringLiteral("expires_at"), sqlvalue::isoTime(request.expiresAt)}};
}

} // namespace teehee::devicejson
