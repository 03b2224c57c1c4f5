#pragma once

#include "core/databaseurl.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace teehee {

// Every setting of the product, after all sources were merged and validated.
// Defaults live here so that `--help`, `.env.example` and the code agree.
struct Config {
    QString databaseUrl;          // empty: SQLite file in the data directory
    DatabaseUrl database;         // parsed form of databaseUrl (or the default file)
    QByteArray secretKey;         // JWT signing key; generated and kept when unset
    QByteArray encryptionKey;     // provider-key encryption; generated and kept when unset
    int accessTokenExpireMinutes = 30;
    int deviceTokenDays = 90;     // a device's token lapses after this many days without use
    QStringList corsOrigins{QStringLiteral("http://localhost:3000"), QStringLiteral("http://localhost:8080")};
    QString appName = QStringLiteral("Teehee");
    bool debug = false;

    QString openaiApiKey;
    QString anthropicApiKey;
    QString mistralApiKey;
    QString openaiBaseUrl = QStringLiteral("https://api.openai.com/v1");
    QString anthropicBaseUrl = QStringLiteral("https://api.anthropic.com");
    QString mistralBaseUrl = QStringLiteral("https://api.mistral.ai/v1");

    int maxTokens = 4096;
    int streamTimeoutSeconds = 300;

    QString host = QStringLiteral("127.0.0.1");
    int port = 8000;
    // HTTPS and WSS on the same port: from these PEM files, or with a
    // certificate generated once and kept in the data directory.
    QString tlsCertFile;
    QString tlsKeyFile;
    bool tlsSelfSigned = false;
    bool usesTls() const { return tlsSelfSigned || !tlsCertFile.isEmpty(); }
    bool allowSignup = true;
    qint64 maxRequestBytes = 1024 * 1024;
    qint64 importMaxBytes = 256LL * 1024 * 1024;   // IMPORT_MAX_BYTES: POST /import only
    qint64 maxMessageBytes = 1000 * 1000;
    qint64 attachmentMaxBytes = 20 * 1024 * 1024; // ATTACHMENT_MAX_BYTES: one uploaded file
    int maxConnections = 4096;            // open client connections in all
    int maxConnectionsPerAddress = 128;   // from one client address (a trusted proxy counts only in all)

    QString oidcIssuer;
    QString oidcClientId;
    QString googleClientId;
    QString googleIssuer = QStringLiteral("https://accounts.google.com");

    QString dataDir;              // where the default database and the secrets file live
    QString serverId;             // empty: generated once and kept in the data directory

    QStringList trustedProxies;   // CIDRs ("127.0.0.1/32") whose X-Forwarded-For names the client
    // Users' custom endpoints may reach private, loopback and link-local
    // addresses: all of them, or the listed host names and CIDRs.
    bool allowPrivateEndpoints = false;
    QStringList allowedEndpointHosts;
    // MCP tool servers: stdio ones run programs here, so only the desktop's
    // own account adds them unless the operator allows everyone (ALLOW_STDIO_TOOLS).
    bool allowStdioTools = false;
    int toolApprovalTimeoutSeconds = 300; // TOOL_APPROVAL_TIMEOUT: then a call counts as denied
    int maxToolRounds = 8;                // MAX_TOOL_ROUNDS
    int toolCallTimeoutSeconds = 120;     // one tool call, once approved
    int maxGenerationsPerUser = 8;              // replies running at once for one user
    qint64 maxReplyBytes = 4 * 1024 * 1024;     // UTF-8 bytes one reply may add
    bool autoTitles = true;       // a "New Chat" is named after its first reply
    QString titleProvider;        // empty: the provider of that reply
    QString titleModel;           // empty: the model of that reply (or the title provider's default)
    QString pricesFile;           // JSON prices over the built-in table; empty: the built-in one
};

// One documented variable: what `--help` and `.env.example` print.
struct ConfigVariable {
    const char *name;
    const char *defaultValue;
    const char *description;
};

// The variables in documentation order.
const QList<ConfigVariable> &configVariables();

} // namespace teehee
