#pragma once

#include <QHostAddress>
#include <QList>
#include <QString>

namespace teehee::client {

// The machine's addresses another device on the network may reach it at: no
// loopback, no link-local (fe80::, 169.254/16), private ranges (10/8,
// 172.16/12, 192.168/16, fc00::/7) first, IPv4 before IPv6 within each.
QList<QHostAddress> lanAddresses();
// Whether the address is in a private range (those above).
bool isPrivateAddress(const QHostAddress &address);
// "https://192.168.1.20:8765", "https://[fd00::1]:8765".
QString httpsUrl(const QHostAddress &address, quint16 port);

} // namespace teehee::client
