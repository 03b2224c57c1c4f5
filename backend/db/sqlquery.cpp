#include "db/sqlquery.h"

#include "core/logging.h"
#include "db/sqlitestatements.h"

#include <QAtomicInteger>
#include <QHash>
#include <QJsonDocument>
#include <QMutex>
#include <QSqlError>
#include <QTimeZone>

namespace teehee {

namespace {
struct Statements {
    QMutex mutex;
    QHash<QString, QHash<QString, QSqlQuery>> byConnection;
};
Statements &statements()
{
    static Statements s;
    return s;
}
constexpr int kMaxStatementsPerConnection = 256;
}

namespace StatementCache {
void clear(const QString &connectionName)
{
    QHash<QString, QSqlQuery> dropped;
    {
        QMutexLocker lock(&statements().mutex);
        dropped = statements().byConnection.take(connectionName);
    }
    // `dropped` finalises its statements here, outside the lock.
    SqliteStatements::clear(connectionName);
}
}

SqlQuery::SqlQuery(const QSqlDatabase &db, const QString &sql)
    : m_sql(sql), m_connection(db.connectionName())
{
    {
        QMutexLocker lock(&statements().mutex);
        auto conn = statements().byConnection.find(m_connection);
        if (conn != statements().byConnection.end()) {
            auto it = conn->find(sql);
            if (it != conn->end()) {
                m_query = std::move(it.value());
                conn->erase(it);
                m_prepared = true;
                return;
            }
        }
    }
    // Forward-only saves SQLite a result cache; QPSQL would switch to single-row
    // mode for it, one network wait per row, so PostgreSQL fetches results whole.
    m_query = QSqlQuery(db);
    m_query.setForwardOnly(db.driverName() == u"QSQLITE");
    m_prepared = m_query.prepare(sql);
}

SqlQuery::~SqlQuery()
{
    if (!m_prepared)
        return;
    // Release SQLite's read snapshot now rather than when the statement is reused.
    m_query.finish();
    QMutexLocker lock(&statements().mutex);
    auto &conn = statements().byConnection[m_connection];
    if (conn.size() < kMaxStatementsPerConnection && !conn.contains(m_sql))
        conn.insert(m_sql, std::move(m_query));
}

SqlQuery &SqlQuery::bind(const QString &name, const QVariant &value)
{
    m_query.bindValue(name, value);
    return *this;
}

SqlQuery &SqlQuery::bindText(const QString &name, const QString &value)
{
    m_query.bindValue(name, value.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(value));
    return *this;
}

SqlQuery &SqlQuery::bindTime(const QString &name, const QDateTime &value)
{
    m_query.bindValue(name, sqlvalue::isoTime(value));
    return *this;
}

SqlQuery &SqlQuery::bindJson(const QString &name, const QJsonObject &value)
{
    m_query.bindValue(name, QString::fromUtf8(QJsonDocument(value).toJson(QJsonDocument::Compact)));
    return *this;
}

Status SqlQuery::exec()
{
    if (!m_prepared) {
        qCWarning(lcDb).noquote() << "prepare failed:" << m_query.lastError().text() << "in" << m_sql.simplified();
        return toError(m_query.lastError(), QStringLiteral("preparing a statement"));
    }
    if (!m_query.exec()) {
        qCWarning(lcDb).noquote() << "statement failed:" << m_query.lastError().text() << "in" << m_sql.simplified();
        return toError(m_query.lastError(), QStringLiteral("running a statement"));
    }
    return success();
}

Error SqlQuery::toError(const QSqlError &error, const QString &what)
{
    const QString code = error.nativeErrorCode();
    const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    if (code == u"23505" || code == u"2067" || code == u"1555" || text.contains(u"UNIQUE constraint failed"))
        return Error::conflict(QStringLiteral("already exists"));
    if (code == u"23503" || code == u"787" || text.contains(u"FOREIGN KEY constraint failed"))
        return Error::notFound(QStringLiteral("a referenced row does not exist"));
    if (error.type() == QSqlError::ConnectionError || code == u"08006" || code == u"57P01")
        return Error{ErrorCode::Unavailable, QStringLiteral("the database is unreachable")};
    return Error::database(QStringLiteral("database error while %1: %2").arg(what, text.trimmed()));
}

namespace sqlvalue {

QString text(const QVariant &v)
{
    return v.isNull() ? QString() : v.toString();
}

QString isoTime(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

// Our ISO form "2024-01-01T10:00:00.123Z" and PostgreSQL's "2024-01-01 10:00:00.123456+00",
// by integer arithmetic: QDateTime::fromString dominates the cost of loading a
// long chat. (Civil date to days: H. Hinnant's algorithm.)
QDateTime parseUtc(QByteArrayView s)
{
    if (s.size() < 19 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') || s[13] != ':' || s[16] != ':')
        return {};
    bool ok = true;
    auto num = [&](qsizetype from, qsizetype len) {
        int n = 0;
        for (qsizetype i = from; i < from + len; ++i) {
            const char c = s[i];
            if (c < '0' || c > '9') {
                ok = false;
                return 0;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    };
    const int year = num(0, 4), month = num(5, 2), day = num(8, 2);
    const int hour = num(11, 2), minute = num(14, 2), second = num(17, 2);
    int ms = 0;
    qsizetype pos = 19;
    if (pos < s.size() && s[pos] == '.') {
        int digits = 0;
        for (++pos; pos < s.size() && s[pos] >= '0' && s[pos] <= '9'; ++pos, ++digits)
            if (digits < 3)
                ms = ms * 10 + (s[pos] - '0');
        for (; digits < 3; ++digits)
            ms *= 10;
    }
    int offsetMinutes = 0;
    const QByteArrayView zone = s.sliced(pos);
    if (!zone.isEmpty() && zone != "Z") {
        if ((zone[0] != '+' && zone[0] != '-') || (zone.size() != 3 && zone.size() != 6 && zone.size() != 5))
            return {};
        if (zone.size() == 6 && zone[3] != ':')
            return {};
        const int hh = num(pos + 1, 2);
        const int mm = zone.size() == 3 ? 0 : num(pos + zone.size() - 2, 2);
        offsetMinutes = (zone[0] == '-' ? -1 : 1) * (hh * 60 + mm);
    }
    if (!ok || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)
        return {};
    if (!QDate::isValid(year, month, day))
        return {};
    const qint64 y = year - (month <= 2);
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const qint64 yoe = y - era * 400;
    const qint64 doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const qint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    const qint64 days = era * 146097 + doe - 719468;
    const qint64 msecs = ((days * 24 + hour) * 60 + minute) * 60000LL + second * 1000LL + ms - offsetMinutes * 60000LL;
    return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
}

QDateTime time(const QVariant &v)
{
    if (v.isNull())
        return {};
    if (v.metaType() == QMetaType::fromType<QDateTime>())
        return v.toDateTime().toUTC();
    const QString s = v.toString();
    if (QDateTime fast = parseUtc(s.toLatin1()); fast.isValid())
        return fast;
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!t.isValid())
        return {};
    return t.toUTC();
}

QJsonObject json(const QVariant &v)
{
    if (v.isNull())
        return {};
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

} // namespace sqlvalue

namespace {
// Per connection of this thread: how many Transactions are open on it, and
// whether one of the inner ones ended without committing.
struct OpenTransaction {
    int depth = 0;
    bool failed = false;
};
thread_local QHash<QString, OpenTransaction> t_open;
}

Transaction::Transaction(QSqlDatabase db) : m_db(std::move(db)) {}

Transaction::Transaction(const Database &db) : m_database(&db) {}

Transaction::~Transaction()
{
    if (!m_active)
        return;
    auto it = t_open.find(m_db.connectionName());
    if (m_joined) {
        if (it != t_open.end()) {
            --it->depth;
            it->failed = true;
        }
        return;
    }
    if (it != t_open.end())
        t_open.erase(it);
    m_db.rollback();
}

Status Transaction::begin()
{
    if (m_database) {
        auto connection = m_database->connection();
        if (!connection)
            return connection.error();
        m_db = connection.value();
    }
    OpenTransaction &open = t_open[m_db.connectionName()];
    if (open.depth > 0) {
        ++open.depth;
        m_joined = m_active = true;
        return success();
    }
    // SQLite: take the write lock now. A plain BEGIN reads first and, when
    // another connection (the reply writer) commits meanwhile, fails on its
    // first write with "database is locked" instead of waiting its turn.
    const bool sqlite = m_db.driverName() == QLatin1String("QSQLITE");
    if (sqlite)
        Database::yieldToWaitingWriters();
    QSqlQuery begin(m_db);
    if (sqlite ? !begin.exec(QStringLiteral("BEGIN IMMEDIATE")) : !m_db.transaction()) {
        t_open.remove(m_db.connectionName());
        return SqlQuery::toError(sqlite ? begin.lastError() : m_db.lastError(), QStringLiteral("starting a transaction"));
    }
    open = OpenTransaction{1, false};
    m_active = true;
    return success();
}

Status Transaction::commit()
{
    if (!m_active)
        return Error::internal(QStringLiteral("committing a transaction that was not begun"));
    m_active = false;
    auto it = t_open.find(m_db.connectionName());
    if (m_joined) {
        if (it != t_open.end())
            --it->depth;
        return success();
    }
    const bool failed = it != t_open.end() && it->failed;
    if (it != t_open.end())
        t_open.erase(it);
    if (failed) {
        m_db.rollback();
        return Error::database(QStringLiteral("a step of the transaction failed; nothing was saved"));
    }
    if (!m_db.commit()) {
        const QSqlError err = m_db.lastError();
        m_db.rollback();
        return SqlQuery::toError(err, QStringLiteral("committing"));
    }
    return success();
}

qint64 nextSequence()
{
    static QAtomicInteger<qint64> last{0};
    const qint64 now = QDateTime::currentMSecsSinceEpoch() * 1000;
    qint64 prev = last.loadRelaxed();
    for (;;) {
        const qint64 next = std::max(now, prev + 1);
        if (last.testAndSetOrdered(prev, next, prev))
            return next;
    }
}

} // namespace teehee

#include <QUuid>

namespace teehee {
bool isUuid(const QString &id)
{
    // 8-4-4-4-12 hex digits; checked by hand, as it runs several times per request.
    if (id.size() != 36)
        return false;
    for (qsizetype i = 0; i < 36; ++i) {
        const char16_t c = id.at(i).unicode();
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != u'-')
                return false;
        } else if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F'))) {
            return false;
        }
    }
    return true;
}

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}
}
