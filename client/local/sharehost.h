#pragma once

#include "sharingclient.h"

#include "core/error.h"

#include <QObject>
#include <QTimer>

#include <functional>

namespace teehee {
class Backend;
class HttpServer;
struct PairingRequestRecord;
} // namespace teehee

namespace teehee::client {

class DnsSdAnnouncer;
class RemoteStreams;

// The backend-thread side of LocalSharing: the HTTPS server over the
// window's own Backend (the same services and generation engine), the
// invitations, and the lists of devices and pairing requests, kept live from
// the services' signals. Made, used and deleted on the backend thread only;
// what it learns later goes out through the Sink (called on this thread).
class ShareHost : public QObject {
    Q_OBJECT
public:
    struct Sink {
        std::function<void(const QList<SharedDevice> &)> devices;
        std::function<void(const QList<PairingRequestInfo> &)> requests;
        std::function<void(const PairingRequestInfo &)> pairRequested;
        std::function<void(const QList<RemoteStream> &)> streams;
    };
    struct Started {
        QString error;        // empty when listening
        quint16 port = 0;
        QString fingerprint;
        QString fingerprintHex;
    };
    struct Invitation {
        QString url;
        QDateTime expiresAt;
    };

    ShareHost(Backend &backend, const QString &userId, Sink sink, QObject *parent = nullptr);
    // With the announcer to use (tests: one on a bus of their own); it becomes a child.
    ShareHost(Backend &backend, const QString &userId, Sink sink, DnsSdAnnouncer *announcer, QObject *parent = nullptr);
    ~ShareHost() override;

    // Listens on 0.0.0.0 (and :: when the machine has IPv6) with TLS.
    Started start(quint16 port);
    // Closes the listeners and every connection they accepted, at once.
    void stop();
    bool isListening() const { return m_server != nullptr; }

    // An invitation to the desktop's account whose URL reaches this machine
    // over the LAN and carries the certificate's fingerprint. Error text when none.
    Invitation invite(QString *error);

    Status approve(const QString &pairingId);
    Status deny(const QString &pairingId);
    Status revoke(const QString &deviceId);

    void refreshDevices();
    void refreshRequests();

private:
    Backend &m_backend;
    QString m_userId;
    Sink m_sink;
    HttpServer *m_server = nullptr; // a child while sharing
    quint16 m_port = 0;
    QString m_fingerprintHex;
    QList<SharedDevice> m_devices;
    QList<PairingRequestInfo> m_requests;
    bool m_haveDevices = false;
    bool m_haveRequests = false;
    QTimer m_slowRefresh;  // last-seen times, expired requests
    DnsSdAnnouncer *m_announcer; // a child
    RemoteStreams *m_streams;    // a child: replies other devices started, while sharing or not
};

} // namespace teehee::client
