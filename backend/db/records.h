#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace teehee {

// Rows as the repositories read and write them. Ids are lower-case UUID text;
// an empty id means NULL.

struct UserRecord {
    QString id;
    QString email;          // stored lower-case: e-mail uniqueness is case-insensitive
    QString ssoId;
    QString passwordHash;   // argon2id or a migrated bcrypt hash; empty for SSO-only users
    QDateTime createdAt;
};

struct KeyRecord {
    QString id;
    QString userId;
    QString providerName;
    QString encryptedApiKey;
    QString hint;           // masked form shown to the user, e.g. "sk-…abcd"
    QString baseUrl;        // custom OpenAI-compatible endpoints only
    QString label;
    QDateTime createdAt;
};

struct ChatRecord {
    QString id;
    QString userId;
    QString name;
    QString rootMessageId;
    QString activeLeafId;
    QString systemPrompt;
    QDateTime createdAt;
    QDateTime updatedAt;
    // The chat's settings, shared by every device: empty until chosen.
    QString provider;
    QString model;
    QJsonObject options;    // model options as stored (chat/chatoptions.h checks them)
};

namespace MessageStatus {
inline const QString Complete = QStringLiteral("complete");
inline const QString Streaming = QStringLiteral("streaming");
inline const QString Aborted = QStringLiteral("aborted");
inline const QString Error = QStringLiteral("error");
}

struct MessageRecord {
    QString id;
    QString chatId;
    QString parentId;
    QString role;           // user, assistant, system
    QJsonObject content;    // {"text": ...} plus error/usage/deleted when they apply
    QDateTime timestamp;
    bool isPartial = false;
    QString model;
    QString provider;
    QString status = MessageStatus::Complete;
    qint64 seq = 0;         // creation order, also among rows of the same millisecond
    QString finishReason;
    std::optional<int> tokensIn;
    std::optional<int> tokensOut;
    QDateTime updatedAt;

    QString text() const { return content.value(QStringLiteral("text")).toString(); }
};

// One signed-in client of an account (a browser, a phone, another desktop).
struct DeviceRecord {
    QString id;
    QString userId;
    QString name;
    QDateTime createdAt;
    QDateTime lastSeenAt;   // moved forward as its token is used
    QDateTime revokedAt;    // invalid while the device may still sign in

    bool isRevoked() const { return revokedAt.isValid(); }
};

// A file a user uploaded for their messages. `bytes` is empty when only the
// description was read (AttachmentRepository::find).
struct AttachmentRecord {
    QString id;
    QString userId;
    QString name;
    QString mimeType;
    qint64 size = 0;
    QString sha256;      // lower-case hex
    QByteArray bytes;
    QDateTime createdAt;
};

namespace PairingStatus {
inline const QString Pending = QStringLiteral("pending");
inline const QString Approved = QStringLiteral("approved");
inline const QString Denied = QStringLiteral("denied");
inline const QString Expired = QStringLiteral("expired"); // never stored: a pending row past expires_at
}

// An MCP server a user configured. `config` is {command, args, url}; the
// environment and headers are in `sealedSecrets` (KeyCipher), never in config.
struct ToolServerRecord {
    QString id;
    QString userId;
    QString name;
    QString transport;     // "stdio" or "http"
    QJsonObject config;
    QString sealedSecrets; // empty: none
    bool enabled = true;
    QDateTime createdAt;
    QDateTime updatedAt;
};

// A new device asking to join an account with a pairing code. The code itself
// is never stored (only its hash, in pair_invitations); nor is the token the
// device gets, which is made when it collects it.
struct PairingRequestRecord {
    QString id;             // the pairing_id
    QString userId;         // the inviting account
    QString deviceName;
    QString verification;   // the 6 digits both sides show
    QString status = PairingStatus::Pending;
    QDateTime createdAt;
    QDateTime expiresAt;    // pending: until then; approved: the token must be collected by then
    QString deviceId;       // set when the token was collected
    QDateTime deliveredAt;
};

// Where a message stands among the messages that share its parent.
struct SiblingPosition {
    int index = 0;          // 0-based, oldest first
    int count = 1;
};

} // namespace teehee
