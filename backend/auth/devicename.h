#pragma once

#include <QByteArray>
#include <QString>

namespace teehee {

// What a new device is called in the account's device list: the name the
// client gave (`device_name`), else a short name read from its User-Agent
// ("Firefox on Android", "Safari on iPhone", "curl"), else "Unknown device".
// Control and format characters go, runs of white space become one space,
// and the name is cut to kMaxDeviceNameLength characters.
namespace devicename {

constexpr int kMaxDeviceNameLength = 64;

QString fromClient(const QString &given, const QByteArray &userAgent);
// Only the User-Agent's part: empty when it tells nothing usable.
QString fromUserAgent(const QByteArray &userAgent);
// The name cleaned as above; empty when nothing printable is left.
QString sanitised(const QString &name);

} // namespace devicename
} // namespace teehee
