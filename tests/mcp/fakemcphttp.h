#pragma once

#include "fakemcpcore.h"

#include <QTcpServer>

class QTcpSocket;

// The fake MCP server over Streamable HTTP on 127.0.0.1: POST one JSON-RPC
// message, answered with one JSON body or, with `sse`, an SSE stream that
// carries notifications before the answer. initialize issues an
// Mcp-Session-Id; later requests without it get 400, with another one 404,
// and without "MCP-Protocol-Version: 2025-06-18" 400. A request whose Accept
// lacks application/json or text/event-stream gets 406.
class FakeMcpHttp : public QTcpServer {
    Q_OBJECT
public:
    FakeMcpHttp(FakeMcpCore *core, bool sse, QObject *parent = nullptr);

private:
    void onConnection();
    void onReadable(QTcpSocket *socket);
    void respond(QTcpSocket *socket, const QByteArray &head, const QByteArray &body);
    void handleRequest(QTcpSocket *socket, const QByteArray &method, const QHash<QByteArray, QByteArray> &headers,
                       const QByteArray &body);

    FakeMcpCore *m_core;
    bool m_sse;
    QByteArray m_session;
};
