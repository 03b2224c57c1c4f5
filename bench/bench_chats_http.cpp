// Chats over real HTTP on loopback: the server runs on its own thread (as in
// the product), the client on the main thread with keep-alive connections.
// Prints figures; targets: GET /chats/{id} of a 10,000-message chat < 50 ms,
// GET /chats (20 chats) >= 10,000 requests/s.
// Usage: bench_chats_http [--messages N] [--seconds S] [--connections C]
// DATABASE_URL selects PostgreSQL; default a temporary SQLite file.
#include "api/httpserver.h"
#include "auth/authservice.h"
#include "auth/tokenservice.h"
#include "backend.h"
#include "api/json/chatjson.h"
#include "chat/chatservice.h"
#include "core/databaseurl.h"
#include "db/messagerepository.h"
#include "db/chatrepository.h"
#include "db/sqlquery.h"
#include "db/userrepository.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QSemaphore>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <pthread.h>
#include <time.h>

using namespace teehee;

namespace {

struct Setup {
    quint16 port = 0;
    clockid_t cpuClock{}; // the server thread's CPU time
    QByteArray token;
    QString bigChat;
    QString error;
};

// Everything server-side lives on this thread, including its database connection.
class ServerThread : public QThread {
public:
    ServerThread(Config config, int messages) : m_config(std::move(config)), m_messages(messages) {}
    Setup setup;
    QSemaphore ready;

protected:
    void run() override
    {
        pthread_getcpuclockid(pthread_self(), &setup.cpuClock);
        Backend backend(m_config);
        if (auto st = backend.startWithConfig(); !st) {
            setup.error = st.error().message;
            ready.release();
            return;
        }
        HttpServer server(backend);
        auto port = server.listen(QStringLiteral("127.0.0.1"), 0);
        if (!port) {
            setup.error = port.error().message;
            ready.release();
            return;
        }
        setup.port = port.value();
        fill(backend);
        if (setup.error.isEmpty())
            breakdown(backend);
        ready.release();
        exec();
        backend.database().closeThreadConnection();
    }

private:
    // Where the time goes, without HTTP: GET /chats/{id} (service, JSON text)
    // and one GET /chats (authentication, service, JSON).
    void breakdown(Backend &backend)
    {
        QElapsedTimer t;
        double service = 1e9, json = 1e9;
        for (int i = 0; i < 5; ++i) {
            t.start();
            auto detail = backend.chats().chatDetail(m_userId, setup.bigChat);
            service = std::min(service, t.nsecsElapsed() / 1e6);
            t.start();
            const QByteArray bytes = chatjson::chatDetailBytes(detail.value());
            json = std::min(json, t.nsecsElapsed() / 1e6);
        }
        std::printf("in-process GET /chats/{id} (best of 5): service %.1f ms, JSON text %.1f ms\n", service, json);
        constexpr int n = 2000;
        t.start();
        for (int i = 0; i < n; ++i)
            (void)backend.auth().authenticate(setup.token);
        const double auth = t.nsecsElapsed() / 1e3 / n;
        t.start();
        for (int i = 0; i < n; ++i) {
            auto list = backend.chats().listChats(m_userId);
            (void)chatjson::chatsBytes(list.value());
        }
        const double listing = t.nsecsElapsed() / 1e3 / n;
        std::printf("in-process GET /chats: authentication %.0f us, list + JSON %.0f us per request\n", auth, listing);
    }

    void fill(Backend &backend)
    {
        UserRecord u;
        u.email = QStringLiteral("bench-%1@example.com").arg(newUuid());
        auto user = UserRepository(backend.database()).create(u);
        if (!user) {
            setup.error = user.error().message;
            return;
        }
        setup.token = backend.auth().tokens().issue(user->id, user->email);
        m_userId = user->id;
        ChatService &chats = backend.chats();
        for (int i = 0; i < 19; ++i)
            (void)chats.createChat(user->id, QStringLiteral("chat %1").arg(i));
        auto big = chats.createChat(user->id, QStringLiteral("big"));
        setup.bigChat = big->id;
        // One transaction for speed; a conversation with a regenerated reply every 10 turns.
        auto db = backend.database().connection();
        Transaction tx(db.value());
        (void)tx.begin();
        MessageRepository repo(backend.database());
        QString last, lastParent;
        for (int i = 0; i < m_messages; ++i) {
            // Every tenth message is a second answer to the same turn: a sibling of the previous one.
            const bool regenerated = i % 10 == 9;
            MessageRecord m;
            m.chatId = big->id;
            m.parentId = regenerated ? lastParent : last;
            m.role = (regenerated ? i - 1 : i) % 2 ? QStringLiteral("assistant") : QStringLiteral("user");
            m.content = QJsonObject{{QStringLiteral("text"), QStringLiteral("Message %1: a typical sentence or two of chat text, "
                                                                              "long enough to look like a real turn.").arg(i)}};
            auto inserted = repo.insert(m);
            if (!inserted) {
                setup.error = inserted.error().message;
                return;
            }
            if (!regenerated)
                lastParent = last;
            last = inserted->id;
        }
        (void)tx.commit();
        (void)ChatRepository(backend.database()).noteNewMessage(big->id, last);
    }

