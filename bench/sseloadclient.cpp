// The server-sent-events half of LoadRun: a client that asks an
// OpenAI-style endpoint (here: the fake provider behind a reverse proxy) for
// a streamed completion and takes each token's send stamp from its delta.
#include "loadconn.h"

#include <QByteArrayView>

#include <cstdio>

namespace benchws {

QByteArray LoadRun::sseRequest() const
{
    const QByteArray body = R"({"model":"gpt-4o-mini","stream":true,"messages":[{"role":"user","content":")"
                            + QByteArray::number(m_count) + ':' + QByteArray::number(m_intervalMs) + R"("}]})";
    return "POST " + m_ssePath + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_port)
           + "\r\nContent-Type: application/json\r\nAccept: text/event-stream\r\nContent-Length: "
           + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

// False when the connection is over (refused or broken); done once [DONE] came.
bool LoadRun::onSseBytes(Conn &c, qint64 now)
{
    ClientResult &r = m_results[size_t(c.index)];
    if (c.state == Conn::Upgrading) {
        const qsizetype end = c.in.indexOf("\r\n\r\n");
        if (end < 0)
            return true;
        if (!c.in.startsWith("HTTP/1.1 200")) {
            fprintf(stderr, "  client %d: request refused: %s\n", c.index, c.in.left(120).constData());
            r.failed = true;
            return false;
        }
        c.chunked = c.in.left(end).toLower().contains("transfer-encoding: chunked");
        c.in.remove(0, end + 4);
        c.state = Conn::Streaming;
        r.startUs = now;
    }
    QByteArray &events = c.textMessage;
    if (!c.chunked) {
        events += c.in;
        c.in.clear();
    }
    qsizetype at = 0;
    while (c.chunked && at < c.in.size()) {
        if (c.chunkLeft > 0) {
            const qsizetype take = qMin<qsizetype>(c.chunkLeft, c.in.size() - at);
            events.append(c.in.constData() + at, take);
            at += take;
            c.chunkLeft -= take;
            if (c.chunkLeft == 0)
                c.chunkLeft = -2;
            continue;
        }
        if (c.chunkLeft == -2) {
            if (c.in.size() - at < 2)
                break;
            at += 2;
            c.chunkLeft = -1;
            continue;
        }
        const qsizetype nl = c.in.indexOf("\r\n", at);
        if (nl < 0)
            break;
        const qint64 size = c.in.mid(at, nl - at).toLongLong(nullptr, 16);
        at = nl + 2;
        if (size == 0)
            break; // the last chunk: [DONE] came before it
        c.chunkLeft = size;
    }
    c.in.remove(0, at);

    qsizetype from = 0, end;
    while ((end = events.indexOf("\n\n", from)) >= 0) {
        const QByteArrayView event(events.constData() + from, end - from);
        from = end + 2;
        if (event.startsWith("data: [DONE]")) {
            r.done = true;
            r.doneUs = now;
            continue;
        }
        static constexpr QByteArrayView contentKey = R"("content":")";
        const qsizetype k = event.indexOf(contentKey);
        if (k < 0)
            continue;
        const qsizetype stamp = k + contentKey.size();
        const qsizetype space = event.indexOf(' ', stamp);
        if (space < 0)
            continue;
        if (!r.tokens++)
            r.firstTokenUs = now;
        const qint64 sent = event.sliced(stamp, space - stamp).toLongLong();
        m_samples.push_back({sent, c.arrivedUs - sent, now - sent});
    }
    events.remove(0, from);
    return true;
}

} // namespace benchws
