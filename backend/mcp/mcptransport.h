#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QString>

namespace teehee {

class McpLog;

// How JSON-RPC messages reach one MCP server and come back. A transport is
// started once: it emits opened() when messages may be sent, any number of
// messageReceived(), and at most one closed() (never for stop()). Signals are
// never emitted inside start() or send(). Bounds: no message over
// kMaxMessageBytes is ever held; one that is larger closes the transport.
class McpTransport : public QObject {
    Q_OBJECT
public:
    static constexpr qsizetype kMaxMessageBytes = 4 * 1024 * 1024;

    using QObject::QObject;

    virtual void start() = 0;
    // Ends the connection without a closed() (a child process is ended in the background).
    virtual void stop() = 0;
    virtual void send(const QJsonObject &message) = 0;
    // No answer to request `id` is wanted any more: a transport that carries
    // each request on its own connection may drop it.
    virtual void abandon(const QJsonValue &id) { Q_UNUSED(id); }
    // After initialize: the version agreed on (sent as a header by HTTP).
    virtual void setProtocolVersion(const QString &version) { Q_UNUSED(version); }

Q_SIGNALS:
    void opened();
    void messageReceived(const QJsonObject &message);
    // Request `id` will get no answer, for a reason of this one request: the
    // server could not be reached (`unreachable`), or refused it (an HTTP error status).
    void requestFailed(const QJsonValue &id, const QString &error, bool unreachable);
    void closed(const QString &error);
    void logChanged();
};

} // namespace teehee
