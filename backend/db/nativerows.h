#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>

#include <initializer_list>
#include <memory>

namespace teehee {

// Rows of a SELECT (or of an UPDATE … RETURNING) read through the driver's own API (sqlite3 or libpq) on the
// connection QSqlDatabase already holds. For the bulk reads (a whole chat, a
// path of hundreds of messages) QSqlQuery costs more than the query itself: it
// converts every value to UTF-16 and wraps it in a QVariant, and the content
// JSON then goes back to UTF-8 to be parsed. Here values stay UTF-8 until the
// record wants them.
//
// Parameters are written $1, $2, … in the SQL (both SQLite and PostgreSQL
// accept that form) and passed as UTF-8 text; an empty QByteArray() binds NULL.
// A NativeRows lives on the thread that owns the connection, like the
// connection itself, and is read once, forwards.
class NativeRows {
public:
    static Result<NativeRows> select(const QSqlDatabase &db, const char *sql, std::initializer_list<QByteArray> params);

    NativeRows(NativeRows &&) noexcept;
    NativeRows &operator=(NativeRows &&) noexcept;
    ~NativeRows();

    // Advances to the next row; false at the end or on an error (see error()).
    bool next();
    // The error that stopped next() early, if any.
    const std::optional<Error> &error() const { return m_error; }

    bool isNull(int column) const;
    QByteArrayView bytes(int column) const;                 // UTF-8, empty for NULL
    QString text(int column) const;                         // text or uuid; NULL → empty
    qint64 integer(int column) const;                       // NULL → 0
    bool boolean(int column) const;                         // 1/0 or t/f
    std::optional<int> optionalInt(int column) const;
    QDateTime time(int column) const;                       // ISO 8601 or PostgreSQL text, UTC
    QJsonObject json(int column) const;                     // JSON text; not an object → empty

    struct Impl; // the driver's statement or result; defined with the code

private:
    explicit NativeRows(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
    std::optional<Error> m_error;
};

} // namespace teehee
