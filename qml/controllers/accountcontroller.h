#pragma once

#include "accountclient.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QVariantList>

// Settings → Account over the AccountClient: this computer or a Teehee
// server, and the steps of joining one (address, certificate, password or
// pairing code, approval on another device).
class AccountController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool available READ available CONSTANT)
    Q_PROPERTY(bool remote READ remote NOTIFY changed)
    Q_PROPERTY(QString serverUrl READ serverUrl NOTIFY changed)
    Q_PROPERTY(QString signedOutFrom READ signedOutFrom NOTIFY changed)
    // "idle", "checking", "confirm", "reachable", "signingIn", "waiting", "done", "failed"
    Q_PROPERTY(QString step READ step NOTIFY changed)
    Q_PROPERTY(QString fingerprint READ fingerprint NOTIFY changed)
    Q_PROPERTY(QString verification READ verification NOTIFY changed)
    Q_PROPERTY(QString pairingCode READ pairingCode NOTIFY changed)
    Q_PROPERTY(QString deviceName READ deviceName NOTIFY changed)
    Q_PROPERTY(QString errorText READ errorText NOTIFY changed)
    // [{name, url}]
    Q_PROPERTY(QVariantList foundServers READ foundServers NOTIFY foundServersChanged)
public:
    explicit AccountController(teehee::client::AccountClient *account, QObject *parent = nullptr);
    static AccountController *create(QQmlEngine *engine, QJSEngine *);

    bool available() const { return m_account != nullptr; }
    bool remote() const { return m_account && m_account->remote(); }
    QString serverUrl() const { return m_account ? m_account->serverUrl() : QString(); }
    QString signedOutFrom() const { return m_account ? m_account->signedOutFrom() : QString(); }
    QString step() const;
    QString fingerprint() const { return m_account ? m_account->fingerprint() : QString(); }
    QString verification() const;
    QString pairingCode() const { return m_account ? m_account->pairingCode() : QString(); }
    QString deviceName() const { return m_account ? m_account->deviceName() : QString(); }
    QString errorText() const;
    QVariantList foundServers() const;

    Q_INVOKABLE void check(const QString &address);
    Q_INVOKABLE void confirmCertificate();
    Q_INVOKABLE void signIn(const QString &email, const QString &password);
    Q_INVOKABLE void pair(const QString &code);
    Q_INVOKABLE void cancel();
    Q_INVOKABLE void useThisComputer();

Q_SIGNALS:
    void changed();
    void foundServersChanged();

private:
    QPointer<teehee::client::AccountClient> m_account;
};
