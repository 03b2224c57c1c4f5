#pragma once

// What the desktop's client reads, set up for a test: the profile lives in
// `home` (config, data, settings), the secrets are fixed, nothing of the
// machine's own (database URL, provider keys, D-Bus session) leaks in.
#include "chatclient.h"
#include "clienttypes.h"

#include <QString>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <optional>

namespace teehee::test {

// Call before the first client is made; `organization` names the test's QSettings.
void useDesktopTestEnvironment(const QTemporaryDir &home, const QString &organization);

// Waits (spinning the event loop) for one asynchronous call's Done; Unavailable when none came.
client::ClientError waitDone(const std::function<void(std::function<void(const client::ClientError &)>)> &call,
                             int timeoutMs = 15000);

// The same for a call that answers with a value.
template <typename T>
client::Outcome<T> waitReply(const std::function<void(client::ChatClient::Reply<T>)> &call, int timeoutMs = 15000)
{
    std::optional<client::Outcome<T>> got;
    call([&got](const client::Outcome<T> &o) { got = o; });
    if (!QTest::qWaitFor([&] { return got.has_value(); }, timeoutMs))
        return {T{}, {client::Failure::Unavailable, QStringLiteral("no answer")}};
    return *got;
}

} // namespace teehee::test
