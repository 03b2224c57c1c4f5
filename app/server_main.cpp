// teehee-server: the backend served headless over REST + WebSocket.
#include "api/httpserver.h"
#include "backend.h"
#include "core/commandline.h"
#include "core/epolleventdispatcher.h"
#include "signalwatcher.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    teehee::installServerEventDispatcher();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("teehee"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TEEHEE_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    auto cl = teehee::parseServerCommandLine(QCoreApplication::arguments());
    if (!cl) {
        err << "teehee-server: " << cl.error().message << Qt::endl;
        return 2;
    }
    if (cl->action != teehee::CommandLine::Action::Run) {
        out << cl->output << Qt::flush;
        return 0;
    }

    // SIGTERM/SIGINT stop the event loop so connections close cleanly.
    SignalWatcher signals;
    QObject::connect(&signals, &SignalWatcher::terminationRequested, &app, &QCoreApplication::quit);

    teehee::Backend backend(cl->config);
    std::unique_ptr<teehee::HttpServer> server;
    backend.start([&](teehee::Status status) {
        if (!status) {
            err << "teehee-server: " << status.error().message << Qt::endl;
            QCoreApplication::exit(1);
            return;
        }
        server = std::make_unique<teehee::HttpServer>(backend);
        auto port = server->listen(backend.config().host, quint16(backend.config().port));
        if (!port) {
            err << "teehee-server: " << port.error().message << Qt::endl;
            QCoreApplication::exit(1);
            return;
        }
        out << "teehee-server " << TEEHEE_VERSION << " listening on http://" << backend.config().host << ':' << port.value() << Qt::endl;
    });
    return app.exec();
}
