#include "localsharing.h"

#include "lanaddresses.h"
#include "localchatclient.h"
#include "ownerchoices.h"
#include "recordconversions.h"
#include "sharehost.h"

#include "backend.h"

#include <QMetaObject>
#include <QPointer>
#include <QSettings>

namespace teehee::client {
namespace {

const QString kPortKey = QStringLiteral("sharing/port");

ClientError statusError(const Status &st)
{
    return st ? ClientError{} : convert::error(st.error());
}

} // namespace

LocalSharing::LocalSharing(LocalChatClient &client, Backend *backend)
    : SharingClient(&client), m_client(client), m_backend(backend)
{
    qRegisterMetaType<PairingRequestInfo>();
    const int kept = QSettings().value(kPortKey, kDefaultPort).toInt();
    m_port = kept > 0 && kept < 65536 ? quint16(kept) : kDefaultPort;
    connect(&client, &ChatClient::stateChanged, this, [this] {
        if (m_client.state() == ChatClient::State::Ready) {
            // The paired devices are shown (and may be revoked) while not sharing too.
            QMetaObject::invokeMethod(m_backend, [this] { host()->refreshDevices(); }, Qt::QueuedConnection);
            refreshKeyShares();
            refreshAccounts();
        }
        if (m_wanted && m_state == State::Starting && m_client.state() == ChatClient::State::Ready)
            startNow();
        else if (m_wanted && m_client.state() == ChatClient::State::Failed)
            onStarted(m_generation, m_port, m_client.statusText(), QString());
    });
}

LocalSharing::~LocalSharing() = default;

ShareHost *LocalSharing::host()
{
    if (!m_host) {
        QPointer<LocalSharing> self(this);
        ShareHost::Sink sink;
        sink.devices = [self](const QList<SharedDevice> &devices) {
            QMetaObject::invokeMethod(self.data(), [self, devices] {
                if (self) {
                    self->m_devices = devices;
                    Q_EMIT self->devicesChanged();
                }
            }, Qt::QueuedConnection);
        };
        sink.requests = [self](const QList<PairingRequestInfo> &requests) {
            QMetaObject::invokeMethod(self.data(), [self, requests] {
                if (self && self->m_state != State::Off && self->m_state != State::Failed) { // none while not sharing
                    self->m_requests = requests;
                    Q_EMIT self->pendingRequestsChanged();
                }
            }, Qt::QueuedConnection);
        };
        sink.pairRequested = [self](const PairingRequestInfo &request) {
            QMetaObject::invokeMethod(self.data(), [self, request] {
                if (self)
                    Q_EMIT self->pairingRequested(request);
            }, Qt::QueuedConnection);
        };
        sink.streams = [self](const QList<RemoteStream> &streams) {
            QMetaObject::invokeMethod(self.data(), [self, streams] {
                if (self) {
                    self->m_streams = streams;
                    Q_EMIT self->remoteStreamsChanged();
                }
            }, Qt::QueuedConnection);
        };
        m_host = new ShareHost(*m_backend, m_client.userId(), std::move(sink));
    }
    return m_host;
}

void LocalSharing::shutDownOnBackendThread()
{
    delete m_host;
    m_host = nullptr;
}

void LocalSharing::setEnabled(bool on)
{
    if (!m_backend || on == m_wanted)
        return;
    m_wanted = on;
    ++m_generation;
    if (on) {
        m_state = State::Starting;
        m_failure.clear();
        Q_EMIT stateChanged();
        if (m_client.state() == ChatClient::State::Ready)
            startNow();
        else if (m_client.state() == ChatClient::State::Failed)
            onStarted(m_generation, m_port, m_client.statusText(), QString());
        return;
    }
    m_state = State::Off;
    m_addresses.clear();
    m_requests.clear();
    setInvitation(QString(), QDateTime());
    Q_EMIT stateChanged();
    Q_EMIT pendingRequestsChanged();
    if (m_client.state() == ChatClient::State::Ready) {
        QMetaObject::invokeMethod(m_backend, [this] {
            if (m_host)
                m_host->stop();
        }, Qt::QueuedConnection);
    }
}

void LocalSharing::setPort(quint16 port)
{
    if (port == m_port)
        return;
    m_port = port;
    QSettings().setValue(kPortKey, int(port));
    if (m_wanted) {
        setEnabled(false);
        setEnabled(true);
    } else {
        Q_EMIT stateChanged();
    }
}

void LocalSharing::startNow()
{
    const int generation = m_generation;
    const quint16 port = m_port;
    QMetaObject::invokeMethod(m_backend, [this, generation, port] {
        const ShareHost::Started started = host()->start(port);
        QString error;
        ShareHost::Invitation invitation;
        if (started.error.isEmpty())
            invitation = m_host->invite(&error);
        QMetaObject::invokeMethod(this, [this, generation, started, invitation] {
            onStarted(generation, started.port, started.error, started.fingerprint);
            if (generation == m_generation && started.error.isEmpty())
                setInvitation(invitation.url, invitation.expiresAt);
        }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

void LocalSharing::onStarted(int generation, quint16 port, const QString &error, const QString &fingerprint)
{
    if (generation != m_generation)
        return; // turned off (or on again) meanwhile
    if (!error.isEmpty()) {
        m_wanted = false;
        m_state = State::Failed;
        m_failure = error;
        Q_EMIT stateChanged();
        return;
    }
    m_state = State::On;
    m_port = port;
    m_fingerprint = fingerprint;
    m_addresses.clear();
    for (const QHostAddress &a : lanAddresses())
        m_addresses << httpsUrl(a, port);
    Q_EMIT stateChanged();
}

void LocalSharing::setInvitation(const QString &url, const QDateTime &expiresAt)
{
    if (url == m_pairingUrl && expiresAt == m_pairingExpiresAt)
        return;
    m_pairingUrl = url;
    m_pairingExpiresAt = expiresAt;
    Q_EMIT invitationChanged();
}

void LocalSharing::newInvitation()
{
    if (m_state != State::On)
        return;
    const int generation = m_generation;
    QMetaObject::invokeMethod(m_backend, [this, generation] {
        if (!m_host || !m_host->isListening())
            return;
        QString error;
        const ShareHost::Invitation invitation = m_host->invite(&error);
        QMetaObject::invokeMethod(this, [this, generation, invitation] {
            if (generation == m_generation && m_state == State::On && !invitation.url.isEmpty())
                setInvitation(invitation.url, invitation.expiresAt);
        }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

template <typename Work>
void LocalSharing::runDone(QObject *context, Work work, Done done)
{
    if (m_client.state() != ChatClient::State::Ready)
        return;
    QPointer<QObject> guard(context);
    QMetaObject::invokeMethod(m_backend, [this, work, done, guard] {
        const ClientError error = statusError(work(*host()));
        QMetaObject::invokeMethod(this, [guard, done, error] {
            if (guard && done)
                done(error);
        }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

void LocalSharing::approve(QObject *context, const QString &pairingId, Done done)
{
    runDone(context, [pairingId](ShareHost &h) { return h.approve(pairingId); }, std::move(done));
}

void LocalSharing::deny(QObject *context, const QString &pairingId, Done done)
{
    runDone(context, [pairingId](ShareHost &h) { return h.deny(pairingId); }, std::move(done));
}

void LocalSharing::revokeDevice(QObject *context, const QString &deviceId, Done done)
{
    runDone(context, [deviceId](ShareHost &h) { return h.revoke(deviceId); }, std::move(done));
}

void LocalSharing::refreshKeyShares()
{
    if (m_client.state() != ChatClient::State::Ready)
        return;
    QPointer<LocalSharing> self(this);
    QMetaObject::invokeMethod(m_backend, [self, backend = m_backend, userId = m_client.userId()] {
        auto shares = owner::keyShares(*backend, userId);
        if (!shares)
            return;
        QMetaObject::invokeMethod(self.data(), [self, list = shares.value()] {
            if (!self)
                return;
            self->m_keyShares = list;
            Q_EMIT self->keySharesChanged();
        }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

void LocalSharing::setKeyShared(QObject *context, const QString &provider, bool shared, Done done)
{
    runDone(context, [this, provider, shared](ShareHost &) {
        return owner::setKeyShared(*m_backend, m_client.userId(), provider, shared);
    }, [this, done](const ClientError &error) {
        refreshKeyShares();
        if (done)
            done(error);
    });
}

void LocalSharing::refreshAccounts()
{
    if (m_client.state() != ChatClient::State::Ready)
        return;
    QPointer<LocalSharing> self(this);
    QMetaObject::invokeMethod(m_backend, [self, backend = m_backend, userId = m_client.userId()] {
        auto listed = owner::accounts(*backend, userId);
        if (!listed)
            return;
        QMetaObject::invokeMethod(self.data(), [self, list = listed.value()] {
            if (!self)
                return;
            self->m_accounts = list;
            Q_EMIT self->accountsChanged();
        }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

void LocalSharing::createAccount(QObject *context, const QString &name, const QString &password, Done done)
{
    if (m_client.state() != ChatClient::State::Ready)
        return;
    QPointer<QObject> guard(context);
    QPointer<LocalSharing> self(this);
    QMetaObject::invokeMethod(m_backend, [self, guard, done, name, password, backend = m_backend, userId = m_client.userId()] {
        owner::createAccount(*backend, userId, name, password, [self, guard, done](const Status &st) {
            const ClientError error = statusError(st);
            QMetaObject::invokeMethod(self.data(), [self, guard, done, error] {
                if (self)
                    self->refreshAccounts();
                if (guard && done)
                    done(error);
            }, Qt::QueuedConnection);
        });
    }, Qt::QueuedConnection);
}

void LocalSharing::removeAccount(QObject *context, const QString &accountId, Done done)
{
    runDone(context, [this, accountId](ShareHost &) {
        return owner::removeAccount(*m_backend, m_client.userId(), accountId);
    }, [this, done](const ClientError &error) {
        refreshAccounts();
        if (done)
            done(error);
    });
}

} // namespace teehee::client
