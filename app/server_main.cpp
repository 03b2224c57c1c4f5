// teehee-server: the backend served headless over REST + WebSocket.
#include "api/httpserver.h"
#include "api/tls/tlsidentity.h"
#include "backend.h"
#include "core/commandline.h"
#include "core/epolleventdispatcher.h"
#include "core/logging.h"
#include "signalwatcher.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QTextStream>

namespace {

// Only an address that never leaves the machine; a name other than localhost may resolve anywhere.
bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

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
    if (cl->action == teehee::CommandLine::Action::PrintFingerprint) {
        auto identity = teehee::TlsIdentity::fromConfig(cl->config);
        if (!identity) {
            err << "teehee-server: " << identity.error().message << Qt::endl;
            return 2;
        }
        out << identity->fingerprint() << Qt::endl;
        return 0;
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
    // start() may answer before exec() runs, when exit() would be lost: queue it.
    auto fail = [&err](const QString &message, int code) {
        err << "teehee-server: " << message << Qt::endl;
        QMetaObject::invokeMethod(qApp, [code] { QCoreApplication::exit(code); }, Qt::QueuedConnection);
    };
    backend.start([&](teehee::Status status) {
        if (!status) {
            // Without its two secrets it cannot run: as for a bad setting, the operator has to
            // act (set the key, unlock the keychain), exit 2; other failures exit 1.
            const auto &c = backend.config();
            return fail(status.error().message, c.secretKey.isEmpty() || c.encryptionKey.isEmpty() ? 2 : 1);
        }
        const auto &config = backend.config();
        server = std::make_unique<teehee::HttpServer>(backend);
        QString fingerprint;
        if (config.usesTls()) {
            auto identity = teehee::TlsIdentity::fromConfig(config);
            if (!identity)
                return fail(identity.error().message, 2);
            server->useTls(identity->serverConfiguration());
            fingerprint = identity->fingerprint();
        }
        auto port = server->listen(config.host, quint16(config.port));
        if (!port)
            return fail(port.error().message, 1);
        out << "teehee-server " << TEEHEE_VERSION << " listening on " << (config.usesTls() ? "https://" : "http://")
            << config.host << ':' << port.value() << Qt::endl;
        if (!fingerprint.isEmpty())
            out << "TLS certificate SHA-256 fingerprint: " << fingerprint << Qt::endl;
        if (!config.usesTls() && !isLoopbackHost(config.host))
            qCWarning(lcHttp).noquote() << "listening on" << config.host
                                        << "serves plain HTTP (no TLS) to the network: passwords and tokens travel in clear."
                                        << "Set TLS=self-signed (or TLS_CERT_FILE and TLS_KEY_FILE), or put it behind an HTTPS reverse proxy (README, \"HTTPS reverse proxy\") and bind HOST=127.0.0.1.";
    });
    return app.exec();
}
