#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QVariantList>

// The UI language. Follows the system until the user picks one in Settings
// (SettingsController.language, saved as "appearance/language"); a switch
// installs the new translator and retranslates every qsTr() binding at once,
// without a restart. TEEHEE_LANGUAGE overrides the saved choice for one run.
// In QML, `Language` offers the choices and tells what is shown.
class LanguageController : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(Language)
    QML_SINGLETON
    // The language actually shown: "en" when no translation matched.
    Q_PROPERTY(QString effectiveLanguage READ effectiveLanguage NOTIFY languageChanged)
    // [{code, name}] for a ComboBox; the first entry ("", "System default") follows the system.
    Q_PROPERTY(QVariantList languages READ languages NOTIFY languageChanged)
public:
    static LanguageController *create(QQmlEngine *, QJSEngine *);
    // Emits languageChanged() after every switch, for C++ that builds texts with tr().
    static LanguageController *instance();

    static QString effectiveLanguage();
    QVariantList languages() const;

    // "" (system) and the codes of the shipped translations ("en" is the source).
    static QStringList availableCodes();
    // Installs the translator for `code` ("" = system) and retranslates `engine`.
    static void switchTo(const QString &code, QQmlEngine *engine);
    // Installs the saved or system language; runs at application start, before QML loads.
    static void applyStartupLanguage();

Q_SIGNALS:
    void languageChanged();

private:
    LanguageController() = default;
};
