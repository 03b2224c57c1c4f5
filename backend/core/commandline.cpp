#include "core/commandline.h"

#include "core/configloader.h"

#include <QCommandLineParser>

namespace teehee {

QString serverHelpText()
{
    QString text = QStringLiteral(
        "Usage: teehee-server [options]\n"
        "Serves the Teehee REST + WebSocket API (docs at /docs once running).\n\n"
        "Options (strongest source first: flags, environment, .env file, defaults):\n"
        "  --host <address>        listen address (HOST)\n"
        "  --port <port>           listen port (PORT)\n"
        "  --database-url <url>    database (DATABASE_URL)\n"
        "  --env-file <path>       read variables from this file instead of ./.env\n"
        "  --print-fingerprint     print the SHA-256 fingerprint of the TLS certificate and exit\n"
        "  -h, --help              show this help\n"
        "  -v, --version           show the version\n\n"
        "Environment variables:\n");
    for (const ConfigVariable &v : configVariables()) {
        text += QStringLiteral("  %1\n      %2").arg(QLatin1String(v.name), -28).arg(QString::fromUtf8(v.description));
        text += QStringLiteral(" (default: %1)\n").arg(*v.defaultValue ? QString::fromUtf8(v.defaultValue) : QStringLiteral("empty"));
    }
    text += QStringLiteral("\nExit codes: 0 normal stop, 1 start-up failure, 2 bad configuration.\n");
    return text;
}

Result<CommandLine> parseServerCommandLine(const QStringList &arguments, bool refusePlaceholders)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption host(QStringLiteral("host"), QString(), QStringLiteral("address"));
    const QCommandLineOption port(QStringLiteral("port"), QString(), QStringLiteral("port"));
    const QCommandLineOption databaseUrl(QStringLiteral("database-url"), QString(), QStringLiteral("url"));
    const QCommandLineOption envFile(QStringLiteral("env-file"), QString(), QStringLiteral("path"));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    const QCommandLineOption version(QStringList{QStringLiteral("v"), QStringLiteral("version")});
    const QCommandLineOption fingerprint(QStringLiteral("print-fingerprint"));
    parser.addOptions({host, port, databaseUrl, envFile, help, version, fingerprint});
    if (!parser.parse(arguments))
        return Error::invalid(parser.errorText() + QStringLiteral(" (see --help)"));
    if (!parser.positionalArguments().isEmpty())
        return Error::invalid(QStringLiteral("unexpected argument \"%1\" (see --help)").arg(parser.positionalArguments().first()));

    CommandLine cl;
    if (parser.isSet(help)) {
        cl.action = CommandLine::Action::Help;
        cl.output = serverHelpText();
        return cl;
    }
    if (parser.isSet(version)) {
        cl.action = CommandLine::Action::Version;
        cl.output = QStringLiteral("teehee-server %1\n").arg(QStringLiteral(TEEHEE_VERSION));
        return cl;
    }

    ConfigLoader loader;
    if (parser.isSet(envFile))
        loader.setEnvFile(parser.value(envFile), true);
    else
        loader.setEnvFile(QStringLiteral(".env"), false);
    if (parser.isSet(host))
        loader.setOverride(QStringLiteral("HOST"), parser.value(host));
    if (parser.isSet(port))
        loader.setOverride(QStringLiteral("PORT"), parser.value(port));
    if (parser.isSet(databaseUrl))
        loader.setOverride(QStringLiteral("DATABASE_URL"), parser.value(databaseUrl));
    loader.setRefusePlaceholderSecrets(refusePlaceholders);
    auto config = loader.load();
    if (!config)
        return config.error();
    cl.config = config.value();
    if (parser.isSet(fingerprint)) {
        if (!cl.config.usesTls())
            return Error::invalid(QStringLiteral("--print-fingerprint: TLS is off; set TLS=self-signed, or TLS_CERT_FILE and TLS_KEY_FILE"));
        cl.action = CommandLine::Action::PrintFingerprint;
    }
    return cl;
}

} // namespace teehee
