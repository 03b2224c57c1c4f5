#pragma once

// What the desktop's client reads, set up for a test: the profile lives in
// `home` (config, data, settings), the secrets are fixed, nothing of the
// machine's own (database URL, provider keys, D-Bus session) leaks in.
#include "clienttypes.h"

#include <QString>
#include <QTemporaryDir>

#include <functional>

namespace teehee::test {

// Call before the first client is made; `organization` names the test's QSettings.
void useDesktopTestEnvironment(const QTemporaryDir &home, const QString &organization);

// Waits (spinning the event loop) for one asynchronous call's Done; Unavailable when none came.
client::ClientError waitDone(const std::function<void(std::function<void(const client::ClientError &)>)> &call,
                             int timeoutMs = 10000);

} // namespace teehee::test
