#pragma once

#include "api/apicontext.h"
#include "api/httplimits.h"
#include "core/error.h"

#include <QObject>
#include <QSslConfiguration>
#include <memory>
#include <optional>

namespace teehee {

class Backend;
struct Config;
struct HttpHandlers;
class WebSocketHub;

// The REST (and WebSocket) front end of the backend. Lives on the backend
// thread, never the GUI thread. Each connection's ConnectionGuard frames the
// requests (one strict parser, no other); the router answers everything, so
// 404/405, CORS, limits and logging are uniform.
class HttpServer : public QObject {
    Q_OBJECT
public:
    explicit HttpServer(Backend &backend, QObject *parent = nullptr);
    HttpServer(Backend &backend, const HttpLimits &limits, QObject *parent = nullptr);
    ~HttpServer() override;

    // Listens on host:port (port 0 picks a free one). Returns the bound port.
    Result<quint16> listen(const QString &host, quint16 port);
    // Later listen() calls serve HTTPS and WSS with this identity.
    void useTls(const QSslConfiguration &configuration)
    {
        m_tls = configuration;
        m_context->setTlsCertificates(configuration.localCertificateChain());
    }
    bool usesTls() const { return m_tls.has_value(); }

    Router &router() { return m_router; }
    ApiContext &context() { return *m_context; }
    // The limits the settings ask for (MAX_REQUEST_BYTES, MAX_CONNECTIONS, ...).
    static HttpLimits limitsFrom(const Config &config);
    const HttpLimits &limits() const { return m_limits; }

private:
    void dispatch(ApiRequest request, Responder responder);

    Backend &m_backend;
    HttpLimits m_limits;
    std::shared_ptr<const CorsPolicy> m_cors;
    Router m_router;
    std::unique_ptr<ApiContext> m_context;
    std::shared_ptr<const HttpHandlers> m_handlers;
    WebSocketHub *m_webSockets = nullptr; // a child
    std::optional<QSslConfiguration> m_tls;
};

} // namespace teehee
