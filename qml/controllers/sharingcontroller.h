#pragma once

#include "sharingclient.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QTimer>
#include <QVariantList>

// Settings → Sharing over the client's SharingClient: the switch, the port,
// what to open, the invitation (renewed when it runs out while the panel is
// open) and its countdown, the fingerprint, the paired devices and the
// pairing requests waiting for Approve / Deny.
class SharingController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    // False when the client cannot share (a client of another server).
    Q_PROPERTY(bool available READ available CONSTANT)
    Q_PROPERTY(bool enabled READ enabled WRITE setEnabled NOTIFY stateChanged)
    Q_PROPERTY(QString state READ state NOTIFY stateChanged) // "off", "starting", "on", "failed"
    Q_PROPERTY(QString failure READ failure NOTIFY stateChanged)
    Q_PROPERTY(int port READ port WRITE setPort NOTIFY stateChanged)
    Q_PROPERTY(QStringList addresses READ addresses NOTIFY stateChanged)
    Q_PROPERTY(QString fingerprint READ fingerprint NOTIFY stateChanged)
    Q_PROPERTY(QString pairingUrl READ pairingUrl NOTIFY invitationChanged)
    Q_PROPERTY(int secondsLeft READ secondsLeft NOTIFY secondsLeftChanged)
    // [{id, name, lastSeen}]
    Q_PROPERTY(QVariantList devices READ devices NOTIFY devicesChanged)
    // [{pairingId, deviceName, verification}]
    Q_PROPERTY(QVariantList requests READ requests NOTIFY requestsChanged)
    // The owner's provider keys and whether other accounts may use them: [{provider, displayName, shared}]
    Q_PROPERTY(QVariantList keyShares READ keyShares NOTIFY keySharesChanged)
    // The accounts the owner made for other people: [{id, name, createdAt}]
    Q_PROPERTY(QVariantList accounts READ accounts NOTIFY accountsChanged)
    // Replies other devices started, running now: [{messageId, chatId, chatName, deviceName, startedAt}]
    Q_PROPERTY(QVariantList streams READ streams NOTIFY streamsChanged)
    // While true, an invitation that runs out is replaced by a new one.
    Q_PROPERTY(bool panelOpen READ panelOpen WRITE setPanelOpen NOTIFY panelOpenChanged)
public:
    explicit SharingController(teehee::client::SharingClient *sharing, QObject *parent = nullptr);
    static SharingController *create(QQmlEngine *engine, QJSEngine *);

    bool available() const { return m_sharing != nullptr; }
    bool enabled() const;
    void setEnabled(bool on);
    QString state() const;
    QString failure() const;
    int port() const;
    void setPort(int port);
    QStringList addresses() const;
    QString fingerprint() const;
    QString pairingUrl() const;
    int secondsLeft() const { return m_secondsLeft; }
    QVariantList devices() const;
    QVariantList requests() const;
    QVariantList keyShares() const;
    QVariantList accounts() const;
    QVariantList streams() const;
    bool panelOpen() const { return m_panelOpen; }
    void setPanelOpen(bool open);

    Q_INVOKABLE void approve(const QString &pairingId);
    Q_INVOKABLE void deny(const QString &pairingId);
    Q_INVOKABLE void revoke(const QString &deviceId);
    Q_INVOKABLE void newInvitation();
    Q_INVOKABLE void setKeyShared(const QString &provider, bool shared);
    Q_INVOKABLE void createAccount(const QString &name, const QString &password);
    Q_INVOKABLE void removeAccount(const QString &accountId);

Q_SIGNALS:
    void stateChanged();
    void invitationChanged();
    void secondsLeftChanged();
    void devicesChanged();
    void requestsChanged();
    void keySharesChanged();
    void accountsChanged();
    void streamsChanged();
    // createAccount succeeded (the form empties).
    void accountCreated(const QString &name);
    void panelOpenChanged();
    // A new device asks to join (the window shows a notice while Settings is closed).
    void pairingRequested(const QString &deviceName, const QString &verification);
    // Approve, Deny or Revoke was refused, in the person's language.
    void failed(const QString &message);

private:
    void tick();
    teehee::client::SharingClient::Done reportFailure();

    QPointer<teehee::client::SharingClient> m_sharing;
    QTimer m_countdown;
    int m_secondsLeft = 0;
    bool m_panelOpen = false;
    bool m_renewing = false;
};
