// teehee: the desktop chat app over the in-process backend.
#include "screenshottour.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
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
