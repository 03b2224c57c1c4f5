#include "keys/keycipher.h"

#include <QtEndian>

#include <sodium.h>

namespace teehee {
namespace {
const QByteArray kPrefixV1 = QByteArrayLiteral("v1:");
const QByteArray kPrefixV2 = QByteArrayLiteral("v2:");

QByteArray associatedDataV1(const QString &userId)
{
    return QByteArrayLiteral("teehee provider key|") + userId.toLower().toUtf8();
}

// Each field with its length in front: no two bindings give the same bytes.
QByteArray associatedDataV2(const KeyBinding &b)
{
    QByteArray ad = QByteArrayLiteral("teehee provider key v2");
    for (const QString &field : {b.userId.toLower(), b.keyId.toLower(), b.provider, b.baseUrl}) {
        const QByteArray bytes = field.toUtf8();
        char length[4];
        qToBigEndian(quint32(bytes.size()), length);
        ad.append(length, 4).append(bytes);
    }
    return ad;
}
} // namespace

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

Result<QString> KeyCipher::encrypt(const QString &plaintext, const KeyBinding &binding) const
{
    return seal(kPrefixV2, plaintext, associatedDataV2(binding));
}

Result<QString> KeyCipher::decrypt(const QString &stored, const KeyBinding &binding) const
{
    return open(kPrefixV2, stored, associatedDataV2(binding));
}

Result<QString> KeyCipher::encryptV1(const QString &plaintext, const QString &userId) const
{
    return seal(kPrefixV1, plaintext, associatedDataV1(userId));
}

Result<QString> KeyCipher::decryptV1(const QString &stored, const QString &userId) const
{
    return open(kPrefixV1, stored, associatedDataV1(userId));
}

bool KeyCipher::isV1(const QString &stored)
{
    return stored.startsWith(QLatin1String(kPrefixV1));
}

Result<QString> KeyCipher::seal(const QByteArray &prefix, const QString &plaintext, const QByteArray &ad) const
{
    const QByteArray m = plaintext.toUtf8();
    QByteArray out(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + m.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
    auto *nonce = reinterpret_cast<unsigned char *>(out.data());
    randombytes_buf(nonce, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    unsigned long long clen = 0;
    if (crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, &clen,
                                                   reinterpret_cast<const unsigned char *>(m.constData()), quint64(m.size()),
                                                   reinterpret_cast<const unsigned char *>(ad.constData()), quint64(ad.size()),
                                                   nullptr, nonce, m_key) != 0)
        return Error::internal(QStringLiteral("cannot encrypt the API key"));
    return QString::fromLatin1(prefix + out.toBase64());
}

Result<QString> KeyCipher::open(const QByteArray &prefix, const QString &stored, const QByteArray &ad) const
{
    const Error bad = Error::internal(QStringLiteral("a stored API key cannot be decrypted: it was altered, moved to "
                                                     "another row, or ENCRYPTION_KEY changed"));
    const QByteArray s = stored.toLatin1();
    if (!s.startsWith(prefix))
        return bad;
    auto decoded = QByteArray::fromBase64Encoding(s.mid(prefix.size()), QByteArray::AbortOnBase64DecodingErrors);
    const QByteArray raw = decoded.decoded;
    const qsizetype minSize = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES;
    if (!decoded || raw.size() < minSize)
        return bad;
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
    const QString plain = QString::fromUtf8(m);
    sodium_memzero(m.data(), size_t(m.size()));
    return plain;
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
