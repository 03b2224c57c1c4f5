// Tokens per second of one provider stream against a local fake provider
// that sends as fast as it can (its own thread, the whole body in one write,
// close-delimited). The client is the real one: QNetworkAccessManager,
// SseParser, the provider's JSON decoding, the continuation joiner and the
// textDelta signal. Target: the client keeps up with >= 200,000 tokens/s.
// Figures only: nothing here fails.
//
//   bench_provider_stream [tokens per stream, default 200000]
#include "providers/provider.h"
#include "providers/providerstream.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <atomic>
#include <cstdio>
#include <fstream>

#include <sys/resource.h>

using namespace teehee;

namespace {

QByteArray openAiBody(int tokens)
{
    QByteArray out;
    out.reserve(qsizetype(tokens) * 230);
    out += R"(data: {"id":"chatcmpl-X","object":"chat.completion.chunk","created":1730000000,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]})" "\n\n";
    for (int i = 0; i < tokens; ++i)
        out += R"(data: {"id":"chatcmpl-X","object":"chat.completion.chunk","created":1730000000,"model":"gpt-4o-mini","system_fingerprint":"fp_x","choices":[{"index":0,"delta":{"content":" w)"
            + QByteArray::number(i % 1000) + R"("},"logprobs":null,"finish_reason":null}],"obfuscation":"aB3"})" "\n\n";
    out += R"(data: {"id":"chatcmpl-X","object":"chat.completion.chunk","created":1730000000,"model":"gpt-4o-mini","choices":[],"usage":{"prompt_tokens":9,"completion_tokens":)"
        + QByteArray::number(tokens) + "}}\n\ndata: [DONE]\n\n";
    return out;
}

QByteArray anthropicBody(int tokens)
{
    QByteArray out = "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":9,\"output_tokens\":1}}}\n\n";
    out.reserve(qsizetype(tokens) * 130);
    for (int i = 0; i < tokens; ++i)
        out += "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\" caf\xC3\xA9"
            + QByteArray::number(i % 1000) + "\"}}\n\n";
    out += "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":"
        + QByteArray::number(tokens) + "}}\n\nevent: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
    return out;
}

// Serves `body` to one request, on its own thread, as fast as the socket takes it.
class FastServer {
public:
    explicit FastServer(QByteArray body) : m_body(std::move(body))
    {
        m_thread.reset(QThread::create([this] { run(); }));
        m_thread->start();
        while (m_port.load() == 0)
            QThread::msleep(1);
    }
    ~FastServer() { m_thread->wait(); }
    quint16 port() const { return m_port.load(); }

private:
    void run()
    {
        QTcpServer server;
        server.listen(QHostAddress::LocalHost);
        m_port = server.serverPort();
        if (!server.waitForNewConnection(30000))
            return;
        QTcpSocket *s = server.nextPendingConnection();
        QByteArray request;
        while (!request.contains("\r\n\r\n") && s->waitForReadyRead(30000))
            request += s->readAll();
        // The body (a small JSON) has arrived with the headers or soon after; it is not needed.
        s->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n");
        s->write(m_body);
        while (s->bytesToWrite() > 0 && s->waitForBytesWritten(30000)) {
        }
        s->disconnectFromHost();
        if (s->state() != QAbstractSocket::UnconnectedState)
            s->waitForDisconnected(5000);
        delete s;
    }

    QByteArray m_body;
    std::atomic<quint16> m_port{0};
    std::unique_ptr<QThread> m_thread;
};

// CPU seconds of this process so far (client and fake server threads together).
double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

struct Figures {
    double seconds = 0;
    double cpu = 0;
    qint64 deltas = 0;
    bool completed = false;
};

Figures runOne(const Provider &provider, int tokens)
{
    ChatRequest request;
    request.model = QStringLiteral("bench-model");
    request.messages = {{QStringLiteral("user"), QStringLiteral("Go")}};
    request.timeouts.totalMs = 600000;
    std::unique_ptr<ProviderStream> stream(provider.createStream(request));
    Figures f;
    QElapsedTimer timer;
    double cpuAtStart = 0;
    QObject::connect(stream.get(), &ProviderStream::textDelta, stream.get(), [&f](const QString &) { ++f.deltas; });
    QObject::connect(stream.get(), &ProviderStream::ended, stream.get(), [&](ProviderStream::End end, const ProviderError &) {
        f.seconds = timer.nsecsElapsed() / 1e9;
        f.cpu = cpuSeconds() - cpuAtStart;
        f.completed = end == ProviderStream::End::Completed;
        QCoreApplication::quit();
    });
    cpuAtStart = cpuSeconds();
    timer.start();
    stream->start();
    QCoreApplication::exec();
    Q_UNUSED(tokens);
    return f;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("teehee.providers.info=false"));
    const int tokens = argc > 1 ? QByteArray(argv[1]).toInt() : 200000;
    std::printf("%-10s %8s %7s %8s %8s %10s %9s %16s\n", "provider", "tokens", "MB", "seconds", "MB/s", "tokens/s",
                "cpu s", "tokens/cpu-s");
    for (const char *name : {"openai", "anthropic"}) {
        const bool isOpenAi = QByteArray(name) == "openai";
        const QByteArray body = isOpenAi ? openAiBody(tokens) : anthropicBody(tokens);
        FastServer server(body);
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(server.port());
        std::unique_ptr<Provider> provider;
        if (isOpenAi)
            provider = std::make_unique<OpenAiProvider>(base + QStringLiteral("/v1"), QStringLiteral("sk-bench"));
        else
            provider = std::make_unique<AnthropicProvider>(base, QStringLiteral("ak-bench"));
        const Figures f = runOne(*provider, tokens);
        const double mb = body.size() / (1024.0 * 1024.0);
        std::printf("%-10s %8lld %7.1f %8.3f %8.1f %10.0f %9.3f %16.0f%s\n", name, (long long)f.deltas, mb, f.seconds,
                    mb / f.seconds, f.deltas / f.seconds, f.cpu, f.deltas / f.cpu,
                    f.completed ? "" : "  (stream did not complete)");
    }
    double load = 0;
    std::ifstream("/proc/loadavg") >> load;
    std::printf("(one stream each, loopback; target: >= 200000 tokens/s; cpu = client + fake server threads;\n"
                " load average %.1f on %d cores: wall figures drop when the machine is busy)\n", load, QThread::idealThreadCount());
    return 0;
}
