// What relaying a streamed token costs teehee-server, against the floor a
// plain reverse proxy sets. A fake OpenAI-style provider (in this process,
// on a thread of its own) streams N tokens at R tokens/s per stream; clients
// (an epoll loop on another thread) take them either straight from the
// provider through nginx (server-sent events, as a proxy relays them) or
// through teehee-server's /stream WebSocket. Both children are measured from
// /proc: CPU per token relayed, and the latency each adds (the provider's send
// stamp to the kernel's arrival stamp on the client's socket).
//
// With a PostgreSQL URL (--pg-url, TEEHEE_BENCH_PG_URL, or DATABASE_URL),
// 1, 2 and 3 teehee-servers on that database run behind nginx as a
// round-robin load balancer. Prints figures; never fails on them.
#include "fakellm.h"
#include "nginxrunner.h"
#include "proccpu.h"
#include "relayaccounts.h"
#include "relaysupport.h"
#include "teeheeprocess.h"
#include "wsloadclient.h"

#include "core/descriptortable.h"
#include "core/epolleventdispatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>

#include <cstdint>
#include <cstdio>
#include <memory>

using benchws::Account;

namespace {

struct Options {
    QString server;
    QString nginx;
    QList<int> streams;
    int tokens = 100;
    int rate = 20;
    QString pgUrl;
    QList<int> pgServers;
};

struct CaseResult {
    qint64 tokens = 0;
    qint64 expected = 0;
    int failedStreams = 0;
    CpuTime cpu;
    double seconds = 0;       // from the first connection to the last stream's end
    double streamSeconds = 0; // from the first token to the last stream's end
    QList<qint64> latency; // µs, one per token
};

// Runs `accounts.size()` streams through `port` and measures `pids` meanwhile.
CaseResult runCase(quint16 port, const QList<Account> &accounts, bool sse, const Options &o, const QList<qint64> &pids)
{
    benchws::LoadRun load(port, accounts, o.tokens, 1000 / o.rate);
    if (sse)
        load.useServerSentEvents(QByteArrayLiteral("/v1/chat/completions"));
    CpuSampler cpu(pids);
    cpu.start();
    const qint64 t0 = benchws::nowUs();
    load.start();
    relay::waitUntil([&] { return load.finished(); }, 3600 * 1000);
    const qint64 t1 = benchws::nowUs();
    // A reply's last save follows its last token: let it land inside the window.
    relay::waitUntil([] { return false; }, 300);
    CaseResult r;
    r.cpu = cpu.elapsed();
    r.seconds = double(t1 - t0) / 1e6;
    r.expected = qint64(accounts.size()) * o.tokens;
    qint64 first = INT64_MAX, last = 0;
    for (const benchws::ClientResult &c : load.results()) {
        if (c.firstTokenUs)
            first = qMin(first, c.firstTokenUs);
        last = qMax(last, c.doneUs);
        r.tokens += c.tokens;
        r.failedStreams += c.failed || !c.done;
    }
    for (const benchws::TokenSample &s : load.samples())
        r.latency.append(s.latencyUs);
    r.streamSeconds = last > first ? double(last - first) / 1e6 : 0.0;
    return r;
}

double perToken(qint64 us, qint64 tokens)
{
    return tokens ? double(us) / double(tokens) : 0.0;
}

void printRow(const char *who, const CaseResult &r)
{
    printf("  %-14s %lld/%lld tokens%s, CPU per token: user %.1f µs, kernel %.1f µs, total %.1f µs "
           "(scheduler clock %.1f µs); added latency p50 %.3f ms, p99 %.3f ms\n",
           who, r.tokens, r.expected,
           r.failedStreams ? qPrintable(QStringLiteral(" (%1 streams failed)").arg(r.failedStreams)) : "",
           perToken(r.cpu.userUs, r.tokens), perToken(r.cpu.kernelUs, r.tokens), perToken(r.cpu.totalUs(), r.tokens),
           perToken(r.cpu.scheduledUs, r.tokens),
           double(relay::percentile(r.latency, 0.5)) / 1000.0, double(relay::percentile(r.latency, 0.99)) / 1000.0);
}

QList<int> intList(const QString &csv)
{
    QList<int> out;
    for (const QString &part : csv.split(u',', Qt::SkipEmptyParts))
        if (const int n = part.trimmed().toInt(); n > 0)
            out.append(n);
    return out;
}

QList<Account> dummyAccounts(int n)
{
    return QList<Account>(n, Account{QByteArrayLiteral("-"), QStringLiteral("-")});
}

int compareWithNginx(const Options &o, const QString &providerUrl, quint16 providerPort, const QString &dir)
{
    NginxRunner nginx(o.nginx);
    if (!nginx.start({providerPort}))
        return 1;
    TeeheeProcess server({o.server, dir, QString(), providerUrl, QStringLiteral("relay-bench"),
                          dir + QStringLiteral("/teehee-server.log")});
    if (!server.start())
        return 1;
    int most = 0;
    for (int n : o.streams)
        most = qMax(most, n);
    const QList<Account> accounts = makeAccounts(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port())), most, 8);
    if (accounts.isEmpty())
        return 1;
    for (int n : o.streams) {
        printf("%d stream%s x %d tokens at %d tokens/s:\n", n, n == 1 ? "" : "s", o.tokens, o.rate);
        fflush(stdout);
        const CaseResult viaNginx = runCase(nginx.port(), dummyAccounts(n), true, o, nginx.workerPids());
        printRow("nginx", viaNginx);
        fflush(stdout);
        const CaseResult viaTeehee = runCase(server.port(), accounts.mid(0, n), false, o, {server.pid()});
        printRow("teehee-server", viaTeehee);
        // Under one clock tick a ratio means nothing: more tokens (--tokens) or streams make one.
        const QString ratio = viaNginx.cpu.totalUs() == 0
            ? QStringLiteral("n/a (nginx used less than one tick)")
            : QString::number(double(viaTeehee.cpu.totalUs()) / double(viaTeehee.tokens)
                                  / (double(viaNginx.cpu.totalUs()) / double(viaNginx.tokens)), 'f', 2) + u'x';
        const double scheduledRatio = perToken(viaTeehee.cpu.scheduledUs, viaTeehee.tokens)
                                      / qMax(perToken(viaNginx.cpu.scheduledUs, viaNginx.tokens), 1e-9);
        printf("  teehee/nginx: CPU per token %s (scheduler clock %.2fx), p50 latency %+.3f ms, p99 latency %+.3f ms\n",
               qPrintable(ratio), scheduledRatio,
               double(relay::percentile(viaTeehee.latency, 0.5) - relay::percentile(viaNginx.latency, 0.5)) / 1000.0,
               double(relay::percentile(viaTeehee.latency, 0.99) - relay::percentile(viaNginx.latency, 0.99)) / 1000.0);
        fflush(stdout);
    }
    return 0;
}

