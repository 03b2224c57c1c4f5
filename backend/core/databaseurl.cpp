#include "core/databaseurl.h"

#include <QUrl>

namespace teehee {

DatabaseUrl DatabaseUrl::sqliteFile(const QString &path)
{
    DatabaseUrl u;
    u.kind = Kind::Sqlite;
    u.path = path;
    return u;
}

Result<DatabaseUrl> DatabaseUrl::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    const int sep = trimmed.indexOf(u"://");
    if (sep <= 0)
        return Error::invalid(QStringLiteral("DATABASE_URL: expected a URL such as sqlite:///path/teehee.db or postgresql://user:pass@host:5432/db"));
    const QString scheme = trimmed.left(sep).toLower();

    if (scheme == u"sqlite") {
        // sqlite:///absolute/path.db → "/absolute/path.db"
        const QString path = trimmed.mid(sep + 3);
        if (!path.startsWith(u'/'))
            return Error::invalid(QStringLiteral("DATABASE_URL: a SQLite URL needs an absolute path (sqlite:///absolute/path.db)"));
        return sqliteFile(path);
    }

    if (scheme != u"postgresql" && scheme != u"postgres" && scheme != u"postgresql+asyncpg"
        && scheme != u"postgresql+psycopg2" && scheme != u"postgresql+psycopg")
        return Error::invalid(QStringLiteral("DATABASE_URL: unknown scheme \"%1\" (use sqlite:// or postgresql://)").arg(scheme));

    const QUrl url(QStringLiteral("postgresql") + trimmed.mid(sep), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return Error::invalid(QStringLiteral("DATABASE_URL: not a valid PostgreSQL URL (postgresql://user:pass@host:5432/db)"));
    DatabaseUrl u;
    u.kind = Kind::Postgres;
    u.host = url.host();
    u.port = url.port(5432);
    u.user = url.userName(QUrl::FullyDecoded);
    u.password = url.password(QUrl::FullyDecoded);
    u.database = url.path(QUrl::FullyDecoded).mid(1);
    if (u.database.isEmpty())
        return Error::invalid(QStringLiteral("DATABASE_URL: the PostgreSQL URL names no database (postgresql://user:pass@host:5432/db)"));
    return u;
}

QString DatabaseUrl::redacted() const
{
    if (isSqlite())
        return QStringLiteral("sqlite://") + path;
    QString auth = user;
    if (!password.isEmpty())
        auth += QStringLiteral(":***");
    if (!auth.isEmpty())
        auth += u'@';
    return QStringLiteral("postgresql://%1%2:%3/%4").arg(auth, host).arg(port).arg(database);
}

} // namespace teehee