    Config m_config;
    int m_messages;
    QString m_userId;
};

// One keep-alive connection that sends the same GET again as soon as an answer is complete.
class Client : public QObject {
public:
    Client(quint16 port, QByteArray request) : m_request(std::move(request))
    {
        connect(&m_socket, &QTcpSocket::readyRead, this, [this] { onRead(); });
        m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        m_socket.waitForConnected(5000);
        m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
    }
    void start() { send(); }
    bool running = true;
    qint64 done = 0;
    qint64 bad = 0;
    qint64 lastBytes = 0;
    std::function<void()> onAnswer;

private:
    void send()
    {
        m_sent.start();
        m_socket.write(m_request);
    }
    void onRead()
    {
        m_buffer += m_socket.readAll();
        for (;;) {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray head = m_buffer.left(end).toLower();
            const qsizetype cl = head.indexOf("content-length:");
            const qint64 length = cl < 0 ? 0 : head.mid(cl + 15, head.indexOf('\r', cl) - cl - 15).trimmed().toLongLong();
            if (m_buffer.size() < end + 4 + length)
                return;
            if (!head.startsWith("http/1.1 200"))
                ++bad;
            lastBytes = length;
            m_buffer.remove(0, end + 4 + length);
            ++done;
            if (onAnswer)
                onAnswer();
            if (running)
                send();
        }
    }

    QTcpSocket m_socket;
    QByteArray m_request;
    QByteArray m_buffer;
    QElapsedTimer m_sent;
};

QByteArray getRequest(const QString &path, const QByteArray &token)
{
    return "GET " + path.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n\r\n";
}

void waitMs(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// CPU seconds a clock (here: the server thread's) has used so far.
double cpuSeconds(clockid_t clock)
{
    timespec ts{};
    clock_gettime(clock, &ts);
    return double(ts.tv_sec) + ts.tv_nsec / 1e9;
}

int argValue(const QStringList &args, const QString &name, int fallback)
{
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args.at(i + 1).toInt() : fallback;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int messages = argValue(args, QStringLiteral("--messages"), 10000);
    const int seconds = argValue(args, QStringLiteral("--seconds"), 3);
    const int connections = argValue(args, QStringLiteral("--connections"), 8);

    QTemporaryDir dir;
    Config config;
    config.dataDir = dir.path();
    const QString url = qEnvironmentVariable("DATABASE_URL");
    if (url.isEmpty()) {
        config.database = DatabaseUrl::sqliteFile(dir.filePath(QStringLiteral("bench.db")));
    } else {
        auto parsed = DatabaseUrl::parse(url);
        if (!parsed) {
            std::fprintf(stderr, "DATABASE_URL: %s\n", qPrintable(parsed.error().message));
            return 1;
        }
        config.database = parsed.value();
    }
    config.secretKey = QByteArrayLiteral("bench-secret-key-0123456789abcdef0123456789abcdef");
    config.encryptionKey = QByteArrayLiteral("bench-encryption-key-0123456789abcdef0123456789");

    ServerThread server(config, messages);
    server.start();
    server.ready.acquire();
    if (!server.setup.error.isEmpty()) {
        std::fprintf(stderr, "setup failed: %s\n", qPrintable(server.setup.error));
        server.quit();
        server.wait();
        return 1;
    }
    const Setup &s = server.setup;
    std::printf("database: %s\n", url.isEmpty() ? "sqlite (temporary file)" : "postgresql");

    // 1. Latency of GET /chats/{id} for the big chat, one request at a time.
    {
        Client c(s.port, getRequest(QStringLiteral("/chats/") + s.bigChat, s.token));
        QList<double> ms;
        QElapsedTimer t;
        QEventLoop loop;
        c.running = false;
        c.onAnswer = [&] {
            ms << t.nsecsElapsed() / 1e6;
            if (ms.size() < 30) {
                t.start();
                c.start();
            } else {
                loop.quit();
            }
        };
        t.start();
        c.start();
        loop.exec();
        ms.removeFirst(); // warm-up
        std::sort(ms.begin(), ms.end());
        std::printf("GET /chats/{id} with %d messages: median %.1f ms, p90 %.1f ms, max %.1f ms, %lld bytes, %lld non-200"
                    " (target < 50 ms)\n",
                    messages, ms.at(ms.size() / 2), ms.at(ms.size() * 9 / 10), ms.last(), c.lastBytes, c.bad);
    }

    // 2. Throughput of GET /chats (20 chats) over keep-alive connections.
    {
        std::vector<std::unique_ptr<Client>> clients;
        for (int i = 0; i < connections; ++i)
            clients.push_back(std::make_unique<Client>(s.port, getRequest(QStringLiteral("/chats"), s.token)));
        for (auto &c : clients)
            c->start();
        waitMs(300); // warm-up
        qint64 before = 0;
        for (auto &c : clients)
            before += c->done;
        QElapsedTimer t;
        t.start();
        const double cpuBefore = cpuSeconds(s.cpuClock);
        const double clientCpuBefore = cpuSeconds(CLOCK_THREAD_CPUTIME_ID);
        waitMs(seconds * 1000);
        const double serverCpu = cpuSeconds(s.cpuClock) - cpuBefore;
        const double clientCpu = cpuSeconds(CLOCK_THREAD_CPUTIME_ID) - clientCpuBefore;
        qint64 after = 0, bad = 0;
        for (auto &c : clients)
            after += c->done, bad += c->bad;
        const double elapsed = t.nsecsElapsed() / 1e9;
        for (auto &c : clients)
            c->running = false;
        std::printf("GET /chats (20 chats): %.0f requests/s over %d connections, %lld non-200 (target >= 10000)\n",
                    (after - before) / elapsed, connections, bad);
        // The server's own cost, which a loaded machine does not inflate the way it does wall time.
        const qint64 n = std::max<qint64>(1, after - before);
        std::printf("GET /chats: server thread CPU %.0f us per request (%.0f requests/s per core); this client %.0f us\n",
                    serverCpu * 1e6 / n, n / std::max(1e-9, serverCpu), clientCpu * 1e6 / n);
        waitMs(100);
    }

    server.quit();
    server.wait();
    return 0;
}
