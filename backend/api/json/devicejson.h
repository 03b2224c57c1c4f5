#pragma once

#include "db/records.h"

#include <QJsonObject>

namespace teehee::devicejson {

// A device as GET /devices shows it: {id, name, created_at, last_seen_at, current}.
QJsonObject toJson(const DeviceRecord &device, const QString &currentDeviceId);
// A pending pairing request as GET /pair/requests shows it:
// {pairing_id, device_name, verification, created_at, expires_at}.
QJsonObject toJson(const PairingRequestRecord &request);

} // namespace teehee::devicejson
