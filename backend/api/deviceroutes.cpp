#include "api/apicontext.h"
#include "api/json/devicejson.h"
#include "api/routes.h"
#include "auth/deviceservice.h"
#include "backend.h"

#include <QJsonArray>

namespace teehee {

// GET /devices, DELETE /devices/{device_id} (spec/api.md "Devices and pairing").
void registerDeviceRoutes(ApiContext &ctx)
{
    Router &r = ctx.router();
    Backend &backend = ctx.backend();

    r.get(QStringLiteral("/devices"), ctx.authed([&backend](const ApiRequest &, const AuthUser &user, Responder res) {
        auto devices = backend.devices().list(user.id);
        if (!devices)
            return res.send(devices.error());
        QJsonArray out;
        for (const DeviceRecord &d : devices.value())
            out.append(devicejson::toJson(d, user.deviceId));
        res.send(jsonResponse(out));
    }));

    // Its tokens answer 401 and its open sockets close with 4001 at once (this device's too).
    r.del(QStringLiteral("/devices/{device_id:uuid}"), ctx.authed([&backend](const ApiRequest &req, const AuthUser &user, Responder res) {
        const QString id = req.param(QStringLiteral("device_id"));
        if (auto st = backend.devices().revoke(user.id, id); !st)
            return res.send(st.error());
        res.send(jsonResponse(QJsonObject{{QStringLiteral("message"), QStringLiteral("Device signed out")},
                                          {QStringLiteral("id"), id}}));
    }));
}

} // namespace teehee
