#pragma once

#include "clienttypes.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

#include <functional>

class QNetworkReply;
class QSslCertificate;
class QWebSocket;

namespace teehee::client {

// The one way the remote client reaches a Teehee server: its address, the
// account's token and the certificate pin. Every request and socket goes
// through here, so a changed certificate is refused everywhere alike.
//
// Pinning: with a pin (the SHA-256 of the certificate the person confirmed,
// or the one a pairing URL carried), only that certificate is accepted, even
// one the system would trust. Without a pin, the system's trust decides.
class ServerLink : public QObject {
    Q_OBJECT
public:
    using JsonReply = std::function<void(const Outcome<QJsonDocument> &)>;
    using BytesReply = std::function<void(const Outcome<QByteArray> &)>;

    explicit ServerLink(const QUrl &server, QObject *parent = nullptr);

    QUrl server() const { return m_server; }
    void setToken(const QByteArray &token) { m_token = token; }
    QByteArray token() const { return m_token; }
    void setPinnedFingerprint(const QString &sha256Hex) { m_pin = sha256Hex.toLower(); }
    QString pinnedFingerprint() const { return m_pin; }

    // A JSON request; `reply` runs on this thread unless `context` has gone.
    void get(const QString &path, QObject *context, JsonReply reply);
    void send(const QByteArray &method, const QString &path, const QJsonDocument &body, QObject *context,
              JsonReply reply);
    // Bytes as they are, both ways (an upload's body, an attachment's
    // content); `headers` are added to the request, e.g. X-Filename.
    void sendBytes(const QByteArray &method, const QString &path, const QByteArray &body,
                   const QList<std::pair<QByteArray, QByteArray>> &headers, QObject *context, BytesReply reply);
    // An event stream (Accept: text/event-stream); the caller owns the reply.
    QNetworkReply *openEventStream(const QByteArray &method, const QString &path, const QJsonDocument &body,
                                   const QString &lastEventId);
    // A request read or written as it goes, never whole in memory: `body`
    // (may be null) is sent as it is read, and the answer is the caller's to
    // read (readyRead) and delete. Pinned like every other request.
    QNetworkReply *openTransfer(const QByteArray &method, const QString &path, QIODevice *body,
                                const QByteArray &contentType);
    // wss://…/path?token=…
    QUrl webSocketUrl(const QString &path) const;
    // The pin for every connection `socket` makes (call once per socket).
    void guard(QWebSocket *socket) const;
    // Whether the socket's last connection was refused for its certificate
    // (not the pinned one, or untrusted), until clearRefusal().
    static bool certificateRefused(const QWebSocket *socket);
    static void clearRefusal(QWebSocket *socket);

    // The SHA-256 of the last certificate refused for want of trust: what
    // the person is asked to confirm ("AB:CD:…" is for showing it).
    QString refusedFingerprint() const { return m_refused; }

    // Why a finished reply failed (None when it did not).
    static ClientError errorOf(QNetworkReply *reply, const QByteArray &body);
    // "ab12…": the SHA-256 of a certificate, as pins and pairing URLs carry it.
    static QString fingerprintOf(const QSslCertificate &certificate);

Q_SIGNALS:
    // The server refused the token (signed out, revoked, expired).
    void unauthorized();

private:
    QNetworkRequest request(const QString &path) const;
    void guard(QNetworkReply *reply);
    void finish(QNetworkReply *reply, QObject *context, const JsonReply &reply_);
    void finishBytes(QNetworkReply *reply, QObject *context, const BytesReply &reply_);

    QUrl m_server;
    QByteArray m_token;
    QString m_pin;
    QString m_refused;
    QNetworkAccessManager m_network;
};

} // namespace teehee::client
