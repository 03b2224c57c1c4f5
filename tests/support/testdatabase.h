#pragma once

#include "core/databaseurl.h"

#include <QString>
#include <QTemporaryDir>

// A fresh, empty database for one test: a SQLite file in a temporary folder,
// or a new database on the PostgreSQL server of TEEHEE_TEST_PG_URL when
// TEEHEE_TEST_DB=postgres (ctest's *_postgres variants). Dropped afterwards.
class TestDatabase {
public:
    TestDatabase();
    ~TestDatabase();
    TestDatabase(const TestDatabase &) = delete;
    TestDatabase &operator=(const TestDatabase &) = delete;

    // Empty when the database could not be created; see error().
    bool isValid() const { return m_valid; }
    QString error() const { return m_error; }
    const teehee::DatabaseUrl &url() const { return m_url; }
    bool isPostgres() const { return !m_url.isSqlite(); }
    QString label() const { return isPostgres() ? QStringLiteral("postgres") : QStringLiteral("sqlite"); }

    // Which kind the current test process runs against.
    static bool wantsPostgres();

private:
    bool createPostgres();
    bool runAdmin(const QString &sql);

    QTemporaryDir m_dir;
    teehee::DatabaseUrl m_url;
    QString m_pgName;
    bool m_valid = false;
    QString m_error;
};
