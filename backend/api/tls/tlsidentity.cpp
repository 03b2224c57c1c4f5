#include "api/tls/tlsidentity.h"

#include "api/tls/selfsignedcertificate.h"
#include "core/config.h"
#include "core/privatefiles.h"

#include <QDateTime>
#include <QFile>
#include <QHostInfo>
#include <QNetworkInterface>
#include <QSaveFile>

namespace teehee {
namespace {

constexpr qint64 kRenewBeforeExpirySeconds = 30LL * 24 * 3600;

Result<QByteArray> readFile(const QString &what, const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error::invalid(QStringLiteral("%1: cannot read %2: %3").arg(what, path, f.errorString()));
    return f.readAll();
}

// A private key in PEM, whatever its algorithm.
QSslKey parseKey(const QByteArray &pem)
{
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa, QSsl::Dsa}) {
        QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return {};
}

Status writeFile(const QString &path, const QByteArray &bytes, bool privateFile)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return Error{ErrorCode::Internal, QStringLiteral("cannot write %1: %2").arg(path, f.errorString())};
    if (privateFile)
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    f.write(bytes);
    if (!f.commit())
        return Error{ErrorCode::Internal, QStringLiteral("cannot write %1: %2").arg(path, f.errorString())};
    return privateFile ? makePrivateFile(path) : success();
}

// The names and addresses this machine is reached by on the network.
void localNames(QStringList &dnsNames, QStringList &addresses)
{
    dnsNames << QStringLiteral("localhost");
    const QString host = QHostInfo::localHostName();
    if (!host.isEmpty() && host != u"localhost") {
        dnsNames << host;
        if (!host.contains(u'.'))
            dnsNames << host + QStringLiteral(".local"); // mDNS, as phones reach it
    }
    for (const QHostAddress &a : QNetworkInterface::allAddresses()) {
        if (a.protocol() == QAbstractSocket::IPv6Protocol && !a.scopeId().isEmpty())
            continue; // link-local with a zone: not a name a certificate can carry
        addresses << a.toString();
    }
    addresses.removeDuplicates();
}

} // namespace

QString TlsIdentity::fingerprint() const
{
    if (chain.isEmpty())
        return {};
    return QString::fromLatin1(chain.first().digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

QString TlsIdentity::fingerprintHex() const
{
    if (chain.isEmpty())
        return {};
    return QString::fromLatin1(chain.first().digest(QCryptographicHash::Sha256).toHex());
}

QSslConfiguration TlsIdentity::serverConfiguration() const
{
    QSslConfiguration c = QSslConfiguration::defaultConfiguration();
    c.setLocalCertificateChain(chain);
    c.setPrivateKey(key);
    c.setProtocol(QSsl::TlsV1_2OrLater);
    c.setPeerVerifyMode(QSslSocket::VerifyNone);
    return c;
}

Result<TlsIdentity> TlsIdentity::fromConfig(const Config &config)
{
    if (config.tlsSelfSigned)
        return selfSigned(config.dataDir);
    return fromFiles(config.tlsCertFile, config.tlsKeyFile);
}

Result<TlsIdentity> TlsIdentity::fromFiles(const QString &certFile, const QString &keyFile)
{
    auto certPem = readFile(QStringLiteral("TLS_CERT_FILE"), certFile);
    if (!certPem)
        return certPem.error();
    auto keyPem = readFile(QStringLiteral("TLS_KEY_FILE"), keyFile);
    if (!keyPem)
        return keyPem.error();
    TlsIdentity id;
    id.chain = QSslCertificate::fromData(certPem.value(), QSsl::Pem);
    if (id.chain.isEmpty())
        return Error::invalid(QStringLiteral("TLS_CERT_FILE: %1 holds no PEM certificate").arg(certFile));
    id.key = parseKey(keyPem.value());
    if (id.key.isNull())
        return Error::invalid(QStringLiteral("TLS_KEY_FILE: %1 holds no unencrypted PEM private key").arg(keyFile));
    if (!certificateMatchesKey(certPem.value(), keyPem.value()))
        return Error::invalid(QStringLiteral("TLS_KEY_FILE: %1 is not the key of the certificate in %2").arg(keyFile, certFile));
    return id;
}

Result<TlsIdentity> TlsIdentity::selfSigned(const QString &dataDir)
{
    const QString dir = dataDir + QStringLiteral("/tls");
    const QString certFile = dir + QStringLiteral("/cert.pem");
    const QString keyFile = dir + QStringLiteral("/key.pem");
    if (QFile::exists(certFile) && QFile::exists(keyFile)) {
        auto kept = fromFiles(certFile, keyFile);
        // The same certificate for as long as it lasts: paired devices pinned its fingerprint.
        if (kept && kept->chain.first().expiryDate().toSecsSinceEpoch()
                        > QDateTime::currentSecsSinceEpoch() + kRenewBeforeExpirySeconds)
            return kept;
    }
    if (auto made = makePrivateDirectory(dir); !made)
        return made.error();
    QStringList dnsNames, addresses;
    localNames(dnsNames, addresses);
    auto pair = makeSelfSignedCertificate(QStringLiteral("Teehee on %1").arg(QHostInfo::localHostName()), dnsNames, addresses);
    if (!pair)
        return pair.error();
    if (auto w = writeFile(keyFile, pair->privateKey, true); !w)
        return w.error();
    if (auto w = writeFile(certFile, pair->certificate, false); !w)
        return w.error();
    return fromFiles(certFile, keyFile);
}

} // namespace teehee
