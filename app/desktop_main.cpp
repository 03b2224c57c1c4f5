// teehee: the desktop chat app. Its composition root: the language, then the
// session (the client the views talk to, this computer's backend or a
// server account, and the QML over it).
#include "desktopsession.h"
#include "languagecontroller.h"

#include <QCommandLineParser>
#include <QGuiApplication>
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

    // The saved (or the system's) language from the first frame on.
    LanguageController::applyStartupLanguage();

    DesktopSession session(parser.value(screenshots));
    session.start();
    return app.exec();
}
