#include "wsloadclient.h"
#include "loadconn.h"

#include <QByteArrayView>

#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

namespace benchws {

qint64 nowUs()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

namespace {

constexpr int kTimeoutMs = 600000;
constexpr int kMaxHandshakes = 32;
// The clients look at their sockets every 200 µs instead of sleeping in
// epoll_wait: a sleeping reader makes each of the server's sends wake it (an
// interrupt to the other CPU), a cost a remote client never puts on a server.
// A token can so wait up to 200 µs more before it is read; its latency ends
// at the kernel's arrival stamp all the same.
constexpr int kPollEveryUs = 200;

// CLOCK_REALTIME (the clock of SO_TIMESTAMPNS) minus the steady clock, in µs.
qint64 realtimeOffsetUs()
{
    timespec rt{};
    clock_gettime(CLOCK_REALTIME, &rt);
    return qint64(rt.tv_sec) * 1'000'000 + rt.tv_nsec / 1000 - nowUs();
}

// A client frame: FIN + text, masked (RFC 6455 requires clients to mask).
QByteArray maskedText(const QByteArray &payload)
{
    QByteArray frame;
    frame.append(char(0x81));
    if (payload.size() < 126) {
        frame.append(char(0x80 | payload.size()));
    } else {
        frame.append(char(0x80 | 126));
        frame.append(char((payload.size() >> 8) & 0xff));
        frame.append(char(payload.size() & 0xff));
    }
    const char mask[4] = {0x12, 0x34, 0x56, 0x78};
    frame.append(mask, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        frame.append(char(payload[i] ^ mask[i % 4]));
    return frame;
}

bool writeAll(int fd, const QByteArray &bytes)
{
    qsizetype off = 0;
    while (off < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + off, size_t(bytes.size() - off));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false; // small writes on a fresh loopback socket: never partial in practice
        off += n;
    }
    return true;
}

} // namespace

LoadRun::LoadRun(quint16 port, const QList<Account> &accounts, int count, int intervalMs)
    : m_port(port), m_accounts(accounts), m_count(count), m_intervalMs(intervalMs)
{
    m_results.resize(size_t(accounts.size()));
    m_samples.reserve(size_t(accounts.size()) * size_t(count));
}

LoadRun::~LoadRun()
{
    if (m_thread.joinable())
        m_thread.join();
}

void LoadRun::start()
{
    m_thread = std::thread([this] { loop(); });
}

void deferToServer()
{
    setpriority(PRIO_PROCESS, 0, 10); // 0: this thread; failing leaves it as it was
}

void LoadRun::loop()
{
    deferToServer();
    m_realtimeOffsetUs = realtimeOffsetUs();
    const int ep = epoll_create1(0);
    std::vector<Conn> conns(size_t(m_accounts.size()));
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(m_port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    // A few handshakes at a time: a thousand SYNs at once overflow the
    // server's listen backlog and come back by retransmission, seconds later.
    int nextToOpen = 0, handshaking = 0;
    const auto openMore = [&] {
        while (handshaking < kMaxHandshakes && nextToOpen < int(conns.size())) {
            const int i = nextToOpen++;
            Conn &c = conns[size_t(i)];
            c.index = i;
            c.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
            const int one = 1;
            setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            // The kernel stamps each segment as it arrives: a token's latency
            // then ends when the server's bytes reached this socket, not when
            // this thread (at nice 10, on CPUs it shares) got around to them.
            setsockopt(c.fd, SOL_SOCKET, SO_TIMESTAMPNS, &one, sizeof one);
            ::connect(c.fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
            epoll_event ev{};
            ev.events = EPOLLOUT | EPOLLIN;
            ev.data.u32 = quint32(i);
            epoll_ctl(ep, EPOLL_CTL_ADD, c.fd, &ev);
            ++handshaking;
        }
    };
    openMore();
    int open = int(conns.size());
    const qint64 deadline = nowUs() + qint64(kTimeoutMs) * 1000;
    epoll_event events[256];
    while (open > 0 && nowUs() < deadline) {
        const int n = epoll_wait(ep, events, 256, 0);
        if (n == 0) {
            usleep(kPollEveryUs);
            continue;
        }
        const qint64 now = nowUs();
        for (int k = 0; k < n; ++k) {
            Conn &c = conns[events[k].data.u32];
            if (c.state == Conn::Closed)
                continue;
            if (c.state == Conn::Connecting && (events[k].events & (EPOLLOUT | EPOLLERR | EPOLLHUP))) {
                int err = 0;
                socklen_t len = sizeof err;
                getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &err, &len);
                const Account &a = m_accounts[c.index];
                const QByteArray request = !m_ssePath.isEmpty() ? sseRequest() : "GET /stream/" + a.chat.toLatin1() + "?token=" + a.token
                                           + "&compact=1 HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_port)
                                           + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                             "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
                if (err || !writeAll(c.fd, request)) {
                    fprintf(stderr, "  client %d: connect failed (%s)\n", c.index, strerror(err ? err : errno));
                    m_results[size_t(c.index)].failed = true;
                    c.state = Conn::Closed;
                    --open;
                    --handshaking;
                    openMore();
                    continue;
                }
                c.state = Conn::Upgrading;
                if (!m_ssePath.isEmpty())
                    m_results[size_t(c.index)].sentUs = nowUs();
                epoll_event ev{};
                ev.events = EPOLLIN;
                ev.data.u32 = quint32(c.index);
                epoll_ctl(ep, EPOLL_CTL_MOD, c.fd, &ev);
                continue;
            }
            const bool wasUpgrading = c.state == Conn::Upgrading;
            const bool alive = onReadable(c, now);
            if (wasUpgrading && (!alive || c.state != Conn::Upgrading)) {
                --handshaking;
                openMore();
            }
            if (!alive || m_results[size_t(c.index)].done) {
                c.state = Conn::Closed;
                --open;
            }
        }
    }
    for (Conn &c : conns) {
        if (c.fd >= 0)
            ::close(c.fd);
    }
    ::close(ep);
    m_finished.store(true);
}

// False when the connection is over (closed or broken).
bool LoadRun::onReadable(Conn &c, qint64 now)
{
    char buf[65536];
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(timespec))];
    for (;;) {
        iovec iov{buf, sizeof buf};
        msghdr msg{};
        msg.msg_iov = &iov;
        msg.msg_iovlen = 1;
        msg.msg_control = control;
        msg.msg_controllen = sizeof control;
        const ssize_t n = ::recvmsg(c.fd, &msg, 0);
        if (n > 0) {
            c.in.append(buf, n);
            // The stamp is the last segment's: an earlier frame read together
            // with a later one counts as late as the later one (errs high).
            c.arrivedUs = now;
            for (cmsghdr *cm = CMSG_FIRSTHDR(&msg); cm; cm = CMSG_NXTHDR(&msg, cm)) {
                if (cm->cmsg_level == SOL_SOCKET && cm->cmsg_type == SCM_TIMESTAMPNS) {
                    timespec ts{};
                    memcpy(&ts, CMSG_DATA(cm), sizeof ts);
                    c.arrivedUs = qMin(now, qint64(ts.tv_sec) * 1'000'000 + ts.tv_nsec / 1000 - m_realtimeOffsetUs);
                }
            }
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN)
            break;
        m_results[size_t(c.index)].failed = !m_results[size_t(c.index)].done;
        return false; // EOF or error
    }
    if (!m_ssePath.isEmpty())
        return onSseBytes(c, now);
    qsizetype at = 0;
    if (c.state == Conn::Upgrading) {
        const qsizetype end = c.in.indexOf("\r\n\r\n");
        if (end < 0)
            return true;
        if (!c.in.startsWith("HTTP/1.1 101")) {
            fprintf(stderr, "  client %d: upgrade refused: %s\n", c.index, c.in.left(120).constData());
            m_results[size_t(c.index)].failed = true;
            return false;
        }
        at = end + 4;
        c.state = Conn::Streaming;
        ClientResult &r = m_results[size_t(c.index)];
        r.sentUs = nowUs();
        const QByteArray msg = R"({"type":"stream_message","content":")" + QByteArray::number(m_count) + ':'
                               + QByteArray::number(m_intervalMs) + R"(","provider":"openai","model":"gpt-4o-mini"})";
        if (!writeAll(c.fd, maskedText(msg)))
            return false;
    }
    // Server frames are never masked.
    const char *d = c.in.constData();
    const qsizetype size = c.in.size();
    while (size - at >= 2) {
        const quint8 b0 = quint8(d[at]), b1 = quint8(d[at + 1]);
        qsizetype header = 2;
        quint64 len = b1 & 0x7f;
        if (len == 126) {
            if (size - at < 4)
                break;
            len = (quint64(quint8(d[at + 2])) << 8) | quint8(d[at + 3]);
            header = 4;
        } else if (len == 127) {
            if (size - at < 10)
                break;
            len = 0;
            for (int i = 0; i < 8; ++i)
                len = (len << 8) | quint8(d[at + 2 + i]);
            header = 10;
        }
        if (quint64(size - at - header) < len)
            break;
        const char *payload = d + at + header;
        const int opcode = b0 & 0x0f;
        if (opcode == 0 || (opcode == 1 && !(b0 & 0x80))) {
            c.textMessage.append(payload, qsizetype(len));
            if (b0 & 0x80) {
                onFrame(c, 1, c.textMessage.constData(), c.textMessage.size(), now);
                c.textMessage.clear();
            }
        } else {
            onFrame(c, opcode, payload, qsizetype(len), now);
        }
        at += header + qsizetype(len);
    }
    c.in.remove(0, at);
    return true;
}

