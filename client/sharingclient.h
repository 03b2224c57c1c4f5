#pragma once

#include "clienttypes.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <functional>

namespace teehee::client {

// A device paired with (or signed in to) the desktop's own account.
struct SharedDevice {
    QString id;
    QString name;
    QDateTime lastSeen;
    bool current = false; // the device asking (never the desktop window itself)
};

// A new device waiting to be let in: the person compares `verification`
// (6 digits) with the number the device shows, then approves or denies.
struct PairingRequestInfo {
    QString pairingId;
    QString deviceName;
    QString verification;
    QDateTime expiresAt;
};

// One of the owner's built-in provider keys, and whether the other accounts
// of this machine (people the owner made accounts for) may use it.
struct KeyShare {
    QString provider;    // "openai"
    QString displayName; // "OpenAI"
    bool shared = false;
};

// An account the owner made for another person on this machine: they sign in
// with the name and the password the owner gave them, and have chats of their own.
struct PersonAccount {
    QString id;
    QString name;
    QDateTime createdAt;
};

// A reply streaming now that another device of the owner's account started.
struct RemoteStream {
    QString messageId;
    QString chatId;
    QString chatName;
    QString deviceId;
    QString deviceName;
    QDateTime startedAt;
};

// "Share on this network" (spec/sharing.md): the desktop's own backend served
// to the household's other devices over HTTPS. Like ChatClient, every call is
// asynchronous and every change arrives as a signal; the getters answer at once
// with what the client knows now.
class SharingClient : public QObject {
    Q_OBJECT
public:
    enum class State { Off, Starting, On, Failed };
    using Done = std::function<void(const ClientError &)>;

    using QObject::QObject;

    virtual State sharingState() const = 0;
    // Why the last start failed (State::Failed), in English for logs and tooltips.
    virtual QString failureReason() const = 0;
    // The port to listen on (while On: the bound one).
    virtual quint16 port() const = 0;
    // What to open on another device, e.g. "https://192.168.1.20:8765",
    // private network addresses first.
    virtual QStringList addresses() const = 0;
    // The invitation a QR code shows ("https://…/#pair=<code>&fp=<hex>"), and
    // until when it holds; empty while Off. It is single-use and carries no credential.
    virtual QString pairingUrl() const = 0;
    virtual QDateTime pairingExpiresAt() const = 0;
    // The certificate's SHA-256 fingerprint, "AB:CD:…".
    virtual QString fingerprint() const = 0;
    virtual QList<SharedDevice> devices() const = 0;
    virtual QList<PairingRequestInfo> pendingRequests() const = 0;
    // The providers the owner has a key for, and whether it is shared
    // (default: no). Other accounts can always add keys of their own.
    virtual QList<KeyShare> keyShares() const = 0;
    // The accounts the owner made for other people, oldest first.
    virtual QList<PersonAccount> accounts() const = 0;
    // The replies running now that other devices started, oldest first.
    virtual QList<RemoteStream> remoteStreams() const = 0;

    // On: listen on the LAN on port(); Off: close the listener and every
    // connection it accepted at once. stateChanged() follows.
    virtual void setEnabled(bool on) = 0;
    // Kept in the settings; while On, sharing starts again on the new port.
    virtual void setPort(quint16 port) = 0;
    // A fresh invitation (the old one expires or was used).
    virtual void newInvitation() = 0;
    virtual void approve(QObject *context, const QString &pairingId, Done done) = 0;
    virtual void deny(QObject *context, const QString &pairingId, Done done) = 0;
    // Its tokens answer 401 from now on and its sockets close.
    virtual void revokeDevice(QObject *context, const QString &deviceId, Done done) = 0;
    // Lets other accounts use the owner's key for this provider, or stops it.
    virtual void setKeyShared(QObject *context, const QString &provider, bool shared, Done done) = 0;
    // An account for another person (name: 1–64 characters, no '@'; password:
    // at least 8 characters). A name taken in any case is refused.
    virtual void createAccount(QObject *context, const QString &name, const QString &password, Done done) = 0;
    // Its devices' sessions end at once; its chats and keys go with it.
    virtual void removeAccount(QObject *context, const QString &accountId, Done done) = 0;

Q_SIGNALS:
    void stateChanged();   // state, failure reason, port, addresses, fingerprint
    void invitationChanged();
    void devicesChanged();
    void pendingRequestsChanged();
    void keySharesChanged();
    void accountsChanged();
    void remoteStreamsChanged();
    // A new device asks to join (for a notice while the settings are closed).
    void pairingRequested(const teehee::client::PairingRequestInfo &request);
};

} // namespace teehee::client

Q_DECLARE_METATYPE(teehee::client::PairingRequestInfo)
