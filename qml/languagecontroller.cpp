#include "languagecontroller.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include <memory>

namespace {

// One translator for the whole application, replaced on every switch.
std::unique_ptr<QTranslator> &translator()
{
    static std::unique_ptr<QTranslator> t;
    return t;
}

// Loads the .qm for `code`, or for the system's UI languages when it is empty.
void installTranslation(const QString &code)
{
    if (auto &old = translator()) {
        QCoreApplication::removeTranslator(old.get());
        old.reset();
    }
    if (code == QLatin1String("en"))
        return; // the source language
    auto next = std::make_unique<QTranslator>();
    const QLocale locale = code.isEmpty() ? QLocale::system() : QLocale(code);
    if (next->load(locale, QStringLiteral("teehee"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(next.get());
        translator() = std::move(next);
    }
}
} // namespace

LanguageController *LanguageController::instance()
{
    static LanguageController *notifier = [] {
        auto *c = new LanguageController;
        c->setParent(QCoreApplication::instance()); // first used on the GUI thread
        return c;
    }();
    return notifier;
}

LanguageController *LanguageController::create(QQmlEngine *, QJSEngine *)
{
    // Shared with C++, so the engine must not delete it.
    QQmlEngine::setObjectOwnership(instance(), QQmlEngine::CppOwnership);
    return instance();
}

QStringList LanguageController::availableCodes()
{
    return {QString(), QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr"), QStringLiteral("es"),
            QStringLiteral("ja")};
}

void LanguageController::applyStartupLanguage()
{
    QString code = qEnvironmentVariable("TEEHEE_LANGUAGE");
    if (code.isEmpty()) {
        // The app's own settings file: main() sets these names only after this hook ran.
        const QSettings settings(QStringLiteral("Teehee"), QStringLiteral("teehee"));
        code = settings.value(QStringLiteral("appearance/language")).toString();
    }
    installTranslation(availableCodes().contains(code) ? code : QString());
}

void LanguageController::switchTo(const QString &code, QQmlEngine *engine)
{
    installTranslation(availableCodes().contains(code) ? code : QString());
    // Re-evaluates every binding that calls qsTr(), so the visible UI changes now.
    if (engine)
        engine->retranslate();
    Q_EMIT instance()->languageChanged();
}

QString LanguageController::effectiveLanguage()
{
    const auto &t = translator();
    if (!t)
        return QStringLiteral("en");
    return QLocale(t->language()).name().section(QLatin1Char('_'), 0, 0);
}

QVariantList LanguageController::languages() const
{
    // Names in their own language, so users find theirs whatever the UI shows.
    const auto entry = [](const QString &code, const QString &name) {
        return QVariantMap{{QStringLiteral("code"), code}, {QStringLiteral("name"), name}};
    };
    return {
        entry(QString(), tr("System default")),
        entry(QStringLiteral("en"), QStringLiteral("English")),
        entry(QStringLiteral("de"), QStringLiteral("Deutsch")),
        entry(QStringLiteral("fr"), QStringLiteral("Français")),
        entry(QStringLiteral("es"), QStringLiteral("Español")),
        entry(QStringLiteral("ja"), QStringLiteral("日本語")),
    };
}
