// teehee: the desktop chat app. Its composition root: the client the views
// talk to (today the in-process backend), the language, then the QML.
#include "clientprovider.h"
#include "languagecontroller.h"
#include "localchatclient.h"
#include "screenshottour.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QSettings>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(TeeheePlugin)

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("teehee"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Teehee"));
    QGuiApplication::setApplicationVersion(QStringLiteral(TEEHEE_VERSION));
    QGuiApplication::setOrganizationName(QStringLiteral("Teehee"));
    QGuiApplication::setDesktopFileName(QStringLiteral("teehee"));
    if (qEnvironmentVariableIsEmpty("QT_QUICK_CONTROLS_STYLE"))
        QQuickStyle::setStyle(QStringLiteral("Basic"));

    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshots(QStringLiteral("screenshots"),
        QStringLiteral("Drive a short conversation, save light and dark screenshots in <dir>, quit."), QStringLiteral("dir"));
    parser.addOption(screenshots);
    parser.process(app);

    // The saved (or the system's) language from the first frame on.
    LanguageController::applyStartupLanguage();

    const QString profileKey = QStringLiteral("profile/localUserId");
    teehee::client::LocalChatClient client(QSettings().value(profileKey).toString());
    QObject::connect(&client, &teehee::client::ChatClient::stateChanged, &client, [&client, profileKey] {
        if (!client.userId().isEmpty())
            QSettings().setValue(profileKey, client.userId());
    });
    ClientProvider::provide(&client);
    ClientProvider::provideSharing(client.sharing());
    client.start();

    QQmlApplicationEngine engine;
    QObject::connect(&engine, &QQmlApplicationEngine::objectCreationFailed, &app,
                     [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    // Qt 6.4 has no loadFromModule(): load the module's resource path.
    engine.load(QUrl(QStringLiteral("qrc:/Teehee/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    ScreenshotTour tour(engine, parser.value(screenshots));
    if (parser.isSet(screenshots))
        tour.start();
    return app.exec();
}
