#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace teehee::websocketframe {

// One unmasked, final text frame (RFC 6455 §5.2) carrying `utf8`, as a server
// sends it. Built once per event and written to every subscriber's socket.
QByteArray text(QByteArrayView utf8);

} // namespace teehee::websocketframe
