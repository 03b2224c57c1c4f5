#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <atomic>
#include <thread>
#include <vector>

// WebSocket clients for bench_stream and bench_relay (which also uses their
// server-sent-events mode, sseloadclient.cpp): plain sockets driven by one epoll loop
// on a thread of its own. A thousand QWebSockets on one Qt event loop cost the
// bench more than the server it measures (every wake-up polls every socket),
// and that cost showed up as "added latency". Here a token's latency ends
// when the kernel queued its bytes on the client's socket (SO_TIMESTAMPNS), so
// it is the server's, not the client's; the time until the client read them
// is reported beside it.
namespace benchws {

qint64 nowUs();

// Lowers the calling thread's scheduling priority (nice 10; Linux keeps it
// per thread). The load generator runs on the CPUs the server runs on: when
// both are ready, the server should run, or the bench measures how long the
// scheduler made the server wait for its own clients.
void deferToServer();

struct Account {
    QByteArray token;
    QString chat;
};

// What one client saw; times in µs on the steady clock, 0 when it never happened.
struct ClientResult {
    qint64 sentUs = 0;        // stream_message written
    qint64 startUs = 0;       // stream_start received
    qint64 firstTokenUs = 0;
    qint64 doneUs = 0;        // stream_complete (or an error) received
    int tokens = 0;
    bool done = false;
    bool failed = false;
};

// Every token's send stamp (written by the fake provider) and its latency:
// to the kernel's arrival stamp on the client's socket (what the server adds),
// and to the moment this client read it (plus what the client's own
// scheduling adds, up to 200 µs of polling and any wait for a CPU).
struct TokenSample {
    qint64 sentUs;
    qint64 latencyUs;
    qint64 readLatencyUs;
};

class LoadRun {
public:
    // Opens one socket per account on `port`, asks each for `count` tokens
    // every `intervalMs` ("count:interval", what the fake provider reads).
    LoadRun(quint16 port, const QList<Account> &accounts, int count, int intervalMs);
    ~LoadRun();

    // Before start(): each client instead POSTs an OpenAI-style streaming
    // request to `path` and reads server-sent events (what a reverse proxy
    // in front of the provider relays); the token stamps are the same.
    void useServerSentEvents(const QByteArray &path) { m_ssePath = path; }

    void start();
    bool finished() const { return m_finished.load(); }
    // Valid once finished().
    const std::vector<ClientResult> &results() const { return m_results; }
    const std::vector<TokenSample> &samples() const { return m_samples; }

private:
    struct Conn;
    void loop();
    bool onReadable(Conn &c, qint64 now);
    void onFrame(Conn &c, int opcode, const char *payload, qsizetype size, qint64 now);
    QByteArray sseRequest() const;
    bool onSseBytes(Conn &c, qint64 now);

    quint16 m_port;
    QList<Account> m_accounts;
    int m_count;
    int m_intervalMs;
    QByteArray m_ssePath;
    std::vector<ClientResult> m_results;
    std::vector<TokenSample> m_samples;
    std::thread m_thread;
    std::atomic<bool> m_finished{false};
    qint64 m_realtimeOffsetUs = 0;
};

} // namespace benchws