int scaleOut(const Options &o, const QString &providerUrl, const QString &dir)
{
    int streams = 0;
    for (int n : o.streams)
        streams = qMax(streams, n);
    printf("PostgreSQL, teehee-servers behind nginx (round robin), %d streams x %d tokens at %d tokens/s:\n", streams,
           o.tokens, o.rate);
    QList<Account> accounts;
    for (int count : o.pgServers) {
        std::vector<std::unique_ptr<TeeheeProcess>> servers;
        QList<quint16> ports;
        QList<qint64> pids;
        // One after the other: the first brings the schema up to date alone.
        for (int i = 0; i < count; ++i) {
            const QString own = dir + QStringLiteral("/server%1").arg(i + 1);
            QDir().mkpath(own);
            servers.push_back(std::make_unique<TeeheeProcess>(TeeheeProcess::Options{
                o.server, own, o.pgUrl, providerUrl, QStringLiteral("relay-bench-%1").arg(i + 1),
                own + QStringLiteral("/teehee-server.log")}));
            if (!servers.back()->start())
                return 1;
            ports.append(servers.back()->port());
            pids.append(servers.back()->pid());
        }
        NginxRunner balancer(o.nginx);
        if (!balancer.start(ports))
            return 1;
        if (accounts.isEmpty())
            accounts = makeAccounts(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(balancer.port())), streams, 8);
        if (accounts.isEmpty())
            return 1;
        CpuSampler balancing(balancer.workerPids());
        balancing.start();
        const CaseResult r = runCase(balancer.port(), accounts, false, o, pids);
        const CpuTime lb = balancing.elapsed();
        printf("  %d server%s: %.0f tokens/s from the first token (%.0f incl. connecting; %lld/%lld tokens%s in %.1f s), teehee CPU per token %.1f µs "
               "(user %.1f, kernel %.1f), nginx %.1f µs; added latency p50 %.3f ms, p99 %.3f ms\n",
               count, count == 1 ? " " : "s", double(r.tokens) / qMax(r.streamSeconds, 1e-9),
               double(r.tokens) / qMax(r.seconds, 1e-9), r.tokens, r.expected,
               r.failedStreams ? qPrintable(QStringLiteral(", %1 streams failed").arg(r.failedStreams)) : "", r.seconds,
               perToken(r.cpu.totalUs(), r.tokens), perToken(r.cpu.userUs, r.tokens), perToken(r.cpu.kernelUs, r.tokens),
               perToken(lb.totalUs(), r.tokens), double(relay::percentile(r.latency, 0.5)) / 1000.0, double(relay::percentile(r.latency, 0.99)) / 1000.0);
        fflush(stdout);
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("CPU and latency of relaying streamed tokens: teehee-server against nginx"));
    parser.addHelpOption();
    const QString defaultServer = QDir(app.applicationDirPath()).filePath(QStringLiteral("../app/teehee-server"));
    parser.addOptions({
        {QStringLiteral("server"), QStringLiteral("teehee-server binary"), QStringLiteral("path"), defaultServer},
        {QStringLiteral("nginx"), QStringLiteral("nginx binary"), QStringLiteral("path"), QStringLiteral("/usr/sbin/nginx")},
        {QStringLiteral("streams"), QStringLiteral("comma list of concurrent stream counts"), QStringLiteral("list"),
         QStringLiteral("1,1000")},
        {QStringLiteral("tokens"), QStringLiteral("tokens per stream"), QStringLiteral("n"), QStringLiteral("100")},
        {QStringLiteral("rate"), QStringLiteral("tokens/s per stream (1 to 1000)"), QStringLiteral("r"), QStringLiteral("20")},
        {QStringLiteral("pg-url"), QStringLiteral("PostgreSQL URL for the scale-out runs"), QStringLiteral("url")},
        {QStringLiteral("pg-servers"), QStringLiteral("comma list of server counts behind the balancer"),
         QStringLiteral("list"), QStringLiteral("1,2,3")},
    });
    parser.process(app);
    Options o;
    o.server = QDir::cleanPath(parser.value(QStringLiteral("server")));
    o.nginx = parser.value(QStringLiteral("nginx"));
    o.streams = intList(parser.value(QStringLiteral("streams")));
    o.tokens = qMax(1, parser.value(QStringLiteral("tokens")).toInt());
    o.rate = qBound(1, parser.value(QStringLiteral("rate")).toInt(), 1000);
    o.pgServers = intList(parser.value(QStringLiteral("pg-servers")));
    o.pgUrl = parser.value(QStringLiteral("pg-url"));
    if (o.pgUrl.isEmpty())
        o.pgUrl = qEnvironmentVariable("TEEHEE_BENCH_PG_URL");
    if (o.pgUrl.isEmpty() && qEnvironmentVariable("DATABASE_URL").startsWith(u"postgres"))
        o.pgUrl = qEnvironmentVariable("DATABASE_URL");
    if (o.streams.isEmpty()) {
        fprintf(stderr, "--streams: expected a list such as 1,1000\n");
        return 2;
    }

    // Raised here, inherited by nginx and teehee-server: two descriptors per stream each.
    teehee::DescriptorTable::prepare();
    FakeLlm fake;
    QThread fakeThread; // the provider shares no loop with this thread
    fakeThread.setEventDispatcher(new teehee::EpollEventDispatcher); // Qt's would poll 1,000 sockets per token
    QObject::connect(&fakeThread, &QThread::started, [] { benchws::deferToServer(); });
    fake.server.moveToThread(&fakeThread);
    fake.moveToThread(&fakeThread);
    fakeThread.start();
    const quint16 providerPort = fake.server.serverPort();
    const QString providerUrl = QStringLiteral("http://127.0.0.1:%1/v1").arg(providerPort);

    QTemporaryDir dir;
    QFile loadavg(QStringLiteral("/proc/loadavg"));
    const QByteArray load = loadavg.open(QIODevice::ReadOnly) ? loadavg.readAll().trimmed() : QByteArray("?");
    printf("teehee bench_relay: CPU and added latency per token relayed, teehee-server (WebSocket /stream) against "
           "nginx (proxy_buffering off, 1 worker); %d CPUs, load %s; CPU resolution 1 tick = %lld µs per run\n",
           QThread::idealThreadCount(), load.constData(), CpuSampler::tickUs());
    printf("server: %s\n", qPrintable(o.server));
    fflush(stdout);
    int rc = compareWithNginx(o, providerUrl, providerPort, dir.path());
    if (rc == 0 && !o.pgUrl.isEmpty())
        rc = scaleOut(o, providerUrl, dir.path());
    else if (rc == 0)
        printf("(no PostgreSQL URL: set TEEHEE_BENCH_PG_URL for 1, 2 and 3 servers behind nginx)\n");
    fakeThread.quit();
    fakeThread.wait();
    return rc;
}
