#include "fakellm.h"

#include "wsloadclient.h"

#include <QJsonArray>
#include <QSocketNotifier>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

#include <sys/socket.h>
#include <sys/timerfd.h>
#include <unistd.h>

using benchws::nowUs;

namespace {

QByteArray chunk(const QByteArray &text)
{
    return R"(data: {"id":"c","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":")" + text
        + R"("},"finish_reason":null}]})" "\n\n";
}

// Straight to the kernel, as teehee-server writes its WebSocket frames: a
// QTcpSocket write sends only on the next turn of the loop, and this provider
// must cost the machine as little as it can, since it shares it with the
// server it measures. What the kernel does not take goes through Qt.
void sendNow(QTcpSocket *s, const QByteArray &bytes)
{
    qsizetype written = 0;
    if (s->bytesToWrite() == 0) {
        const ssize_t n = ::send(int(s->socketDescriptor()), bytes.constData(), size_t(bytes.size()),
                                 MSG_NOSIGNAL | MSG_DONTWAIT);
        written = qMax<ssize_t>(n, 0);
    }
    if (written < bytes.size())
        s->write(bytes.constData() + written, bytes.size() - written);
}

// Tokens go out on their own times, a tick apart at most. A 2 ms tick sent a
// thousand streams' tokens in clumps of forty, and each token then waited at
// the server for the others of its clump: a burstiness a thousand
// independent streams do not have.
constexpr long kTickNs = 250 * 1000;

QByteArray tail()
{
    return R"(data: {"id":"c","object":"chat.completion.chunk","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]})" "\n\n"
           R"(data: {"id":"c","object":"chat.completion.chunk","choices":[],"usage":{"prompt_tokens":5,"completion_tokens":5}})" "\n\n"
           "data: [DONE]\n\n";
}

} // namespace

FakeLlm::FakeLlm()
{
    server.listen(QHostAddress::LocalHost, 0);
    connect(&server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *s = server.nextPendingConnection())
            connect(s, &QTcpSocket::readyRead, this, [this, s] { onRead(s); });
    });
}

void FakeLlm::onRead(QTcpSocket *s)
{
    QByteArray &buf = m_buffers[s];
    buf += s->readAll();
    const qsizetype end = buf.indexOf("\r\n\r\n");
    if (end < 0)
        return;
    const qsizetype lenAt = buf.toLower().indexOf("content-length:");
    const int len = lenAt < 0 ? 0 : buf.mid(lenAt + 15, buf.indexOf('\r', lenAt) - lenAt - 15).trimmed().toInt();
    if (buf.size() < end + 4 + len)
        return;
    const QJsonObject body = QJsonDocument::fromJson(buf.mid(end + 4, len)).object();
    m_buffers.remove(s);
    s->disconnect(this);
    const QString spec = body.value("messages").toArray().last().toObject().value("content").toString();
    s->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    const int count = spec.section(u':', 0, 0).toInt();
    const int interval = spec.section(u':', 1, 1).toInt();
    s->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n");
    if (interval == 0) {
        QByteArray all;
        for (int i = 0; i < count; ++i)
            all += chunk(QByteArray::number(nowUs()) + ' ');
        s->write(all + tail());
        s->disconnectFromHost();
        return;
    }
    s->flush();
    m_paced.push({s, count, 0, interval * 1000, nowUs()});
    setTicking(true);
}

FakeLlm::~FakeLlm()
{
    if (m_tickFd >= 0)
        ::close(m_tickFd);
}

void FakeLlm::setTicking(bool on)
{
    if (!m_tick) {
        m_tickFd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
        m_tick = new QSocketNotifier(m_tickFd, QSocketNotifier::Read, this);
        connect(m_tick, &QSocketNotifier::activated, this, &FakeLlm::pace);
    }
    itimerspec spec{};
    if (on)
        spec.it_value.tv_nsec = spec.it_interval.tv_nsec = kTickNs;
    timerfd_settime(m_tickFd, 0, &spec, nullptr);
}

// One timer for every paced stream: a thousand timers would cost the bench
// more CPU than the server it measures. Each token is written at once, not at
// the next turn of this loop, so its stamp is its send time.
void FakeLlm::pace()
{
    quint64 expirations = 0;
    [[maybe_unused]] const ssize_t n = ::read(m_tickFd, &expirations, sizeof expirations);
    const qint64 now = nowUs();
    while (!m_paced.empty() && m_paced.top().nextUs <= now) {
        Paced p = m_paced.top();
        m_paced.pop();
        if (!p.socket || p.socket->state() != QAbstractSocket::ConnectedState)
            continue;
        sendNow(p.socket, chunk(QByteArray::number(nowUs()) + ' '));
        p.nextUs += p.intervalUs;
        if (++p.sent == p.count) {
            p.socket->write(tail());
            p.socket->disconnectFromHost();
            continue;
        }
        m_paced.push(p);
    }
    if (m_paced.empty())
        setTicking(false);
}
