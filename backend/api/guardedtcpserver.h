#pragma once

#include "api/cors.h"
#include "api/httplimits.h"

#include <QTcpServer>
#include <memory>

namespace teehee {

// The listening socket handed to QHttpServer::bind(): every accepted
// connection gets a ConnectionGuard before QHttpServer connects to it.
class GuardedTcpServer : public QTcpServer {
    Q_OBJECT
public:
    GuardedTcpServer(const HttpLimits &limits, std::shared_ptr<const CorsPolicy> cors, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    HttpLimits m_limits;
    std::shared_ptr<const CorsPolicy> m_cors;
};

} // namespace teehee
