#pragma once

#include "core/error.h"

#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>

namespace teehee {

struct Config;

// What the server proves itself with: its certificate chain and private key.
struct TlsIdentity {
    QList<QSslCertificate> chain; // the server's certificate first
    QSslKey key;

    // "AB:CD:…": the SHA-256 fingerprint of the certificate, as people compare it.
    QString fingerprint() const;
    // The same without colons, lower-case, for a pairing URL's "fp=".
    QString fingerprintHex() const;
    // Server side, TLS 1.2 or later, no client certificates.
    QSslConfiguration serverConfiguration() const;

    // TLS_CERT_FILE/TLS_KEY_FILE, or with TLS=self-signed the certificate kept
    // in the data directory's "tls" folder (made on the first start, made
    // again only when it is about to expire). An error names the file and the
    // reason, never the key.
    static Result<TlsIdentity> fromConfig(const Config &config);
    static Result<TlsIdentity> fromFiles(const QString &certFile, const QString &keyFile);
    static Result<TlsIdentity> selfSigned(const QString &dataDir);
};

} // namespace teehee
