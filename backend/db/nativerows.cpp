#include "db/nativerows.h"

#include "core/logging.h"
#include "db/sqlitestatements.h"
#include "db/sqlquery.h"

#include <QJsonDocument>
#include <QSqlDriver>
#include <QVarLengthArray>

#include <charconv>
#include <libpq-fe.h>
#include <sqlite3.h>

namespace teehee {

struct NativeRows::Impl {
    // SQLite: a cached statement stepped row by row, given back when done.
    sqlite3_stmt *statement = nullptr;
    QString connection;
    bool done = false;
    // PostgreSQL: the whole result in binary form, walked by index. Binary
    // spares the server its uuid, timestamptz and integer output functions
    // (a third of the time for a whole chat) and us parsing their text.
    PGresult *result = nullptr;
    int row = -1;
    int rows = 0;
    QVarLengthArray<Oid, 16> types;
    // The last text read per column: chat ids, roles and statuses repeat row
    // after row, and a repeat then shares one QString instead of allocating.
    struct LastText {
        QByteArray bytes;
        QString text;
    };
    QVarLengthArray<LastText, 16> last;

    const QString &shared(int column, QByteArrayView b, QString (*convert)(QByteArrayView))
    {
        if (column >= last.size())
            last.resize(column + 1);
        LastText &l = last[column];
        if (l.bytes != b) {
            l.bytes.resize(b.size());
            memcpy(l.bytes.data(), b.data(), size_t(b.size()));
            l.text = convert(b);
        }
        return l.text;
    }

    const char *value(int column) const { return PQgetvalue(result, row, column); }
    int length(int column) const { return PQgetlength(result, row, column); }

    ~Impl()
    {
        if (statement)
            SqliteStatements::giveBack(connection, statement);
        if (result)
            PQclear(result);
    }
};

namespace {

// PostgreSQL type OIDs (catalog/pg_type_d.h) of the columns we read.
constexpr Oid kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kTimestamp = 1114,
              kTimestampTz = 1184, kUuid = 2950, kJsonb = 3802;
// Binary timestamps count microseconds from 2000-01-01T00:00:00Z.
constexpr qint64 kPostgresEpochMs = 946684800000LL;

qint64 bigEndian(const char *p, int length)
{
    qint64 v = (length > 0 && (p[0] & 0x80)) ? -1 : 0; // sign-extend
    for (int i = 0; i < length; ++i)
        v = (v << 8) | quint8(p[i]);
    return v;
}

QString uuidText(QByteArrayView b)
{
    if (b.size() != 16)
        return {};
    const char *p = b.data();
    static const char hex[] = "0123456789abcdef";
    char out[36];
    int w = 0;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out[w++] = '-';
        out[w++] = hex[quint8(p[i]) >> 4];
        out[w++] = hex[quint8(p[i]) & 15];
    }
    return QString::fromLatin1(out, 36);
}

Error readError(const char *sql, const QString &message)
{
    qCWarning(lcDb).noquote() << "statement failed:" << message << "in" << QString::fromUtf8(sql).simplified();
    return Error::database(QStringLiteral("database error: %1").arg(message.trimmed()));
}

// QSQLITE hands out "sqlite3*", QPSQL "pg_conn*" (PGconn's struct name).
template <typename Handle>
Handle nativeHandle(const QSqlDatabase &db, const char *typeName)
{
    const QVariant v = db.driver() ? db.driver()->handle() : QVariant();
    if (!v.isValid() || qstrcmp(v.typeName(), typeName) != 0)
        return nullptr;
    return *static_cast<Handle const *>(v.constData());
}

Result<std::unique_ptr<NativeRows::Impl>> selectSqlite(const QSqlDatabase &db, sqlite3 *handle, const char *sql,
                                                        std::initializer_list<QByteArray> params)
{
    auto impl = std::make_unique<NativeRows::Impl>();
    impl->connection = db.connectionName();
    auto statement = SqliteStatements::take(impl->connection, handle, sql);
    if (!statement)
        return readError(sql, statement.error().message);
    impl->statement = statement.value();
    int n = 0;
    for (const QByteArray &p : params) {
        ++n;
        // "$n" may appear out of order in the text; SQLite numbers parameters
        // by first appearance, so look each one up by its name.
        const QByteArray name = '$' + QByteArray::number(n);
        int index = sqlite3_bind_parameter_index(impl->statement, name.constData());
        if (index == 0)
            index = n;
        const int rc = p.isNull() ? sqlite3_bind_null(impl->statement, index)
                                  : sqlite3_bind_text(impl->statement, index, p.constData(), int(p.size()), SQLITE_TRANSIENT);
        if (rc != SQLITE_OK)
            return readError(sql, QString::fromUtf8(sqlite3_errmsg(handle)));
    }
    return impl;
}

Result<std::unique_ptr<NativeRows::Impl>> selectPostgres(PGconn *conn, const char *sql, std::initializer_list<QByteArray> params)
{
    QVarLengthArray<const char *, 8> values;
    QVarLengthArray<int, 8> lengths;
    for (const QByteArray &p : params) {
        values.append(p.isNull() ? nullptr : p.constData());
        lengths.append(int(p.size()));
    }
    auto impl = std::make_unique<NativeRows::Impl>();
    // Unnamed statement: parse, bind and execute in one round trip.
    impl->result = PQexecParams(conn, sql, int(values.size()), nullptr, values.data(), lengths.data(), nullptr, 1);
    if (PQresultStatus(impl->result) != PGRES_TUPLES_OK) {
        if (PQstatus(conn) == CONNECTION_BAD)
            return Error{ErrorCode::Unavailable, QStringLiteral("the database is unreachable")};
        return readError(sql, QString::fromUtf8(PQresultErrorMessage(impl->result)));
    }
    impl->rows = PQntuples(impl->result);
    for (int c = 0, n = PQnfields(impl->result); c < n; ++c)
        impl->types.append(PQftype(impl->result, c));
    return impl;
}

} // namespace

