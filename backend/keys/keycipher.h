#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QString>

namespace teehee {

// Provider API keys at rest: XChaCha20-Poly1305 (libsodium) under a key
// derived from ENCRYPTION_KEY (never the raw value), with the owner's user id
// as associated data so a ciphertext cannot be moved to another account.
// Stored form: "v1:" + base64(nonce || ciphertext+tag).
class KeyCipher {
public:
    explicit KeyCipher(const QByteArray &encryptionKey);
    ~KeyCipher();
    KeyCipher(const KeyCipher &) = delete;
    KeyCipher &operator=(const KeyCipher &) = delete;

    Result<QString> encrypt(const QString &plaintext, const QString &userId) const;
    // Fails (never returns garbage) when the text was altered or the key differs.
    Result<QString> decrypt(const QString &stored, const QString &userId) const;

    // The masked form shown to users, e.g. "sk-…abcd".
    static QString hint(const QString &apiKey);

private:
    unsigned char m_key[32];
};

} // namespace teehee
