#include "providers/rawtcpconnection.h"

#include <cerrno>
#include <utility>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace teehee {

namespace {

// A token's event is a few hundred bytes: a thousand streams start with small
// buffers, and one grows (up to a burst of tokens in one read) when it fills.
constexpr qsizetype kFirstReadSize = 4 * 1024;
constexpr qsizetype kMaxReadSize = 64 * 1024;

bool wouldBlock(int error)
{
    return error == EAGAIN || error == EWOULDBLOCK;
}

} // namespace

RawTcpConnection *RawTcpConnection::adopt(qintptr descriptor, Receiver &receiver, QString *error, QObject *parent)
{
    if (descriptor < 0) {
        *error = QStringLiteral("cannot take over the connection: it is not open");
        return nullptr;
    }
    const int fd = ::fcntl(int(descriptor), F_DUPFD_CLOEXEC, 0);
    if (fd < 0) {
        *error = QStringLiteral("cannot take over the connection: %1").arg(qt_error_string(errno));
        return nullptr;
    }
    // The flag belongs to the shared socket, which QTcpSocket made non-blocking already; this only makes sure.
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    return new RawTcpConnection(fd, &receiver, parent);
}

RawTcpConnection::RawTcpConnection(int fd, Receiver *receiver, QObject *parent)
    : QObject(parent)
    , m_fd(fd)
    , m_receiver(receiver)
    , m_readable(QSocketNotifier::Read)
    , m_writable(QSocketNotifier::Write)
{
    m_buffer.resize(kFirstReadSize);
    m_readable.setSocket(fd);
    m_writable.setSocket(fd); // stays disabled until a write waits for room
    connect(&m_readable, &QSocketNotifier::activated, this, &RawTcpConnection::onReadable);
    connect(&m_writable, &QSocketNotifier::activated, this, &RawTcpConnection::onWritable);
    m_readable.setEnabled(true);
}

RawTcpConnection::~RawTcpConnection()
{
    close();
}

void RawTcpConnection::close()
{
    if (m_fd < 0)
        return;
    // Leave the event loop's watch first: a duplicate may keep the socket open, and
    // epoll would go on reporting a descriptor closed while it still watched it.
    m_readable.setEnabled(false);
    m_writable.setEnabled(false);
    ::close(std::exchange(m_fd, -1));
    m_outgoing.clear();
    m_sent = 0;
}

void RawTcpConnection::setReceiver(Receiver *receiver)
{
    m_receiver = receiver;
    if (m_fd >= 0)
        m_readable.setEnabled(receiver != nullptr);
}

bool RawTcpConnection::isReusable() const
{
    if (m_fd < 0 || m_receiver || m_sent < m_outgoing.size())
        return false;
    char probe;
    const ssize_t n = ::recv(m_fd, &probe, 1, MSG_PEEK | MSG_DONTWAIT);
    return n < 0 && wouldBlock(errno); // 0: closed; > 0: it said something no request asked for
}

void RawTcpConnection::write(QByteArrayView bytes)
{
    if (m_fd < 0 || bytes.isEmpty())
        return;
    m_outgoing.append(bytes);
    if (!m_writable.isEnabled())
        flush();
}

void RawTcpConnection::onWritable()
{
    flush();
}

bool RawTcpConnection::flush()
{
    while (m_sent < m_outgoing.size()) {
        const ssize_t n = ::send(m_fd, m_outgoing.constData() + m_sent, size_t(m_outgoing.size() - m_sent),
                                 MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n > 0) {
            m_sent += n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && wouldBlock(errno)) {
            m_writable.setEnabled(true);
            return true;
        }
        const QString error = QStringLiteral("the connection failed while sending: %1").arg(qt_error_string(errno));
        // A server may answer (a 413, say) and close before reading the whole
        // request: what it said is worth more than the failed write.
        m_outgoing.clear();
        m_sent = 0;
        m_writable.setEnabled(false);
        onReadable();
        if (m_fd >= 0)
            end(error);
        return false;
    }
    m_outgoing.clear();
    m_sent = 0;
    m_writable.setEnabled(false);
    return true;
}

void RawTcpConnection::onReadable()
{
    // Reads until the kernel holds nothing more. A read shorter than the buffer
    // means that already: the event loop reports what arrives later, and a
    // second read only to meet EAGAIN would double the system calls per token.
    while (m_fd >= 0 && m_receiver) {
        const ssize_t n = ::recv(m_fd, m_buffer.data(), size_t(m_buffer.size()), MSG_DONTWAIT);
        if (n > 0) {
            Receiver *receiver = m_receiver;
            receiver->received(QByteArrayView(m_buffer.constData(), n));
            if (n < m_buffer.size() || m_receiver != receiver)
                return; // all read, or the receiver changed (parked, say) on the way
            if (m_buffer.size() < kMaxReadSize)
                m_buffer.resize(qMin(m_buffer.size() * 4, kMaxReadSize));
            continue;
        }
        if (n == 0) {
            end(QString());
            return;
        }
        if (errno == EINTR)
            continue;
        if (errno == ECONNRESET)
            end(QString()); // as QTcpSocket reports it: whether the data was complete decides
        else if (!wouldBlock(errno))
            end(QStringLiteral("the connection failed: %1").arg(qt_error_string(errno)));
        return;
    }
}

void RawTcpConnection::end(const QString &error)
{
    close();
    if (m_receiver)
        m_receiver->closed(error);
}

} // namespace teehee
