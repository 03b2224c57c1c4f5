#pragma once

#include "wsloadclient.h"

namespace benchws {

// One client socket of a LoadRun (WebSocket or server-sent events).
struct LoadRun::Conn {
    // Upgrading: the request is sent and the answer's headers are awaited.
    enum State { Connecting, Upgrading, Streaming, Closed };
    int fd = -1;
    State state = Connecting;
    QByteArray in;
    QByteArray textMessage; // fragments of a text message in progress; the de-chunked events in SSE mode
    int index = 0;
    qint64 arrivedUs = 0; // when the kernel queued the bytes last read (SO_TIMESTAMPNS)
    bool chunked = false;  // SSE mode: the body comes in HTTP/1.1 chunks
    qint64 chunkLeft = -1; // SSE mode: bytes left of the current chunk; -1 a size line is next, -2 a CRLF
};

} // namespace benchws
