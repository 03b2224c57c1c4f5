#include "sharingcontroller.h"

#include "clientprovider.h"
#include "failuretext.h"

#include <QDateTime>

using teehee::client::SharingClient;

SharingController::SharingController(SharingClient *sharing, QObject *parent) : QObject(parent), m_sharing(sharing)
{
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &SharingController::tick);
    if (!sharing)
        return;
    connect(sharing, &SharingClient::stateChanged, this, &SharingController::stateChanged);
    connect(sharing, &SharingClient::invitationChanged, this, [this] {
        m_renewing = false;
        tick();
        if (m_sharing->pairingUrl().isEmpty())
            m_countdown.stop();
        else
            m_countdown.start();
        Q_EMIT invitationChanged();
    });
    connect(sharing, &SharingClient::devicesChanged, this, &SharingController::devicesChanged);
    connect(sharing, &SharingClient::pendingRequestsChanged, this, &SharingController::requestsChanged);
    connect(sharing, &SharingClient::keySharesChanged, this, &SharingController::keySharesChanged);
    connect(sharing, &SharingClient::accountsChanged, this, &SharingController::accountsChanged);
    connect(sharing, &SharingClient::remoteStreamsChanged, this, &SharingController::streamsChanged);
    connect(sharing, &SharingClient::pairingRequested, this, [this](const teehee::client::PairingRequestInfo &r) {
        Q_EMIT pairingRequested(r.deviceName, r.verification);
    });
}

SharingController *SharingController::create(QQmlEngine *, QJSEngine *)
{
    ClientProvider::client(); // the client comes first
    return new SharingController(ClientProvider::sharing());
}

bool SharingController::enabled() const
{
    if (!m_sharing)
        return false;
    const auto s = m_sharing->sharingState();
    return s == SharingClient::State::On || s == SharingClient::State::Starting;
}

void SharingController::setEnabled(bool on)
{
    if (m_sharing)
        m_sharing->setEnabled(on);
}

QString SharingController::state() const
{
    if (!m_sharing)
        return QStringLiteral("off");
    switch (m_sharing->sharingState()) {
    case SharingClient::State::Off: return QStringLiteral("off");
    case SharingClient::State::Starting: return QStringLiteral("starting");
    case SharingClient::State::On: return QStringLiteral("on");
    case SharingClient::State::Failed: return QStringLiteral("failed");
    }
    return QStringLiteral("off");
}

QString SharingController::failure() const
{
    return m_sharing ? m_sharing->failureReason() : QString();
}

int SharingController::port() const
{
    return m_sharing ? m_sharing->port() : 0;
}

void SharingController::setPort(int port)
{
    if (m_sharing && port > 0 && port < 65536)
        m_sharing->setPort(quint16(port));
}

QStringList SharingController::addresses() const
{
    return m_sharing ? m_sharing->addresses() : QStringList();
}

QString SharingController::fingerprint() const
{
    return m_sharing ? m_sharing->fingerprint() : QString();
}

QString SharingController::pairingUrl() const
{
    return m_sharing ? m_sharing->pairingUrl() : QString();
}

QVariantList SharingController::devices() const
{
    QVariantList list;
    if (!m_sharing)
        return list;
    for (const auto &d : m_sharing->devices())
        list << QVariantMap{{QStringLiteral("id"), d.id}, {QStringLiteral("name"), d.name},
                            {QStringLiteral("lastSeen"), d.lastSeen.toLocalTime()}};
    return list;
}

QVariantList SharingController::requests() const
{
    QVariantList list;
    if (!m_sharing)
        return list;
    for (const auto &r : m_sharing->pendingRequests())
        list << QVariantMap{{QStringLiteral("pairingId"), r.pairingId}, {QStringLiteral("deviceName"), r.deviceName},
                            {QStringLiteral("verification"), r.verification}};
    return list;
}

QVariantList SharingController::keyShares() const
{
    QVariantList list;
    if (!m_sharing)
        return list;
    for (const auto &k : m_sharing->keyShares())
        list << QVariantMap{{QStringLiteral("provider"), k.provider}, {QStringLiteral("displayName"), k.displayName},
                            {QStringLiteral("shared"), k.shared}};
    return list;
}

void SharingController::setKeyShared(const QString &provider, bool shared)
{
    if (m_sharing)
        m_sharing->setKeyShared(this, provider, shared, reportFailure());
}

QVariantList SharingController::accounts() const
{
    QVariantList list;
    if (!m_sharing)
        return list;
    for (const auto &a : m_sharing->accounts())
        list << QVariantMap{{QStringLiteral("id"), a.id}, {QStringLiteral("name"), a.name},
                            {QStringLiteral("createdAt"), a.createdAt.toLocalTime()}};
    return list;
}

QVariantList SharingController::streams() const
{
    QVariantList list;
    if (!m_sharing)
        return list;
    for (const auto &s : m_sharing->remoteStreams())
        list << QVariantMap{{QStringLiteral("messageId"), s.messageId}, {QStringLiteral("chatId"), s.chatId},
                            {QStringLiteral("chatName"), s.chatName}, {QStringLiteral("deviceName"), s.deviceName},
                            {QStringLiteral("startedAt"), s.startedAt.toLocalTime()}};
    return list;
}

void SharingController::createAccount(const QString &name, const QString &password)
{
    if (!m_sharing)
        return;
    m_sharing->createAccount(this, name, password, [this, name](const teehee::client::ClientError &error) {
        if (error.ok())
            Q_EMIT accountCreated(name);
        else
            Q_EMIT failed(failureText(error));
    });
}

void SharingController::removeAccount(const QString &accountId)
{
    if (m_sharing)
        m_sharing->removeAccount(this, accountId, reportFailure());
}

void SharingController::setPanelOpen(bool open)
{
    if (open == m_panelOpen)
        return;
    m_panelOpen = open;
    Q_EMIT panelOpenChanged();
    if (open)
        tick(); // renews one that ran out while the panel was closed
}

void SharingController::tick()
{
    if (!m_sharing)
        return;
    const QDateTime expires = m_sharing->pairingExpiresAt();
    const int left = expires.isValid() ? int(qMax<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(expires))) : 0;
    if (left != m_secondsLeft) {
        m_secondsLeft = left;
        Q_EMIT secondsLeftChanged();
    }
    if (left == 0 && m_panelOpen && !m_renewing && m_sharing->sharingState() == SharingClient::State::On) {
        m_renewing = true;
        m_sharing->newInvitation();
    }
}

SharingClient::Done SharingController::reportFailure()
{
    return [this](const teehee::client::ClientError &error) {
        if (!error.ok())
            Q_EMIT failed(failureText(error));
    };
}

void SharingController::approve(const QString &pairingId)
{
    if (m_sharing)
        m_sharing->approve(this, pairingId, reportFailure());
}

void SharingController::deny(const QString &pairingId)
{
    if (m_sharing)
        m_sharing->deny(this, pairingId, reportFailure());
}

void SharingController::revoke(const QString &deviceId)
{
    if (m_sharing)
        m_sharing->revokeDevice(this, deviceId, reportFailure());
}

void SharingController::newInvitation()
{
    if (m_sharing) {
        m_renewing = true;
        m_sharing->newInvitation();
    }
}