void LoadRun::onFrame(Conn &c, int opcode, const char *payload, qsizetype size, qint64 now)
{
    ClientResult &r = m_results[size_t(c.index)];
    if (opcode == 8) { // close
        if (!r.done) {
            r.failed = true;
            r.done = true;
            r.doneUs = now;
        }
        return;
    }
    if (opcode != 1)
        return;
    const QByteArrayView text(payload, size);
    // Token events are most of the traffic: read the stamp without a JSON parse.
    // The server writes "type" first; QJsonObject (older servers) sorted it last.
    if (text.startsWith(R"({"type":"token")") || text.endsWith(R"("type":"token"})")) {
        static constexpr QByteArrayView tokenKey = R"("token":")";
        const qsizetype k = text.indexOf(tokenKey);
        if (k >= 0) {
            if (!r.tokens++)
                r.firstTokenUs = now;
            const qsizetype from = k + tokenKey.size();
            const qsizetype space = text.indexOf(' ', from);
            const qint64 sent = text.sliced(from, space - from).toLongLong();
            m_samples.push_back({sent, c.arrivedUs - sent, now - sent});
            return;
        }
    }
    if (!r.startUs && text.contains(R"("stream_start")"))
        r.startUs = now;
    const bool complete = text.contains("stream_complete");
    if (complete || text.contains("stream_error") || text.contains(R"("error")")) {
        r.done = true;
        r.doneUs = now;
        if (!complete) {
            r.failed = true;
            fprintf(stderr, "  stream failed: %s\n", QByteArray(payload, qMin<qsizetype>(size, 200)).constData());
        }
    }
}

} // namespace benchws
