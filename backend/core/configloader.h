#pragma once

#include "core/config.h"
#include "core/error.h"

#include <QHash>
#include <QProcessEnvironment>

namespace teehee {

// Merges the sources of configuration, strongest first: explicit overrides
// (command-line flags), the process environment, a .env file, the defaults.
// Validation stops at the first bad value with a message naming the variable.
class ConfigLoader {
public:
    ConfigLoader();

    void setEnvironment(const QProcessEnvironment &env) { m_env = env; }
    // A .env file; a missing file is fine unless `required` (an explicit --env-file).
    void setEnvFile(const QString &path, bool required) { m_envFile = path; m_envFileRequired = required; }
    // A value that beats every other source (from a command-line flag).
    void setOverride(const QString &name, const QString &value) { m_overrides.insert(name, value); }
    // Placeholder secrets from .env.example are refused unless DEBUG is on.
    void setRefusePlaceholderSecrets(bool refuse) { m_refusePlaceholders = refuse; }

    Result<Config> load() const;

    // Parses KEY=VALUE lines: comments, `export`, single and double quotes.
    static Result<QHash<QString, QString>> parseEnvFile(const QString &path);
    // A JSON list (["a","b"]) or a comma list (a, b).
    static Result<QStringList> parseList(const QString &name, const QString &value);

    static QString defaultDataDir();

private:
    QProcessEnvironment m_env;
    QString m_envFile;
    bool m_envFileRequired = false;
    bool m_refusePlaceholders = false;
    QHash<QString, QString> m_overrides;
};

} // namespace teehee
