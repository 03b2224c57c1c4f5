// A fake MCP server for the tests of backend/mcp. Over stdio by default
// (newline-delimited JSON-RPC on stdin/stdout, chatter on stderr); with
// --http it serves Streamable HTTP on 127.0.0.1 and prints "PORT <n>" first.
//   --sse             HTTP answers as SSE streams
//   --page-size N     tools per tools/list page (default 2)
//   --record FILE     append every message received to FILE
//   --print-env NAME  write NAME's value to stderr at start
//   --ignore-eof      keep running when stdin closes (only a signal ends it)
#include "fakemcpcore.h"
#include "fakemcphttp.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QSocketNotifier>

#include <cerrno>
#include <cstdio>
#include <unistd.h>

namespace {

void writeAll(const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(STDOUT_FILENO, bytes.constData() + done, size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            std::_Exit(0); // the client is gone
        done += n;
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({"http", "Serve Streamable HTTP."});
    parser.addOption({"sse", "Answer HTTP requests with SSE."});
    parser.addOption({"page-size", "Tools per page.", "n", "2"});
    parser.addOption({"record", "Record received messages.", "file"});
    parser.addOption({"print-env", "Print a variable to stderr.", "name"});
    parser.addOption({"ignore-eof", "Keep running when stdin closes."});
    parser.process(app);

    std::fprintf(stderr, "fake MCP server starting\npid %lld\n\x1b[31mcoloured\x1b[0m chatter\n", qint64(::getpid()));
    if (parser.isSet("print-env")) {
        const QByteArray name = parser.value("print-env").toUtf8();
        std::fprintf(stderr, "%s=%s\n", name.constData(), qgetenv(name.constData()).constData());
    }
    std::fflush(stderr);

    FakeMcpCore core({parser.value("page-size").toInt(), parser.value("record")});
    if (parser.isSet("http")) {
        auto *http = new FakeMcpHttp(&core, parser.isSet("sse"), &app);
        if (!http->listen(QHostAddress::LocalHost, 0))
            return 2;
        writeAll("PORT " + QByteArray::number(http->serverPort()) + '\n');
        return app.exec();
    }

    const auto sink = [](const QJsonObject &m) { writeAll(QJsonDocument(m).toJson(QJsonDocument::Compact) + '\n'); };
    const bool ignoreEof = parser.isSet("ignore-eof");
    QByteArray line;
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&] {
        char buffer[65536];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            return;
        if (n <= 0 && ignoreEof) {
            input.setEnabled(false);
            return;
        }
        if (n <= 0) {
            std::fprintf(stderr, "stdin closed, exiting\n");
            std::fflush(stderr);
            app.quit(); // the client closed stdin: the MCP way to end
            return;
        }
        line.append(buffer, n);
        qsizetype nl;
        while ((nl = line.indexOf('\n')) >= 0) {
            const QByteArray one = line.left(nl);
            line.remove(0, nl + 1);
            const QJsonObject message = QJsonDocument::fromJson(one).object();
            if (!message.isEmpty())
                core.handle(message, sink, writeAll);
        }
    });
    return app.exec();
}
