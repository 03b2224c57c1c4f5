#include "desktoptestenv.h"

#include <QCoreApplication>
#include <QSettings>
#include <QTest>

#include <optional>

namespace teehee::test {

void useDesktopTestEnvironment(const QTemporaryDir &home, const QString &organization)
{
    for (const char *name : {"DATABASE_URL", "OPENAI_API_KEY", "ANTHROPIC_API_KEY", "MISTRAL_API_KEY"})
        qunsetenv(name);
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("TEEHEE_DATA_DIR", home.filePath(QStringLiteral("data")).toUtf8());
    qputenv("SECRET_KEY", QByteArray(48, 's'));
    qputenv("ENCRYPTION_KEY", QByteArray(48, 'e'));
    // The keychain is not asked: the secrets above are used.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent");
    QCoreApplication::setOrganizationName(organization);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, home.filePath(QStringLiteral("settings")));
}

client::ClientError waitDone(const std::function<void(std::function<void(const client::ClientError &)>)> &call,
                             int timeoutMs)
{
    std::optional<client::ClientError> got;
    call([&got](const client::ClientError &e) { got = e; });
    if (!QTest::qWaitFor([&] { return got.has_value(); }, timeoutMs))
        return {client::Failure::Unavailable, QStringLiteral("no answer")};
    return *got;
}

} // namespace teehee::test
