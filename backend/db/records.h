#pragma once

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

// Where a message stands among the messages that share its parent.
struct SiblingPosition {
    int index = 0;          // 0-based, oldest first
    int count = 1;
};

} // namespace teehee
