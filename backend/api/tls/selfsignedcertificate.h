#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QStringList>

namespace teehee {

// A certificate and its private key, both PEM.
struct PemPair {
    QByteArray certificate;
    QByteArray privateKey;
};

// A self-signed server certificate (ECDSA P-256, SHA-256, valid 825 days, the
// most some clients accept) whose subject alternative names are the given
// host names and IP addresses, so a browser or the desktop can check the name
// once the owner has confirmed the fingerprint.
Result<PemPair> makeSelfSignedCertificate(const QString &commonName, const QStringList &dnsNames,
                                          const QStringList &ipAddresses);

// Whether the PEM private key belongs to the first certificate of the PEM chain.
bool certificateMatchesKey(const QByteArray &certificatePem, const QByteArray &privateKeyPem);

} // namespace teehee
