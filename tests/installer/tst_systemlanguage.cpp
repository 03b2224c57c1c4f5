// The start-up language: the system's when nothing is saved (ctest starts this
// with a German locale and an empty config folder), else the saved choice, and
// TEEHEE_LANGUAGE over both.
#include "languagecontroller.h"

#include <QCoreApplication>
#include <QSettings>
#include <QTest>

class TestSystemLanguage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // As the app's composition root does, before anything is shown.
    void initTestCase() { LanguageController::applyStartupLanguage(); }
    void followsTheSystem();
    void savedChoiceWins();
    void environmentWins();
    void unknownFallsBackToTheSystem();
    void cleanup();

private:
    static QString systemDefault() { return QCoreApplication::translate("LanguageController", "System default"); }
    static void save(const QString &code)
    {
        QSettings(QStringLiteral("Teehee"), QStringLiteral("teehee")).setValue(QStringLiteral("appearance/language"), code);
    }
};

void TestSystemLanguage::followsTheSystem()
{
    // Installed at start-up, before any test function ran.
    QCOMPARE(LanguageController::effectiveLanguage(), QStringLiteral("de"));
    QCOMPARE(systemDefault(), QStringLiteral("Systemstandard"));
}

void TestSystemLanguage::savedChoiceWins()
{
    save(QStringLiteral("fr"));
    LanguageController::applyStartupLanguage();
    QCOMPARE(LanguageController::effectiveLanguage(), QStringLiteral("fr"));
    QCOMPARE(systemDefault(), QStringLiteral("Langue du système"));
    save(QStringLiteral("en"));
    LanguageController::applyStartupLanguage();
    QCOMPARE(LanguageController::effectiveLanguage(), QStringLiteral("en"));
    QCOMPARE(systemDefault(), QStringLiteral("System default"));
}

void TestSystemLanguage::environmentWins()
{
    save(QStringLiteral("fr"));
    qputenv("TEEHEE_LANGUAGE", "ja");
    LanguageController::applyStartupLanguage();
    QCOMPARE(LanguageController::effectiveLanguage(), QStringLiteral("ja"));
}

void TestSystemLanguage::unknownFallsBackToTheSystem()
{
    save(QStringLiteral("xx"));
    LanguageController::applyStartupLanguage();
    QCOMPARE(LanguageController::effectiveLanguage(), QStringLiteral("de"));
}

void TestSystemLanguage::cleanup()
{
    qunsetenv("TEEHEE_LANGUAGE");
    QSettings(QStringLiteral("Teehee"), QStringLiteral("teehee")).remove(QStringLiteral("appearance/language"));
}

QTEST_GUILESS_MAIN(TestSystemLanguage)
#include "tst_systemlanguage.moc"
