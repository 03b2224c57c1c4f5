#include "servercluster.h"

#include "core/config.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

ServerCluster::ServerCluster() = default;

ServerCluster::~ServerCluster()
{
    // The servers go before the database is dropped.
    for (auto &s : m_servers)
        s->stop();
    m_servers.clear();
}

QString ServerCluster::databaseUrl() const
{
    const teehee::DatabaseUrl &u = m_db.url();
    return QStringLiteral("postgresql://%1%2@%3:%4/%5")
        .arg(u.user, u.password.isEmpty() ? QString() : QLatin1Char(':') + u.password, u.host)
        .arg(u.port)
        .arg(u.database);
}

QProcessEnvironment ServerCluster::environment(int i) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const auto &v : teehee::configVariables())
        env.remove(QLatin1String(v.name));
    const QString name = QStringLiteral("server-%1").arg(QChar(u'a' + i));
    env.insert(QStringLiteral("TEEHEE_SERVER_ID"), QStringLiteral("cluster-test-%1").arg(name));
    env.insert(QStringLiteral("TEEHEE_DATA_DIR"), m_dir.filePath(name));
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent"));
    env.insert(QStringLiteral("DATABASE_URL"), databaseUrl());
    // Shared by every server: a token signed by one is good on all.
    env.insert(QStringLiteral("SECRET_KEY"), QStringLiteral("cluster-secret-key-0123456789abcdef0123456789abcdef"));
    env.insert(QStringLiteral("ENCRYPTION_KEY"), QStringLiteral("cluster-encryption-key-0123456789abcdef0123456789"));
    env.insert(QStringLiteral("OPENAI_BASE_URL"), fake.baseUrl(QStringLiteral("/v1")));
    env.insert(QStringLiteral("OPENAI_API_KEY"), QStringLiteral("sk-test-cluster-0000"));
    // Only the replies the tests script reach the fake.
    env.insert(QStringLiteral("AUTO_TITLES"), QStringLiteral("false"));
    return env;
}

bool ServerCluster::start(int count)
{
    if (!m_db.isValid()) {
        m_error = m_db.error();
        return false;
    }
    if (!m_db.isPostgres()) {
        m_error = QStringLiteral("the cluster tests need PostgreSQL: TEEHEE_TEST_DB=postgres and TEEHEE_TEST_PG_URL");
        return false;
    }
    if (!m_dir.isValid() || !fake.listen() || !proxy.listen()) {
        m_error = QStringLiteral("cannot set up the temporary folder, the fake provider or the proxy");
        return false;
    }
    for (int i = 0; i < count; ++i) {
        m_servers.push_back(std::make_unique<ServerProcess>(QStringLiteral("server %1").arg(QChar(u'A' + i))));
        m_servers.back()->start(QStringLiteral(TEEHEE_SERVER_BINARY), environment(i));
        // The first migrates the empty database alone; the others then start together.
        if (i == 0 && !m_servers.front()->waitReady()) {
            m_error = m_servers.front()->error();
            return false;
        }
    }
    QList<quint16> ports;
    for (auto &s : m_servers) {
        if (s->port() == 0 && !s->waitReady()) {
            m_error = s->error();
            return false;
        }
        ports.append(s->port());
    }
    proxy.setBackends(ports);
    return true;
}

QString ServerCluster::outputs(int charsEach) const
{
    QString out;
    for (const auto &s : m_servers)
        out += QStringLiteral("\n--- %1 (port %2) ---\n%3").arg(s->name()).arg(s->port()).arg(s->outputTail(charsEach));
    return out;
}

namespace clusterapi {

QList<QPair<QByteArray, QByteArray>> jsonAuth(const QByteArray &token)
{
    return {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + token}};
}

static QByteArray credentials(const QString &email)
{
    return QJsonDocument(QJsonObject{{"email", email}, {"password", QString::fromLatin1(kPassword)}})
        .toJson(QJsonDocument::Compact);
}

QByteArray signUp(const HttpTestClient &http, const QString &email)
{
    const auto r = http.request("POST", QStringLiteral("/auth/signup"), credentials(email),
                                {{"Content-Type", "application/json"}});
    if (r.status != 201)
        qWarning().noquote() << "sign-up of" << email << "answered" << r.status << r.body;
    return r.object().value("access_token").toString().toUtf8();
}

QByteArray signIn(const HttpTestClient &http, const QString &email)
{
    const auto r = http.request("POST", QStringLiteral("/auth/signin"), credentials(email),
                                {{"Content-Type", "application/json"}});
    if (r.status != 200)
        qWarning().noquote() << "sign-in of" << email << "answered" << r.status << r.body;
    return r.object().value("access_token").toString().toUtf8();
}

QString createChat(const HttpTestClient &http, const QByteArray &token)
{
    const auto r = http.request("POST", QStringLiteral("/chats"), "{}", jsonAuth(token));
    if (r.status != 201)
        qWarning().noquote() << "POST /chats answered" << r.status << r.body;
    return r.object().value("id").toString();
}

QJsonObject storedMessage(const HttpTestClient &http, const QByteArray &token, const QString &chatId,
                          const QString &messageId)
{
    const auto r = http.request("GET", QStringLiteral("/chats/%1/messages").arg(chatId), {}, jsonAuth(token));
    for (const auto &v : r.array())
        if (v.toObject().value("id").toString() == messageId)
            return v.toObject();
    return {};
}

} // namespace clusterapi
