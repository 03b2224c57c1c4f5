#pragma once

#include "core/error.h"

#include <QObject>
#include <QHostAddress>
#include <memory>

class QHttpServer;

namespace teehee {

class Backend;

// The REST/WebSocket front end of the backend. Lives on the backend thread.
class HttpServer : public QObject {
    Q_OBJECT
public:
    explicit HttpServer(Backend &backend, QObject *parent = nullptr);
    ~HttpServer() override;

    // Listens on host:port (port 0 picks a free one). Returns the bound port.
    Result<quint16> listen(const QString &host, quint16 port);

private:
    void registerRoutes();

    Backend &m_backend;
    std::unique_ptr<QHttpServer> m_server;
};

} // namespace teehee
