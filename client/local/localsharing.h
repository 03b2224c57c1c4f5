#pragma once

#include "sharingclient.h"

namespace teehee {
class Backend;
}

namespace teehee::client {

class LocalChatClient;
class ShareHost;

// SharingClient over the LocalChatClient's own Backend: the server, the
// invitations and the lists live in a ShareHost on the backend thread; this
// object (on the caller's thread) keeps what it last heard and says when it
// changes. The port is kept in the settings ("sharing/port", default 8765).
class LocalSharing : public SharingClient {
    Q_OBJECT
public:
    static constexpr quint16 kDefaultPort = 8765;

    LocalSharing(LocalChatClient &client, Backend *backend);
    ~LocalSharing() override;

    State sharingState() const override { return m_state; }
    QString failureReason() const override { return m_failure; }
    quint16 port() const override { return m_port; }
    QStringList addresses() const override { return m_addresses; }
    QString pairingUrl() const override { return m_pairingUrl; }
    QDateTime pairingExpiresAt() const override { return m_pairingExpiresAt; }
    QString fingerprint() const override { return m_fingerprint; }
    QList<SharedDevice> devices() const override { return m_devices; }
    QList<PairingRequestInfo> pendingRequests() const override { return m_requests; }
    QList<KeyShare> keyShares() const override { return m_keyShares; }
    QList<PersonAccount> accounts() const override { return m_accounts; }
    QList<RemoteStream> remoteStreams() const override { return m_streams; }

    void setEnabled(bool on) override;
    void setPort(quint16 port) override;
    void newInvitation() override;
    void approve(QObject *context, const QString &pairingId, Done done) override;
    void deny(QObject *context, const QString &pairingId, Done done) override;
    void revokeDevice(QObject *context, const QString &deviceId, Done done) override;
    void setKeyShared(QObject *context, const QString &provider, bool shared, Done done) override;
    void createAccount(QObject *context, const QString &name, const QString &password, Done done) override;
    void removeAccount(QObject *context, const QString &accountId, Done done) override;

    // Re-reads the owner's keys and what is shared of them (a key was added or removed).
    void refreshKeyShares();
    void refreshAccounts();

    // Called by the LocalChatClient on the backend thread before the Backend
    // goes: the server closes there.
    void shutDownOnBackendThread();

private:
    template <typename Work>
    void runDone(QObject *context, Work work, Done done);
    void startNow();
    void onStarted(int generation, quint16 port, const QString &error, const QString &fingerprint);
    void setInvitation(const QString &url, const QDateTime &expiresAt);
    ShareHost *host(); // backend thread only

    LocalChatClient &m_client;
    Backend *m_backend; // lives on the backend thread
    ShareHost *m_host = nullptr; // made, used and deleted on the backend thread
    bool m_wanted = false;
    int m_generation = 0; // a start or stop older than this one is dropped
    State m_state = State::Off;
    QString m_failure;
    quint16 m_port = kDefaultPort;
    QStringList m_addresses;
    QString m_pairingUrl;
    QDateTime m_pairingExpiresAt;
    QString m_fingerprint;
    QList<SharedDevice> m_devices;
    QList<PairingRequestInfo> m_requests;
    QList<KeyShare> m_keyShares;
    QList<PersonAccount> m_accounts;
    QList<RemoteStream> m_streams;
};

} // namespace teehee::client
