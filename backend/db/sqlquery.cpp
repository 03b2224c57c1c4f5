#include "db/sqlquery.h"

#include "core/logging.h"

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

namespace {
// Our own ISO form "2024-01-01T10:00:00.123Z", parsed without QDateTime::fromString,
// which dominates the cost of loading a long chat.
QDateTime parseIsoUtc(QStringView s)
{
    if (s.size() < 19 || s[4] != u'-' || s[7] != u'-' || (s[10] != u'T' && s[10] != u' ') || s[13] != u':')
        return {};
    auto num = [&](int from, int len) {
        int n = 0;
        for (int i = from; i < from + len; ++i) {
            const char16_t c = s[i].unicode();
            if (c < u'0' || c > u'9')
                return -1;
            n = n * 10 + (c - u'0');
        }
        return n;
    };
    int ms = 0;
    qsizetype pos = 19;
    if (pos < s.size() && s[pos] == u'.') {
        int digits = 0;
        for (++pos; pos < s.size() && s[pos].isDigit(); ++pos, ++digits)
            if (digits < 3)
                ms = ms * 10 + (s[pos].unicode() - u'0');
        for (; digits < 3; ++digits)
            ms *= 10;
    }
    const QStringView zone = s.mid(pos);
    if (!(zone.isEmpty() || zone == u"Z" || zone == u"+00" || zone == u"+00:00"))
        return {};
    const QDate date(num(0, 4), num(5, 2), num(8, 2));
    const QTime time(num(11, 2), num(14, 2), num(17, 2), ms);
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}
}

QDateTime time(const QVariant &v)
{
    if (v.isNull())
        return {};
    if (v.metaType() == QMetaType::fromType<QDateTime>())
        return v.toDateTime().toUTC();
    const QString s = v.toString();
    if (QDateTime fast = parseIsoUtc(s); fast.isValid())
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

Transaction::Transaction(QSqlDatabase db) : m_db(std::move(db)) {}

Transaction::~Transaction()
{
    if (m_active)
        m_db.rollback();
}

Status Transaction::begin()
{
    if (!m_db.transaction())
        return SqlQuery::toError(m_db.lastError(), QStringLiteral("starting a transaction"));
    m_active = true;
    return success();
}

Status Transaction::commit()
{
    if (!m_db.commit()) {
        const QSqlError err = m_db.lastError();
        m_db.rollback();
        m_active = false;
        return SqlQuery::toError(err, QStringLiteral("committing"));
    }
    m_active = false;
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

#include <QRegularExpression>
#include <QUuid>

namespace teehee {
bool isUuid(const QString &id)
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return re.match(id).hasMatch();
}

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}
}
