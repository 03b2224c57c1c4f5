#pragma once

#include "clienttypes.h"

#include <QObject>

namespace teehee::client {

// Which account this desktop shows: its own ("This computer", the
// in-process backend) or one on a Teehee server; and joining a server:
// reach it, confirm its certificate, then sign in with a password or pair
// with an invitation code that another device of the account approves.
// Settings → Account talks to this; the composition root switches clients.
class AccountClient : public QObject {
    Q_OBJECT
public:
    enum class Step {
        Idle,
        Checking,           // reaching the server
        ConfirmCertificate, // self-signed: compare fingerprint() with the server's
        Reachable,          // ready for a password or a code
        SigningIn,
        WaitingForApproval, // paired: verification() is shown on the other device too
        Done,
        Failed,             // error() says why
    };
    struct FoundServer {
        QString name;
        QString url;
        QString fingerprint; // from its announcement ("" for plain HTTP)
    };

    using QObject::QObject;

    // Using a server now (else this computer's own chats).
    virtual bool remote() const = 0;
    virtual QString serverUrl() const = 0;
    // Set when the server stopped taking this device (revoked, expired).
    virtual QString signedOutFrom() const = 0;

    // What this desktop is called in the server's list of devices.
    virtual QString deviceName() const = 0;
    virtual Step step() const = 0;
    virtual QString fingerprint() const = 0;  // "AB:CD:…"
    virtual QString verification() const = 0;
    virtual QString pairingCode() const = 0;  // from a pasted pairing URL
    virtual ClientError error() const = 0;
    // Teehee servers announced on the local network (DNS-SD), when any.
    virtual QList<FoundServer> foundServers() const = 0;

    virtual void check(const QString &address) = 0;
    virtual void confirmCertificate() = 0;
    virtual void signIn(const QString &email, const QString &password) = 0;
    virtual void pair(const QString &code) = 0;
    virtual void cancel() = 0;
    // Back to this computer's chats; the server forgets this device.
    virtual void useThisComputer() = 0;

Q_SIGNALS:
    void changed();
    void foundServersChanged();
};

} // namespace teehee::client
