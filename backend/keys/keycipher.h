#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QString>

namespace teehee {

// What a stored key belongs to: its row, its owner, and where it is sent.
struct KeyBinding {
    QString userId;
    QString keyId;
    QString provider;
    QString baseUrl; // empty for the built-in providers
};

// Provider API keys at rest: XChaCha20-Poly1305 (libsodium) under a key
// derived from ENCRYPTION_KEY (never the raw value). The associated data binds
// the ciphertext to its row: owner, key id, provider and base URL, so a
// ciphertext copied to another row or account, or left under a changed
// base_url (which would send the key elsewhere), no longer decrypts.
// Stored form: "v2:" + base64(nonce || ciphertext+tag). The first form, "v1:",
// bound the owner only; it is still read, to be re-encrypted.
class KeyCipher {
public:
    explicit KeyCipher(const QByteArray &encryptionKey);
    ~KeyCipher();
    KeyCipher(const KeyCipher &) = delete;
    KeyCipher &operator=(const KeyCipher &) = delete;

    Result<QString> encrypt(const QString &plaintext, const KeyBinding &binding) const;
    // Fails (never returns garbage) when the text was altered, belongs to
    // another binding, or the key differs.
    Result<QString> decrypt(const QString &stored, const KeyBinding &binding) const;
    // A row of the first form: decrypts with the owner alone.
    Result<QString> decryptV1(const QString &stored, const QString &userId) const;
    static bool isV1(const QString &stored);

    // The first form, kept for tests of the upgrade.
    Result<QString> encryptV1(const QString &plaintext, const QString &userId) const;

    // The masked form shown to users, e.g. "sk-…abcd".
    static QString hint(const QString &apiKey);

private:
    Result<QString> seal(const QByteArray &prefix, const QString &plaintext, const QByteArray &ad) const;
    Result<QString> open(const QByteArray &prefix, const QString &stored, const QByteArray &ad) const;

    unsigned char m_key[32];
};

} // namespace teehee