Result<NativeRows> NativeRows::select(const QSqlDatabase &db, const char *sql, std::initializer_list<QByteArray> params)
{
    if (!db.isOpen())
        return Error{ErrorCode::Unavailable, QStringLiteral("the database is unreachable")};
    if (auto *sqlite = nativeHandle<sqlite3 *>(db, "sqlite3*")) {
        auto impl = selectSqlite(db, sqlite, sql, params);
        if (!impl)
            return impl.error();
        return NativeRows(std::move(impl).value());
    }
    if (auto *pg = nativeHandle<PGconn *>(db, "pg_conn*")) {
        auto impl = selectPostgres(pg, sql, params);
        if (!impl)
            return impl.error();
        return NativeRows(std::move(impl).value());
    }
    return Error::database(QStringLiteral("unsupported database driver %1").arg(db.driverName()));
}

NativeRows::NativeRows(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
NativeRows::NativeRows(NativeRows &&) noexcept = default;
NativeRows &NativeRows::operator=(NativeRows &&) noexcept = default;
NativeRows::~NativeRows() = default;

bool NativeRows::next()
{
    if (m_impl->statement) {
        if (m_impl->done)
            return false;
        const int rc = sqlite3_step(m_impl->statement);
        if (rc == SQLITE_ROW)
            return true;
        if (rc != SQLITE_DONE)
            m_error = readError(sqlite3_sql(m_impl->statement), QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(m_impl->statement))));
        sqlite3_reset(m_impl->statement); // releases the read snapshot now
        m_impl->done = true;
        return false;
    }
    if (m_impl->result && m_impl->row + 1 < m_impl->rows) {
        ++m_impl->row;
        return true;
    }
    return false;
}

bool NativeRows::isNull(int column) const
{
    if (m_impl->statement)
        return sqlite3_column_type(m_impl->statement, column) == SQLITE_NULL;
    return PQgetisnull(m_impl->result, m_impl->row, column);
}

QByteArrayView NativeRows::bytes(int column) const
{
    if (m_impl->statement) {
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_impl->statement, column));
        return text ? QByteArrayView(text, sqlite3_column_bytes(m_impl->statement, column)) : QByteArrayView();
    }
    const char *v = m_impl->value(column);
    const int length = m_impl->length(column);
    if (m_impl->types[column] == kJsonb && length > 0)
        return QByteArrayView(v + 1, length - 1); // after the format version byte
    return QByteArrayView(v, length);
}

QString NativeRows::text(int column) const
{
    const QByteArrayView b = bytes(column);
    if (b.isEmpty())
        return {};
    if (!m_impl->statement && m_impl->types[column] == kUuid)
        return m_impl->shared(column, b, uuidText);
    return m_impl->shared(column, b, [](QByteArrayView utf8) { return QString::fromUtf8(utf8); });
}

qint64 NativeRows::integer(int column) const
{
    if (m_impl->statement)
        return sqlite3_column_int64(m_impl->statement, column);
    switch (m_impl->types[column]) {
    case kInt8: case kInt4: case kInt2: case kBool:
        return bigEndian(m_impl->value(column), m_impl->length(column));
    default: {
        const QByteArrayView b = bytes(column);
        qint64 v = 0;
        std::from_chars(b.data(), b.data() + b.size(), v);
        return v;
    }
    }
}

bool NativeRows::boolean(int column) const
{
    return integer(column) != 0;
}

std::optional<int> NativeRows::optionalInt(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return int(integer(column));
}

QDateTime NativeRows::time(int column) const
{
    if (isNull(column))
        return {};
    if (!m_impl->statement && (m_impl->types[column] == kTimestampTz || m_impl->types[column] == kTimestamp)) {
        const qint64 us = bigEndian(m_impl->value(column), m_impl->length(column));
        const qint64 ms = us >= 0 ? us / 1000 : -((-us + 999) / 1000); // floor
        return QDateTime::fromMSecsSinceEpoch(kPostgresEpochMs + ms, Qt::UTC);
    }
    const QByteArrayView b = bytes(column);
    if (QDateTime t = sqlvalue::parseUtc(b); t.isValid())
        return t;
    return sqlvalue::time(QVariant(QString::fromUtf8(b)));
}

QJsonObject NativeRows::json(int column) const
{
    const QByteArrayView b = bytes(column);
    if (b.isEmpty())
        return {};
    // fromJson copies what it keeps, so the row's buffer can be borrowed.
    return QJsonDocument::fromJson(QByteArray::fromRawData(b.data(), b.size())).object();
}

} // namespace teehee
