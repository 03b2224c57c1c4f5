// Drives the WebSocket streaming API of a teehee server (this program in
// --serve mode, a child process, so its RSS is the server's alone) against a
// local fake OpenAI-style provider living in this process. Prints figures;
// never fails on them.
//
// Each token the fake sends carries its send time, so a client computes the
// latency the server adds (fake → server → WebSocket client, loopback). The
// fake runs on a thread of its own and the clients on another (an epoll loop,
// wsloadclient.h), so neither waits for the other nor for this thread.
#include "fakellm.h"
#include "wsloadclient.h"

#include "api/httpserver.h"
#include "core/descriptortable.h"
#include "core/epolleventdispatcher.h"
#include "auth/authservice.h"
#include "auth/tokenservice.h"
#include "backend.h"
#include "chat/chatservice.h"
#include "core/config.h"
#include "db/userrepository.h"
#include "generation/generationmanager.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <unistd.h>

using namespace teehee;
using benchws::Account;
using benchws::nowUs;

namespace {

// ---------------------------------------------------------------- server side
int serve(const QString &dir, int accounts, const QString &providerUrl)
{
    Config c;
    c.database = DatabaseUrl::sqliteFile(dir + QStringLiteral("/bench.db"));
    c.secretKey = QByteArray(64, 'k');
    c.encryptionKey = QByteArray(64, 'e');
    c.openaiBaseUrl = providerUrl;
    c.openaiApiKey = QStringLiteral("sk-bench-0000");
    c.dataDir = dir;
    c.maxConnectionsPerAddress = c.maxConnections; // every client of the bench comes from loopback
    Backend backend(c);
    if (auto st = backend.startWithConfig(); !st) {
        fprintf(stderr, "serve: %s\n", qPrintable(st.error().message));
        return 1;
    }
    // One line per fact, flushed at once: the parent reads them as they come.
    struct { void write(const QByteArray &line) { fwrite(line.constData(), 1, size_t(line.size()), stdout); fflush(stdout); } } out;
    for (int i = 0; i < accounts; ++i) {
        UserRecord u;
        u.email = QStringLiteral("bench%1@example.com").arg(i);
        auto user = UserRepository(backend.database()).create(u);
        auto chat = backend.chats().createChat(user->id);
        out.write("account " + backend.auth().tokens().issue(user->id, u.email) + ' ' + chat->id.toLatin1() + '\n');
    }
    HttpServer http(backend);
    auto port = http.listen(QStringLiteral("127.0.0.1"), 0);
    if (!port)
        return 1;
    out.write("port " + QByteArray::number(port.value()) + '\n');
    QTimer stats;
    QObject::connect(&stats, &QTimer::timeout, [&] {
        const auto s = backend.generations().stats();
        out.write("stats " + QByteArray::number(s.started) + ' ' + QByteArray::number(s.commits) + ' '
                  + QByteArray::number(s.longestSaveLagMs) + '\n');
    });
    stats.start(200);
    return QCoreApplication::exec();
}

qint64 percentile(QList<qint64> v, double p)
{
    if (v.isEmpty())
        return -1;
    std::sort(v.begin(), v.end());
    return v[qMin(v.size() - 1, qsizetype(p * double(v.size())))];
}

long rssKb(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    return -1;
}

// User + system CPU time of a process, in seconds.
double cpuSeconds(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    return double(fields.value(11).toLongLong() + fields.value(12).toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

// CPU time the whole machine spent busy, and the part the hypervisor gave to
// others (steal), in seconds: other programs' share tells a slow run from a slow server.
struct MachineCpu {
    double busy = 0;
    double steal = 0;
};
MachineCpu machineCpu()
{
    QFile f(QStringLiteral("/proc/stat"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    // cpu user nice system idle iowait irq softirq steal
    const QList<QByteArray> v = f.readLine().simplified().split(' ');
    const double tick = double(sysconf(_SC_CLK_TCK));
    auto at = [&](int i) { return double(v.value(i).toLongLong()) / tick; };
    return {at(1) + at(2) + at(3) + at(6) + at(7) + at(8), at(8)};
}

// Checks every 5 ms, sleeping in between: a busy loop here would take a whole
// core from the server, the fake provider and the clients it measures.
bool waitUntil(const std::function<bool()> &cond, int ms)
{
    QElapsedTimer t;
    t.start();
    if (cond())
        return true;
    QEventLoop loop;
    QTimer check;
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (cond() || t.elapsed() >= ms)
            loop.quit();
    });
    check.start(5);
    loop.exec();
    return cond();
}

} // namespace

int main(int argc, char *argv[])
{
    // The server child runs on the dispatcher teehee-server uses.
    if (argc >= 2 && qstrcmp(argv[1], "--serve") == 0)
        installServerEventDispatcher();
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() >= 5 && args[1] == u"--serve")
        return serve(args[2], args[3].toInt(), args[4]);

    const int kAccounts = 1100;
    DescriptorTable::prepare(); // the fake provider accepts a thousand connections too
    FakeLlm fake;
    QThread fakeThread; // the provider shares no loop with the clients
    fakeThread.setEventDispatcher(new EpollEventDispatcher); // Qt's would poll 1,000 sockets per token
    QObject::connect(&fakeThread, &QThread::started, [] { benchws::deferToServer(); }); // runs on fakeThread
    fake.server.moveToThread(&fakeThread);
    fake.moveToThread(&fakeThread);
    fakeThread.start();

    QTemporaryDir dir;
    QProcess server;
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start(QCoreApplication::applicationFilePath(),
                 {QStringLiteral("--serve"), dir.path(), QString::number(kAccounts),
                  QStringLiteral("http://127.0.0.1:%1/v1").arg(fake.server.serverPort())});
    QList<Account> accounts;
    quint16 port = 0;
    qint64 started = 0, commits = 0, saveLagMs = 0;
    QByteArray pending;
    auto readServer = [&] {
        pending += server.readAllStandardOutput();
        qsizetype nl;
        while ((nl = pending.indexOf('\n')) >= 0) {
            const QList<QByteArray> f = pending.left(nl).split(' ');
            pending.remove(0, nl + 1);
            if (f[0] == "account")
                accounts.append({f[1], QString::fromLatin1(f[2])});
            else if (f[0] == "port")
                port = quint16(f[1].toInt());
            else if (f[0] == "stats") {
                started = f[1].toLongLong();
                commits = f[2].toLongLong();
                saveLagMs = f[3].toLongLong();
            }
        }
    };
    QObject::connect(&server, &QProcess::readyReadStandardOutput, readServer);
    if (!waitUntil([&] { return port != 0; }, 120000)) {
        fprintf(stderr, "server did not start\n");
        return 1;
    }
    QThread::msleep(300);
    QCoreApplication::processEvents();
    QFile loadavg(QStringLiteral("/proc/loadavg"));
    const QByteArray load = loadavg.open(QIODevice::ReadOnly) ? loadavg.readAll().trimmed() : QByteArray("?");
    printf("teehee bench_stream (WebSocket, compact tokens, loopback fake provider; %d CPUs, load %s)\n",
           QThread::idealThreadCount(), load.constData());
    printf("server RSS idle (1100 accounts and chats):   %ld KiB\n", rssKb(server.processId()));
    int next = 0;

    qint64 lastFirstToken = 0, firstDone = INT64_MAX;
    qint64 lastStartMinusSent = 0, lastFirstMinusStart = 0;
    auto run = [&](int streams, int count, int interval, QList<qint64> *lat, qint64 *firstMinusSent = nullptr,
                   QList<QPair<qint64, qint64>> *sendAndLatency = nullptr, QList<qint64> *readLat = nullptr) {
        QList<Account> mine;
        for (int i = 0; i < streams; ++i)
            mine.append(accounts[next++ % accounts.size()]);
        benchws::LoadRun load(port, mine, count, interval);
        const qint64 t0 = nowUs();
        load.start();
        waitUntil([&] { return load.finished(); }, 610000);
        qint64 delivered = 0, first = INT64_MAX, last = 0;
        for (const benchws::ClientResult &c : load.results()) {
            delivered += c.tokens;
            first = qMin(first, c.firstTokenUs);
            lastFirstToken = qMax(lastFirstToken, c.firstTokenUs);
            firstDone = qMin(firstDone, c.doneUs);
            last = qMax(last, c.doneUs);
            if (firstMinusSent)
                *firstMinusSent = c.firstTokenUs - c.sentUs;
            lastStartMinusSent = c.startUs - c.sentUs;
            lastFirstMinusStart = c.firstTokenUs - c.startUs;
        }
        for (const benchws::TokenSample &s : load.samples()) {
            if (lat)
                lat->append(s.latencyUs);
            if (readLat)
                readLat->append(s.readLatencyUs);
            if (sendAndLatency)
                sendAndLatency->append({s.sentUs, s.latencyUs});
        }
        struct R { qint64 delivered, expected; double seconds, fromFirst; };
        return R{delivered, qint64(streams) * count, double(last - t0) / 1e6, double(last - first) / 1e6};
    };

    {
        auto r = run(1, 2000, 0, nullptr);
        printf("1 stream x 2000 tokens:                      %.0f tokens/s delivered (first token to end; %.0f incl. connect and request), %lld/%lld\n",
               r.delivered / r.fromFirst, r.delivered / r.seconds, r.delivered, r.expected);
    }
    {
        auto r = run(20, 500, 0, nullptr);
        printf("20 concurrent streams x 500 tokens:          %.0f tokens/s aggregate, %lld/%lld delivered\n",
               r.delivered / r.seconds, r.delivered, r.expected);
    }
    {
        // Time to first token, with the fake answering at once: what the server adds.
        QList<qint64> ttft, accept, upstream;
        for (int i = 0; i < 30; ++i) {
            QList<qint64> lat;
            qint64 firstMinusSent = 0;
            run(1, 1, 0, &lat, &firstMinusSent);
            ttft.append(lat.value(0));
            accept.append(lastStartMinusSent);
            upstream.append(lastFirstMinusStart);
        }
        printf("added time to first token (provider sends -> client gets): p50 %.3f ms, p99 %.3f ms\n",
               percentile(ttft, 0.5) / 1000.0, percentile(ttft, 0.99) / 1000.0);
        printf("  request -> stream_start (messages saved, request sent upstream): p50 %.3f ms; stream_start -> first token: p50 %.3f ms\n",
               percentile(accept, 0.5) / 1000.0, percentile(upstream, 0.5) / 1000.0);
    }
    {
        QList<qint64> lat, readLat;
        QList<QPair<qint64, qint64>> pairs;
        lastFirstToken = 0;
        firstDone = INT64_MAX;
        const double cpu0 = cpuSeconds(server.processId());
        const double own0 = cpuSeconds(QCoreApplication::applicationPid());
        const MachineCpu machine0 = machineCpu();
        auto r = run(1000, 100, 50, &lat, nullptr, &pairs, &readLat);
        const double cpu = cpuSeconds(server.processId()) - cpu0;
        const double own = cpuSeconds(QCoreApplication::applicationPid()) - own0;
        const MachineCpu machine1 = machineCpu();
        QList<qint64> steady;
        for (const auto &[sent, l] : pairs)
            if (sent > lastFirstToken)
                steady.append(l);
        printf("1000 concurrent streams at 20 tokens/s x 100: %lld/%lld delivered in %.1f s (server CPU %.1f s)\n",
               r.delivered, r.expected, r.seconds, cpu);
        printf("  CPU meanwhile: server %.1f s, fake provider and clients %.1f s, other programs %.1f s, steal %.1f s\n",
               cpu, own, qMax(0.0, machine1.busy - machine0.busy - cpu - own - (machine1.steal - machine0.steal)),
               machine1.steal - machine0.steal);
        printf("  added latency, all tokens (incl. the start of 1000 streams at once): p50 %.3f ms, p99 %.3f ms, max %.3f ms\n",
               percentile(lat, 0.5) / 1000.0, percentile(lat, 0.99) / 1000.0, percentile(lat, 1.0) / 1000.0);
        printf("  added latency, steady state (%lld tokens sent once all streams ran): p50 %.3f ms, p99 %.3f ms, max %.3f ms\n",
               qint64(steady.size()), percentile(steady, 0.5) / 1000.0, percentile(steady, 0.99) / 1000.0, percentile(steady, 1.0) / 1000.0);
        // Whether the slow tokens are a few stalls or spread over the run.
        QHash<qint64, int> slowByWindow; // 100 ms window of the send time -> tokens over 5 ms
        qint64 slow = 0, firstSent = INT64_MAX, lastSent = 0;
        qint64 slowStarting = 0, slowEnding = 0; // while streams were starting; after the first ended
        for (const auto &[sent, l] : pairs) {
            firstSent = qMin(firstSent, sent);
            lastSent = qMax(lastSent, sent);
        }
        for (const auto &[sent, l] : pairs) {
            if (l > 5000) {
                ++slow;
                slowStarting += sent <= lastFirstToken;
                slowEnding += sent >= firstDone;
                ++slowByWindow[(sent - firstSent) / 100000];
            }
        }
        printf("  tokens over 5 ms: %lld, in %lld of %lld windows of 100 ms (%lld while streams were starting, %lld after the first ended)\n",
               slow, qint64(slowByWindow.size()), pairs.isEmpty() ? 0 : (lastSent - firstSent) / 100000 + 1, slowStarting,
               slowEnding);
        printf("  all tokens, until the client read them (adds its polling and its waits for a CPU): p50 %.3f ms, p99 %.3f ms, max %.3f ms\n",
               percentile(readLat, 0.5) / 1000.0, percentile(readLat, 0.99) / 1000.0, percentile(readLat, 1.0) / 1000.0);
    }
    waitUntil([] { return false; }, 1000); // the server reports its counters every 200 ms
    readServer();
    printf("server RSS after load:                       %ld KiB\n", rssKb(server.processId()));
    printf("database commits per stream:                 %.1f (%lld commits, %lld streams)\n",
           started ? double(commits) / double(started) : 0.0, commits, started);
    printf("longest wait of streamed text for its save:  %lld ms (text arrival to commit; a crash loses at most this)\n", saveLagMs);
    server.terminate();
    server.waitForFinished(10000);
    fakeThread.quit();
    fakeThread.wait();
    return 0;
}
