#pragma once

#include "accountclient.h"
#include "remotechatclient.h"

#include <QObject>
#include <QTimer>
#include <memory>

namespace teehee::client {

// One attempt to join a Teehee server from this desktop: reach it (and
// decide about its certificate), then sign in with a password or pair with
// an invitation code that another device of the account approves. Ends with
// an Account (address, device token, pin) for a RemoteChatClient.
class RemoteSignIn : public QObject {
    Q_OBJECT
public:
    // Idle, Checking, ConfirmCertificate, Reachable, SigningIn,
    // WaitingForApproval, Done, Failed: as the account settings show them.
    using Step = AccountClient::Step;

    explicit RemoteSignIn(QObject *parent = nullptr);
    ~RemoteSignIn() override;

    // An address ("https://host:8765", "host:8765") or a whole pairing URL
    // ("https://…/#pair=<code>&fp=<sha256>"): its fingerprint is then
    // trusted as confirmed, and its code kept for pair().
    void check(const QString &address);
    // The certificate shown is the server's: pin it and go on.
    void confirmCertificate();
    void signIn(const QString &email, const QString &password, const QString &deviceName);
    void pair(const QString &code, const QString &deviceName);
    void cancel();

    Step step() const { return m_step; }
    QUrl server() const { return m_server; }
    QString fingerprint() const;      // "AB:CD:…" of the certificate to confirm or pinned
    QString verification() const { return m_verification; }
    QString codeFromUrl() const { return m_code; }
    ClientError error() const { return m_error; }
    RemoteChatClient::Account account() const { return {m_server, m_token, m_pin}; }

    // "host:port" → https://host:port; a pairing URL's fragment is dropped.
    static QUrl normalized(const QString &address);

Q_SIGNALS:
    void changed();

private:
    void reach();
    void setStep(Step step, const ClientError &error = {});
    void poll();
    void tokenFrom(const QJsonObject &answer);

    Step m_step = Step::Idle;
    QUrl m_server;
    QString m_pin;          // confirmed (or from the pairing URL)
    QString m_candidate;    // the certificate waiting for confirmation
    QString m_code;
    QString m_pairingId;
    QString m_verification;
    QByteArray m_token;
    ClientError m_error;
    std::unique_ptr<ServerLink> m_link;
    QTimer m_poll;
};

} // namespace teehee::client
