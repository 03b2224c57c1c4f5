#include "serverlink.h"

#include "remotejson.h"

#include <QCryptographicHash>
#include <QJsonObject>
#include <QNetworkReply>
#include <QPointer>
#include <QSslCertificate>
#include <QUrlQuery>
#include <QWebSocket>

namespace teehee::client {
namespace {

// Set on a reply whose certificate was not the pinned one.
constexpr char kPinMismatch[] = "teehee_pin_mismatch";
// Silence after which an export or import is given up.
constexpr int kTransferTimeoutMs = 10 * 60 * 1000;

QString joined(const QUrl &server, const QString &path)
{
    QString base = server.toString(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash);
    return base + path;
}

} // namespace

ServerLink::ServerLink(const QUrl &server, QObject *parent) : QObject(parent), m_server(server)
{
    // Replies end by their own timeouts, not the manager's default of none.
    m_network.setTransferTimeout(30000);
    m_network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

QString ServerLink::fingerprintOf(const QSslCertificate &certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex()).toLower();
}

QNetworkRequest ServerLink::request(const QString &path) const
{
    QNetworkRequest r{QUrl(joined(m_server, path))};
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!m_token.isEmpty())
        r.setRawHeader("Authorization", "Bearer " + m_token);
    return r;
}

void ServerLink::guard(QNetworkReply *reply)
{
    const QString pin = m_pin;
    // A self-signed certificate passes only as the pinned one.
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply, pin](const QList<QSslError> &errors) {
        const QString seen = fingerprintOf(reply->sslConfiguration().peerCertificate());
        if (!pin.isEmpty() && seen == pin)
            reply->ignoreSslErrors(errors);
        else
            m_refused = seen;
    });
    // A certificate the system trusts still has to be the pinned one.
    connect(reply, &QNetworkReply::encrypted, reply, [reply, pin] {
        if (!pin.isEmpty() && fingerprintOf(reply->sslConfiguration().peerCertificate()) != pin) {
            reply->setProperty(kPinMismatch, true);
            reply->abort();
        }
    });
}

void ServerLink::get(const QString &path, QObject *context, JsonReply reply)
{
    QNetworkReply *r = m_network.get(request(path));
    guard(r);
    finish(r, context, reply);
}

void ServerLink::send(const QByteArray &method, const QString &path, const QJsonDocument &body, QObject *context,
                      JsonReply reply)
{
    const QByteArray bytes = body.isNull() ? QByteArrayLiteral("{}") : body.toJson(QJsonDocument::Compact);
    QNetworkReply *r = m_network.sendCustomRequest(request(path), method, bytes);
    guard(r);
    finish(r, context, reply);
}

QNetworkReply *ServerLink::openEventStream(const QByteArray &method, const QString &path, const QJsonDocument &body,
                                           const QString &lastEventId)
{
    QNetworkRequest r = request(path);
    r.setRawHeader("Accept", "text/event-stream");
    if (!lastEventId.isEmpty())
        r.setRawHeader("Last-Event-ID", lastEventId.toUtf8());
    // A long reply may pause between tokens (thinking): the stream has no transfer timeout.
    r.setTransferTimeout(0);
    QNetworkReply *reply = method == "GET" ? m_network.get(r)
                         : m_network.sendCustomRequest(r, method, body.isNull() ? QByteArrayLiteral("{}")
                                                                                : body.toJson(QJsonDocument::Compact));
    guard(reply);
    return reply;
}

QNetworkReply *ServerLink::openTransfer(const QByteArray &method, const QString &path, QIODevice *body,
                                        const QByteArray &contentType)
{
    QNetworkRequest r = request(path);
    // A large import is stored before the server answers: minutes of silence, not seconds.
    r.setTransferTimeout(kTransferTimeoutMs);
    if (!contentType.isEmpty())
        r.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    QNetworkReply *reply = m_network.sendCustomRequest(r, method, body);
    guard(reply);
    return reply;
}

QUrl ServerLink::webSocketUrl(const QString &path) const
{
    QUrl url(joined(m_server, path));
    url.setScheme(url.scheme() == u"https" ? QStringLiteral("wss") : QStringLiteral("ws"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("token"), QString::fromLatin1(m_token));
    url.setQuery(query);
    return url;
}

void ServerLink::guard(QWebSocket *socket) const
{
    // The pin as it is when the socket connects (it may be set after this).
    connect(socket, &QWebSocket::sslErrors, socket, [this, socket](const QList<QSslError> &errors) {
        if (!m_pin.isEmpty() && fingerprintOf(socket->sslConfiguration().peerCertificate()) == m_pin)
            socket->ignoreSslErrors(errors);
        else
            socket->setProperty(kPinMismatch, true); // the handshake fails
    });
    connect(socket, &QWebSocket::connected, socket, [this, socket] {
        const QSslCertificate peer = socket->sslConfiguration().peerCertificate();
        if (!m_pin.isEmpty() && !peer.isNull() && fingerprintOf(peer) != m_pin) {
            socket->setProperty(kPinMismatch, true);
            socket->abort();
        }
    });
}

bool ServerLink::certificateRefused(const QWebSocket *socket)
{
    return socket->property(kPinMismatch).toBool();
}

void ServerLink::clearRefusal(QWebSocket *socket)
{
    socket->setProperty(kPinMismatch, QVariant());
}

void ServerLink::sendBytes(const QByteArray &method, const QString &path, const QByteArray &body,
                           const QList<std::pair<QByteArray, QByteArray>> &headers, QObject *context, BytesReply reply)
{
    QNetworkRequest req = request(path);
    for (const auto &[name, value] : headers)
        req.setRawHeader(name, value);
    QNetworkReply *r = method == "GET" ? m_network.get(req) : m_network.sendCustomRequest(req, method, body);
    guard(r);
    finishBytes(r, context, reply);
}

void ServerLink::finish(QNetworkReply *r, QObject *context, const JsonReply &reply)
{
    finishBytes(r, context, [reply](const Outcome<QByteArray> &bytes) {
        Outcome<QJsonDocument> out;
        out.error = bytes.error;
        if (out.ok())
            out.value = QJsonDocument::fromJson(bytes.value);
        reply(out);
    });
}

void ServerLink::finishBytes(QNetworkReply *r, QObject *context, const BytesReply &reply)
{
    QPointer<QObject> alive(context);
    connect(r, &QNetworkReply::finished, this, [this, r, alive, reply] {
        r->deleteLater();
        Outcome<QByteArray> out;
        out.value = r->readAll();
        out.error = errorOf(r, out.value);
        if (!out.ok())
            out.value.clear();
        if (out.error.reason == Failure::Unauthorized
            && r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 401 && !m_token.isEmpty())
            Q_EMIT unauthorized();
        if (alive)
            reply(out);
    });
}

ClientError ServerLink::errorOf(QNetworkReply *reply, const QByteArray &body)
{
    if (reply->property(kPinMismatch).toBool())
        return {Failure::CertificateRejected, QStringLiteral("the server's certificate is not the pinned one")};
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        if (reply->error() == QNetworkReply::SslHandshakeFailedError)
            return {Failure::CertificateRejected, reply->errorString()};
        return {reply->error() == QNetworkReply::NoError ? Failure::None : Failure::Unavailable, reply->errorString()};
    }
    if (status >= 200 && status < 300)
        return {};
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    Failure failure = remotejson::failureForReason(o.value(u"reason").toString());
    if (failure == Failure::None)
        failure = remotejson::failureForStatus(status);
    return {failure, o.value(u"detail").toString(QStringLiteral("HTTP %1").arg(status))};
}

} // namespace teehee::client
