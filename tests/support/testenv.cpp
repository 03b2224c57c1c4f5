#include "testenv.h"

teehee::Config testConfig(const TestDatabase &db, const QString &dataDir)
{
    teehee::Config c;
    c.database = db.url();
    c.databaseUrl = db.url().isSqlite() ? QStringLiteral("sqlite://") + db.url().path : QString();
    c.secretKey = QByteArrayLiteral("test-secret-key-0123456789abcdef0123456789abcdef");
    c.encryptionKey = QByteArrayLiteral("test-encryption-key-0123456789abcdef0123456789ab");
    c.dataDir = dataDir;
    return c;
}
