#include "db/pgnotifications.h"

#include "core/logging.h"
#include "db/database.h"
#include "db/sqlquery.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace teehee {

namespace {
constexpr QChar kOriginSeparator = u'\t';
}

PgNotifications::PgNotifications(const Database &db, QStringList channels, QObject *parent)
    : QObject(parent), m_db(db), m_channels(std::move(channels)),
      m_connectionName(QStringLiteral("teehee-listen-") + QUuid::createUuid().toString(QUuid::Id128))
{
    m_check.setInterval(kCheckEveryMs);
    connect(&m_check, &QTimer::timeout, this, &PgNotifications::check);
}

PgNotifications::~PgNotifications()
{
    closeConnection();
}

Status PgNotifications::start()
{
    if (m_db.dialect() != Dialect::Postgres)
        return Error::invalid(QStringLiteral("notifications need PostgreSQL"));
    auto st = listen();
    m_check.start(); // also retries a first listen that failed
    return st;
}

Status PgNotifications::listen()
{
    auto base = m_db.connection();
    if (!base)
        return base.error();
    closeConnection();
    {
        QSqlDatabase db = QSqlDatabase::cloneDatabase(base->connectionName(), m_connectionName);
        if (!db.open())
            return Error{ErrorCode::Unavailable, QStringLiteral("cannot open the listening connection to %1")
                                                     .arg(m_db.url().redacted())};
        QSqlDriver *driver = db.driver();
        for (const QString &channel : std::as_const(m_channels)) {
            if (!driver->subscribeToNotification(channel))
                return Error{ErrorCode::Unavailable, QStringLiteral("cannot listen on %1").arg(channel)};
        }
        connect(driver, &QSqlDriver::notification, this, &PgNotifications::onNotification);
    }
    m_listening = true;
    return success();
}

void PgNotifications::check()
{
    if (m_listening) {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        QSqlQuery alive(db);
        if (db.isOpen() && alive.exec(QStringLiteral("SELECT 1")))
            return;
        qCWarning(lcDb) << "the listening connection to the database was lost; opening it again";
        m_listening = false;
    }
    if (auto st = listen(); !st) {
        qCWarning(lcDb).noquote() << "not listening to the other servers:" << st.error().message;
        return;
    }
    Q_EMIT reconnected();
}

void PgNotifications::closeConnection()
{
    m_listening = false;
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.driver())
            disconnect(db.driver(), nullptr, this, nullptr);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Status PgNotifications::send(const QString &channel, const QString &payload) const
{
    const QString framed = m_db.serverId() + kOriginSeparator + payload;
    if (framed.toUtf8().size() > kMaxPayloadBytes)
        return Error::invalid(QStringLiteral("a notification payload must stay under %1 bytes").arg(kMaxPayloadBytes));
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("SELECT pg_notify(:channel, :payload)"));
    q.bind(QStringLiteral(":channel"), channel).bind(QStringLiteral(":payload"), framed);
    return q.exec();
}

void PgNotifications::onNotification(const QString &channel, QSqlDriver::NotificationSource, const QVariant &payload)
{
    const QString text = payload.toString();
    const qsizetype separator = text.indexOf(kOriginSeparator);
    if (separator < 0 || QStringView(text).left(separator) == m_db.serverId())
        return; // our own, or not from a Teehee server
    Q_EMIT received(channel, text.mid(separator + 1));
}

} // namespace teehee
