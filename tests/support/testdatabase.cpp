#include "testdatabase.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

bool TestDatabase::wantsPostgres()
{
    return qEnvironmentVariable("TEEHEE_TEST_DB") == u"postgres";
}

TestDatabase::TestDatabase()
{
    if (!wantsPostgres()) {
        m_url = teehee::DatabaseUrl::sqliteFile(m_dir.filePath(QStringLiteral("test.db")));
        m_valid = m_dir.isValid();
        if (!m_valid)
            m_error = QStringLiteral("cannot create a temporary folder");
        return;
    }
    m_valid = createPostgres();
}

TestDatabase::~TestDatabase()
{
    if (!m_pgName.isEmpty())
        runAdmin(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_pgName));
}

bool TestDatabase::runAdmin(const QString &sql)
{
    const QString connName = QStringLiteral("test-admin-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
    bool ok = false;
    {
        auto admin = teehee::DatabaseUrl::parse(qEnvironmentVariable("TEEHEE_TEST_PG_URL"));
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connName);
        db.setHostName(admin->host);
        db.setPort(admin->port);
        db.setUserName(admin->user);
        db.setPassword(admin->password);
        db.setDatabaseName(admin->database);
        if (db.open()) {
            QSqlQuery q(db);
            ok = q.exec(sql);
            if (!ok)
                m_error = q.lastError().text();
        } else {
            m_error = db.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connName);
    return ok;
}

bool TestDatabase::createPostgres()
{
    const QString adminUrl = qEnvironmentVariable("TEEHEE_TEST_PG_URL");
    auto admin = teehee::DatabaseUrl::parse(adminUrl);
    if (adminUrl.isEmpty() || !admin || admin->isSqlite()) {
        m_error = QStringLiteral("TEEHEE_TEST_DB=postgres needs TEEHEE_TEST_PG_URL=postgresql://user@host:port/db (scripts/test.sh sets it)");
        return false;
    }
    m_pgName = QStringLiteral("teehee_test_%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(16));
    if (!runAdmin(QStringLiteral("CREATE DATABASE %1 ENCODING 'UTF8' TEMPLATE template0").arg(m_pgName))) {
        m_pgName.clear();
        return false;
    }
    m_url = admin.value();
    m_url.database = m_pgName;
    return true;
}
