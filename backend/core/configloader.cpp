#include "core/configloader.h"

#include "core/logging.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QUrl>

namespace teehee {
namespace {

// The placeholder secrets shipped in .env.example; a server must not run with them.
const QStringList kPlaceholderSecrets{
    QStringLiteral("your-secret-key-change-in-production"),
    QStringLiteral("your-encryption-key-change-in-production"),
    QStringLiteral("change-me"),
};

// A signing or encryption key shorter than this is guessable offline.
constexpr int kMinSecretLength = 32;

Result<int> parseInt(const QString &name, const QString &value, int min, int max)
{
    bool ok = false;
    const int n = value.trimmed().toInt(&ok);
    if (!ok || n < min || n > max)
        return Error::invalid(QStringLiteral("%1: \"%2\" is not a whole number between %3 and %4")
                                  .arg(name, value).arg(min).arg(max));
    return n;
}

Result<bool> parseBool(const QString &name, const QString &value)
{
    const QString v = value.trimmed().toLower();
    if (v == u"1" || v == u"true" || v == u"yes" || v == u"on")
        return true;
    if (v == u"0" || v == u"false" || v == u"no" || v == u"off" || v.isEmpty())
        return false;
    return Error::invalid(QStringLiteral("%1: \"%2\" is not a boolean (use true or false)").arg(name, value));
}

Result<QString> parseHttpUrl(const QString &name, const QString &value)
{
    const QUrl url(value.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") || url.host().isEmpty())
        return Error::invalid(QStringLiteral("%1: \"%2\" is not an http(s) URL").arg(name, value));
    QString s = url.toString();
    while (s.endsWith(u'/'))
        s.chop(1);
    return s;
}

} // namespace

ConfigLoader::ConfigLoader()
    : m_env(QProcessEnvironment::systemEnvironment())
{
}

QString ConfigLoader::defaultDataDir()
{
    const QString fromEnv = qEnvironmentVariable("TEEHEE_DATA_DIR");
    if (!fromEnv.isEmpty())
        return fromEnv;
    QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (dir.isEmpty())
        dir = QDir::homePath() + QStringLiteral("/.local/share");
    return dir + QStringLiteral("/teehee");
}

Result<QHash<QString, QString>> ConfigLoader::parseEnvFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return Error::invalid(QStringLiteral("--env-file: cannot read %1: %2").arg(path, file.errorString()));
    QHash<QString, QString> values;
    int lineNo = 0;
    while (!file.atEnd()) {
        ++lineNo;
        QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        if (line.startsWith(QStringLiteral("export ")))
            line = line.mid(7).trimmed();
        const int eq = line.indexOf(u'=');
        if (eq <= 0)
            return Error::invalid(QStringLiteral("%1:%2: expected KEY=VALUE").arg(path).arg(lineNo));
        const QString key = line.left(eq).trimmed();
        QString value = line.mid(eq + 1).trimmed();
        if (value.size() >= 2 && (value.front() == u'"' || value.front() == u'\'') && value.back() == value.front()) {
            value = value.mid(1, value.size() - 2);
        } else {
            // An unquoted value ends at an inline comment.
            const int hash = value.indexOf(QStringLiteral(" #"));
            if (hash >= 0)
                value = value.left(hash).trimmed();
        }
        values.insert(key, value);
    }
    return values;
}

Result<QStringList> ConfigLoader::parseList(const QString &name, const QString &value)
{
    const QString v = value.trimmed();
    if (v.startsWith(u'[')) {
        QJsonParseError err{};
        const QJsonDocument doc = QJsonDocument::fromJson(v.toUtf8(), &err);
        if (err.error != QJsonParseError::NoError || !doc.isArray())
            return Error::invalid(QStringLiteral("%1: not a valid JSON list (%2)").arg(name, err.errorString()));
        QStringList out;
        for (const QJsonValue &item : doc.array()) {
            if (!item.isString())
                return Error::invalid(QStringLiteral("%1: every entry of the JSON list must be a string").arg(name));
            out << item.toString().trimmed();
        }
        return out;
    }
    QStringList out;
    for (const QString &part : v.split(u',', Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            out << part.trimmed();
    return out;
}

Result<Config> ConfigLoader::load() const
{
    QHash<QString, QString> fileValues;
    if (!m_envFile.isEmpty() && (m_envFileRequired || QFile::exists(m_envFile))) {
        auto parsed = parseEnvFile(m_envFile);
        if (!parsed)
            return parsed.error();
        fileValues = parsed.value();
    }
    // Strongest first: override, environment, .env file; null when unset everywhere.
    auto get = [&](const QString &name) -> QString {
        if (m_overrides.contains(name))
            return m_overrides.value(name);
        if (m_env.contains(name))
            return m_env.value(name);
        return fileValues.value(name);
    };
    auto isSet = [&](const QString &name) {
        return m_overrides.contains(name) || m_env.contains(name) || fileValues.contains(name);
    };

    Config c;
    c.dataDir = get(QStringLiteral("TEEHEE_DATA_DIR"));
    if (c.dataDir.isEmpty())
        c.dataDir = defaultDataDir();

    c.serverId = get(QStringLiteral("TEEHEE_SERVER_ID")).trimmed();
    if (c.serverId.size() > 128)
        return Error::invalid(QStringLiteral("TEEHEE_SERVER_ID: longer than 128 characters"));

    c.databaseUrl = get(QStringLiteral("DATABASE_URL")).trimmed();
    if (c.databaseUrl.isEmpty()) {
        c.database = DatabaseUrl::sqliteFile(c.dataDir + QStringLiteral("/teehee.db"));
    } else {
        auto db = DatabaseUrl::parse(c.databaseUrl);
        if (!db)
            return db.error();
        c.database = db.value();
    }

    c.secretKey = get(QStringLiteral("SECRET_KEY")).toUtf8();
    c.encryptionKey = get(QStringLiteral("ENCRYPTION_KEY")).toUtf8();

#define TEEHEE_INT(field, name, min, max)                                   \
    if (isSet(QStringLiteral(name))) {                                      \
        auto v = parseInt(QStringLiteral(name), get(QStringLiteral(name)), min, max); \
        if (!v)                                                             \
            return v.error();                                               \
        c.field = v.value();                                                \
    }
    TEEHEE_INT(accessTokenExpireMinutes, "ACCESS_TOKEN_EXPIRE_MINUTES", 1, 60 * 24 * 365)
    TEEHEE_INT(deviceTokenDays, "DEVICE_TOKEN_DAYS", 1, 3650)
    TEEHEE_INT(maxTokens, "MAX_TOKENS", 1, 10'000'000)
    TEEHEE_INT(streamTimeoutSeconds, "STREAM_TIMEOUT", 1, 24 * 3600)
    TEEHEE_INT(port, "PORT", 0, 65535)
    TEEHEE_INT(maxConnections, "MAX_CONNECTIONS", 1, 1'000'000)
    TEEHEE_INT(maxConnectionsPerAddress, "MAX_CONNECTIONS_PER_ADDRESS", 1, 1'000'000)
    TEEHEE_INT(maxGenerationsPerUser, "MAX_GENERATIONS_PER_USER", 1, 100'000)
    TEEHEE_INT(toolApprovalTimeoutSeconds, "TOOL_APPROVAL_TIMEOUT", 1, 24 * 3600)
    TEEHEE_INT(maxToolRounds, "MAX_TOOL_ROUNDS", 1, 100)
#undef TEEHEE_INT

    for (const auto &[name, field] : {std::pair{"MAX_REQUEST_BYTES", &c.maxRequestBytes},
                                      std::pair{"MAX_MESSAGE_BYTES", &c.maxMessageBytes},
                                      std::pair{"IMPORT_MAX_BYTES", &c.importMaxBytes},
                                      std::pair{"ATTACHMENT_MAX_BYTES", &c.attachmentMaxBytes},
                                      std::pair{"MAX_REPLY_BYTES", &c.maxReplyBytes}}) {
        if (!isSet(QLatin1String(name)))
            continue;
        bool ok = false;
        const qint64 n = get(QLatin1String(name)).trimmed().toLongLong(&ok);
        if (!ok || n < 1024)
            return Error::invalid(QStringLiteral("%1: \"%2\" is not a byte count of at least 1024")
                                      .arg(QLatin1String(name), get(QLatin1String(name))));
        *field = n;
    }

    for (const auto &[name, field] : {std::pair{"DEBUG", &c.debug}, std::pair{"ALLOW_SIGNUP", &c.allowSignup},
                                      std::pair{"ALLOW_PRIVATE_ENDPOINTS", &c.allowPrivateEndpoints},
                                      std::pair{"AUTO_TITLES", &c.autoTitles},
                                      std::pair{"ALLOW_STDIO_TOOLS", &c.allowStdioTools}}) {
        if (!isSet(QLatin1String(name)))
            continue;
        auto v = parseBool(QLatin1String(name), get(QLatin1String(name)));
        if (!v)
            return v.error();
        *field = v.value();
    }

    if (isSet(QStringLiteral("ALLOWED_ENDPOINT_HOSTS"))) {
        auto v = parseList(QStringLiteral("ALLOWED_ENDPOINT_HOSTS"), get(QStringLiteral("ALLOWED_ENDPOINT_HOSTS")));
        if (!v)
            return v.error();
        // A host name, an address, or a CIDR; a typo must not silently allow nothing.
        static const QRegularExpression hostName(QStringLiteral("^[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_])?\\.?$"));
        for (const QString &entry : v.value()) {
            if (QHostAddress::parseSubnet(entry).first.isNull() && QHostAddress(entry).isNull()
                && !hostName.match(entry).hasMatch())
                return Error::invalid(QStringLiteral("ALLOWED_ENDPOINT_HOSTS: \"%1\" is neither a host name nor a CIDR")
                                          .arg(entry.left(100)));
        }
        c.allowedEndpointHosts = v.value();
    }

    if (isSet(QStringLiteral("CORS_ORIGINS"))) {
        auto v = parseList(QStringLiteral("CORS_ORIGINS"), get(QStringLiteral("CORS_ORIGINS")));
        if (!v)
            return v.error();
        c.corsOrigins = v.value();
    }

    for (const auto &[name, field] : {std::pair{"OPENAI_BASE_URL", &c.openaiBaseUrl},
                                      std::pair{"ANTHROPIC_BASE_URL", &c.anthropicBaseUrl},
                                      std::pair{"MISTRAL_BASE_URL", &c.mistralBaseUrl},
                                      std::pair{"GOOGLE_ISSUER", &c.googleIssuer},
                                      std::pair{"OIDC_ISSUER", &c.oidcIssuer}}) {
        const QString v = get(QLatin1String(name)).trimmed();
        if (v.isEmpty())
            continue;
        auto url = parseHttpUrl(QLatin1String(name), v);
        if (!url)
            return url.error();
        *field = url.value();
    }

    if (isSet(QStringLiteral("APP_NAME")) && !get(QStringLiteral("APP_NAME")).trimmed().isEmpty())
        c.appName = get(QStringLiteral("APP_NAME")).trimmed();
    if (isSet(QStringLiteral("HOST"))) {
        c.host = get(QStringLiteral("HOST")).trimmed();
        if (c.host.isEmpty())
            return Error::invalid(QStringLiteral("HOST: must not be empty"));
    }
    c.tlsCertFile = get(QStringLiteral("TLS_CERT_FILE")).trimmed();
    c.tlsKeyFile = get(QStringLiteral("TLS_KEY_FILE")).trimmed();
    const QString tls = get(QStringLiteral("TLS")).trimmed().toLower();
    if (tls == u"self-signed")
        c.tlsSelfSigned = true;
    else if (!tls.isEmpty() && tls != u"off")
        return Error::invalid(QStringLiteral("TLS: \"%1\" is neither \"self-signed\" nor \"off\"").arg(tls.left(40)));
    if (c.tlsCertFile.isEmpty() != c.tlsKeyFile.isEmpty())
        return Error::invalid(QStringLiteral("TLS_CERT_FILE and TLS_KEY_FILE: set both or neither"));
    if (c.tlsSelfSigned && !c.tlsCertFile.isEmpty())
        return Error::invalid(QStringLiteral("TLS=self-signed and TLS_CERT_FILE: choose one"));
    c.openaiApiKey = get(QStringLiteral("OPENAI_API_KEY")).trimmed();
    c.anthropicApiKey = get(QStringLiteral("ANTHROPIC_API_KEY")).trimmed();
    c.mistralApiKey = get(QStringLiteral("MISTRAL_API_KEY")).trimmed();
    c.oidcClientId = get(QStringLiteral("OIDC_CLIENT_ID")).trimmed();
    c.googleClientId = get(QStringLiteral("GOOGLE_CLIENT_ID")).trimmed();
    c.titleProvider = get(QStringLiteral("TITLE_PROVIDER")).trimmed();
    c.titleModel = get(QStringLiteral("TITLE_MODEL")).trimmed();
    c.pricesFile = get(QStringLiteral("PRICES_FILE")).trimmed();

    if (isSet(QStringLiteral("TRUSTED_PROXIES"))) {
        auto v = parseList(QStringLiteral("TRUSTED_PROXIES"), get(QStringLiteral("TRUSTED_PROXIES")));
        if (!v)
            return v.error();
        for (const QString &entry : v.value()) {
            // A bare address is a one-address range.
            const QString cidr = entry.contains(u'/') ? entry
                : entry + (entry.contains(u':') ? QStringLiteral("/128") : QStringLiteral("/32"));
            const auto subnet = QHostAddress::parseSubnet(cidr);
            if (subnet.first.isNull())
                return Error::invalid(QStringLiteral("TRUSTED_PROXIES: \"%1\" is not an address range such as 127.0.0.1/32").arg(entry));
            c.trustedProxies << subnet.first.toString() + u'/' + QString::number(subnet.second);
        }
    }

    if (!c.debug) {
        for (const auto &[name, value] : {std::pair{"SECRET_KEY", c.secretKey}, std::pair{"ENCRYPTION_KEY", c.encryptionKey}}) {
            if (!value.isEmpty() && QString::fromUtf8(value).size() < kMinSecretLength)
                return Error::invalid(QStringLiteral("%1: shorter than %2 characters; use a long random value (openssl rand -hex 32) or leave it empty to have one generated (or set DEBUG=true)")
                                          .arg(QLatin1String(name)).arg(kMinSecretLength));
        }
    }
    if (m_refusePlaceholders && !c.debug) {
        for (const auto &[name, value] : {std::pair{"SECRET_KEY", c.secretKey}, std::pair{"ENCRYPTION_KEY", c.encryptionKey}}) {
            if (kPlaceholderSecrets.contains(QString::fromUtf8(value)))
                return Error::invalid(QStringLiteral("%1: still the placeholder from .env.example; set a real secret or leave it empty to have one generated (or set DEBUG=true)")
                                          .arg(QLatin1String(name)));
        }
    }
    return c;
}

} // namespace teehee
