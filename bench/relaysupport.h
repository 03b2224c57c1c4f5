#pragma once

#include <QList>
#include <QUrl>

#include <functional>

namespace relay {

// Runs the event loop until cond() holds (checked every 5 ms, sleeping in
// between: a busy loop would take a CPU from what the bench measures) or ms pass.
bool waitUntil(const std::function<bool()> &cond, int ms);

// Asks url every 200 ms until it answers 200, for at most ms.
bool waitForHttpOk(const QUrl &url, int ms);

// A loopback port nobody listens on right now.
quint16 freePort();

qint64 percentile(QList<qint64> v, double p);

} // namespace relay
