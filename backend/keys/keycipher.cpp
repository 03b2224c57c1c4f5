#include "keys/keycipher.h"

#include <sodium.h>

namespace teehee {
namespace {
const QByteArray kPrefix = QByteArrayLiteral("v1:");
QByteArray associatedData(const QString &userId)
{
    return QByteArrayLiteral("teehee provider key|") + userId.toLower().toUtf8();
}
}

KeyCipher::KeyCipher(const QByteArray &encryptionKey)
{
    if (sodium_init() < 0)
        qFatal("libsodium failed to initialise");
    // ENCRYPTION_KEY may be any length: hash it to a master key, then derive
    // a subkey for this one purpose.
    unsigned char master[crypto_kdf_KEYBYTES];
    crypto_generichash(master, sizeof master, reinterpret_cast<const unsigned char *>(encryptionKey.constData()),
                       size_t(encryptionKey.size()), nullptr, 0);
    crypto_kdf_derive_from_key(m_key, sizeof m_key, 1, "tehkeys1", master);
    sodium_memzero(master, sizeof master);
}

KeyCipher::~KeyCipher()
{
    sodium_memzero(m_key, sizeof m_key);
}

Result<QString> KeyCipher::encrypt(const QString &plaintext, const QString &userId) const
{
    const QByteArray m = plaintext.toUtf8();
    const QByteArray ad = associatedData(userId);
    QByteArray out(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + m.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
    auto *nonce = reinterpret_cast<unsigned char *>(out.data());
    randombytes_buf(nonce, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    unsigned long long clen = 0;
    if (crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, &clen,
                                                   reinterpret_cast<const unsigned char *>(m.constData()), quint64(m.size()),
                                                   reinterpret_cast<const unsigned char *>(ad.constData()), quint64(ad.size()),
                                                   nullptr, nonce, m_key) != 0)
        return Error::internal(QStringLiteral("cannot encrypt the API key"));
    return QString::fromLatin1(kPrefix + out.toBase64());
}

Result<QString> KeyCipher::decrypt(const QString &stored, const QString &userId) const
{
    const Error bad = Error::internal(QStringLiteral("a stored API key cannot be decrypted: it was altered or ENCRYPTION_KEY changed"));
    const QByteArray s = stored.toLatin1();
    if (!s.startsWith(kPrefix))
        return bad;
    auto decoded = QByteArray::fromBase64Encoding(s.mid(kPrefix.size()), QByteArray::AbortOnBase64DecodingErrors);
    const QByteArray raw = decoded.decoded;
    const qsizetype minSize = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES;
    if (!decoded || raw.size() < minSize)
        return bad;
    const QByteArray ad = associatedData(userId);
    QByteArray m(raw.size() - minSize, '\0');
    unsigned long long mlen = 0;
    const auto *nonce = reinterpret_cast<const unsigned char *>(raw.constData());
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char *>(m.data()), &mlen, nullptr,
                                                   nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
                                                   quint64(raw.size() - crypto_aead_xchacha20poly1305_ietf_NPUBBYTES),
                                                   reinterpret_cast<const unsigned char *>(ad.constData()), quint64(ad.size()),
                                                   nonce, m_key) != 0)
        return bad;
    m.truncate(qsizetype(mlen));
    return QString::fromUtf8(m);
}

QString KeyCipher::hint(const QString &apiKey)
{
    const QString k = apiKey.trimmed();
    if (k.size() < 8)
        return QStringLiteral("…");
    if (k.size() < 16)
        return QStringLiteral("…") + k.right(2);
    return k.left(3) + QStringLiteral("…") + k.right(4);
}

} // namespace teehee
