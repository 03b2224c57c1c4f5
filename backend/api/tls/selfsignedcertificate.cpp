#include "api/tls/selfsignedcertificate.h"

#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <memory>

namespace teehee {
namespace {

template <auto Free>
struct Deleter {
    template <class T>
    void operator()(T *p) const { Free(p); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO_free>>;
using BnPtr = std::unique_ptr<BIGNUM, Deleter<BN_free>>;
using ExtPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION_free>>;

Error failure(const char *what)
{
    return Error{ErrorCode::Internal, QStringLiteral("cannot make a TLS certificate: %1").arg(QLatin1String(what))};
}

bool addExtension(X509 *cert, int nid, const QByteArray &value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    ExtPtr ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.constData()));
    return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}

QByteArray pem(int (*write)(BIO *, void *), void *object)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || write(bio.get(), object) != 1)
        return {};
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, qsizetype(size));
}

BioPtr memoryBio(const QByteArray &bytes)
{
    return BioPtr(BIO_new_mem_buf(bytes.constData(), int(bytes.size())));
}

} // namespace

bool certificateMatchesKey(const QByteArray &certificatePem, const QByteArray &privateKeyPem)
{
    BioPtr certBio = memoryBio(certificatePem);
    BioPtr keyBio = memoryBio(privateKeyPem);
    X509Ptr cert(certBio ? PEM_read_bio_X509(certBio.get(), nullptr, nullptr, nullptr) : nullptr);
    // No password callback: an encrypted key is refused, never asked for on a terminal.
    pem_password_cb *noPassword = [](char *, int, int, void *) { return 0; };
    PkeyPtr key(keyBio ? PEM_read_bio_PrivateKey(keyBio.get(), nullptr, noPassword, nullptr) : nullptr);
    return cert && key && X509_check_private_key(cert.get(), key.get()) == 1;
}

Result<PemPair> makeSelfSignedCertificate(const QString &commonName, const QStringList &dnsNames,
                                          const QStringList &ipAddresses)
{
    PkeyPtr key(EVP_EC_gen("P-256"));
    X509Ptr cert(X509_new());
    if (!key || !cert)
        return failure("no key");
    X509_set_version(cert.get(), 2); // v3, for the extensions
    // A random 127-bit serial: two certificates of one name never share one.
    BnPtr serial(BN_new());
    if (!serial || BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1
        || !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get())))
        return failure("no serial number");
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600); // a clock slightly behind still accepts it
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 825L * 24 * 3600);
    X509_set_pubkey(cert.get(), key.get());
    X509_NAME *name = X509_get_subject_name(cert.get());
    const QByteArray cn = commonName.left(64).toUtf8();
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(cn.constData()), -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);

    QStringList alternatives;
    for (const QString &dns : dnsNames)
        alternatives << QStringLiteral("DNS:") + dns;
    for (const QString &ip : ipAddresses)
        alternatives << QStringLiteral("IP:") + ip;
    if (!addExtension(cert.get(), NID_subject_alt_name, alternatives.join(u',').toUtf8())
        || !addExtension(cert.get(), NID_basic_constraints, "critical,CA:FALSE")
        || !addExtension(cert.get(), NID_key_usage, "critical,digitalSignature")
        || !addExtension(cert.get(), NID_ext_key_usage, "serverAuth"))
        return failure("bad extension");
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) <= 0)
        return failure("signing failed");

    PemPair out;
    out.certificate = pem([](BIO *b, void *c) { return PEM_write_bio_X509(b, static_cast<X509 *>(c)); }, cert.get());
    out.privateKey = pem([](BIO *b, void *k) {
        return PEM_write_bio_PrivateKey(b, static_cast<EVP_PKEY *>(k), nullptr, nullptr, 0, nullptr, nullptr);
    }, key.get());
    if (out.certificate.isEmpty() || out.privateKey.isEmpty())
        return failure("cannot write PEM");
    return out;
}

} // namespace teehee
