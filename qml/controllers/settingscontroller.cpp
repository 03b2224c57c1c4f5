#include "settingscontroller.h"

#include "backendhost.h"
#include "languagecontroller.h"

#include "backend.h"
#include "generation/generationmanager.h"
#include "keys/keyservice.h"
#include "providers/modelcatalogue.h"
#include "providers/modellistfetcher.h"
#include "providers/providerregistry.h"

#include <QGuiApplication>
#include <QPalette>

using Services = BackendHost::Services;

namespace {
const QStringList kBuiltIn{QStringLiteral("openai"), QStringLiteral("anthropic"), QStringLiteral("mistral")};

QString plainError(const QString &message)
{
    return message.isEmpty() ? SettingsController::tr("Something went wrong.") : message;
}
} // namespace

SettingsController::SettingsController(BackendHost *host, QObject *parent) : QObject(parent), m_host(host)
{
    if (host->ready())
        onReady();
    else
        connect(host, &BackendHost::statusChanged, this, [this] {
            if (m_host->ready()) {
                disconnect(m_host, &BackendHost::statusChanged, this, nullptr);
                onReady();
            }
        });
}

SettingsController *SettingsController::create(QQmlEngine *engine, QJSEngine *)
{
    return new SettingsController(engine->singletonInstance<BackendHost *>(qmlTypeId("Teehee", 1, 0, "BackendHost")));
}

void SettingsController::onReady()
{
    m_host->run(this, [](Services s) {
        const teehee::Config &c = s.backend.config();
        QStringList names;
        if (!c.openaiApiKey.isEmpty()) names << QStringLiteral("openai");
        if (!c.anthropicApiKey.isEmpty()) names << QStringLiteral("anthropic");
        if (!c.mistralApiKey.isEmpty()) names << QStringLiteral("mistral");
        return names;
    }, [this](const QStringList &names) {
        m_serverKeys = names;
        Q_EMIT keysChanged();
    });
    reloadKeys();
}

QString SettingsController::theme() const
{
    return m_settings.value(QStringLiteral("appearance/theme"), QStringLiteral("system")).toString();
}

void SettingsController::setTheme(const QString &theme)
{
    m_settings.setValue(QStringLiteral("appearance/theme"), theme);
    Q_EMIT preferencesChanged();
}

QString SettingsController::language() const
{
    return m_settings.value(QStringLiteral("appearance/language")).toString();
}

void SettingsController::setLanguage(const QString &language)
{
    m_settings.setValue(QStringLiteral("appearance/language"), language);
    LanguageController::switchTo(language, qmlEngine(this)); // retranslates the visible UI now
    Q_EMIT preferencesChanged();
}

qreal SettingsController::textScale() const
{
    return m_settings.value(QStringLiteral("appearance/textScale"), 1.0).toReal();
}

void SettingsController::setTextScale(qreal scale)
{
    m_settings.setValue(QStringLiteral("appearance/textScale"), qBound(0.75, scale, 2.0));
    Q_EMIT preferencesChanged();
}

int SettingsController::sidebarWidth() const
{
    return qBound(kSidebarMin, m_settings.value(QStringLiteral("appearance/sidebarWidth"), kSidebarDefault).toInt(), kSidebarMax);
}

void SettingsController::setSidebarWidth(int width)
{
    const int bounded = qBound(kSidebarMin, width, kSidebarMax);
    if (bounded == sidebarWidth())
        return;
    m_settings.setValue(QStringLiteral("appearance/sidebarWidth"), bounded);
    Q_EMIT sidebarWidthChanged();
}

QString SettingsController::defaultProvider() const
{
    return m_settings.value(QStringLiteral("models/defaultProvider"), QStringLiteral("openai")).toString();
}

QString SettingsController::defaultModel() const
{
    const QString model = m_settings.value(QStringLiteral("models/defaultModel")).toString();
    return model.isEmpty() ? teehee::ModelCatalogue::defaultModel(defaultProvider()) : model;
}

void SettingsController::setDefaultModel(const QString &provider, const QString &model)
{
    m_settings.setValue(QStringLiteral("models/defaultProvider"), provider);
    m_settings.setValue(QStringLiteral("models/defaultModel"), model);
    Q_EMIT preferencesChanged();
}

QString SettingsController::providerDisplayName(const QString &provider) const
{
    if (provider == QLatin1String("openai")) return QStringLiteral("OpenAI");
    if (provider == QLatin1String("anthropic")) return QStringLiteral("Anthropic");
    if (provider == QLatin1String("mistral")) return QStringLiteral("Mistral");
    if (teehee::KeyService::isCustom(provider)) {
        // "custom" alone is the newest endpoint; "custom:<id or label>" one of them.
        const QString selector = provider.mid(kCustom.size() + 1);
        QString newest;
        for (const QVariant &k : m_keys) {
            const QVariantMap key = k.toMap();
            if (key.value(QStringLiteral("provider")) != kCustom)
                continue;
            const QString label = key.value(QStringLiteral("label")).toString();
            if (!selector.isEmpty() && (key.value(QStringLiteral("id")) == selector || label == selector))
                return label;
            newest = label;
        }
        return selector.isEmpty() && !newest.isEmpty() ? newest : tr("Custom endpoint");
    }
    return provider;
}

QVariantList SettingsController::providers() const
{
    QVariantList out;
    // Every custom endpoint is a choice of its own, after the built-in providers.
    QStringList names = kBuiltIn;
    for (const QVariant &k : m_keys)
        if (k.toMap().value(QStringLiteral("provider")) == kCustom)
            names << k.toMap().value(QStringLiteral("choice")).toString();
    for (const QString &name : names) {
        bool hasKey = m_serverKeys.contains(name);
        for (const QVariant &k : m_keys)
            hasKey |= k.toMap().value(QStringLiteral("choice")) == name;
        out << QVariantMap{{QStringLiteral("name"), name}, {QStringLiteral("displayName"), providerDisplayName(name)},
                           {QStringLiteral("hasKey"), hasKey}};
    }
    return out;
}

void SettingsController::reloadKeys()
{
    beginBusy();
    m_host->run(this, [](Services s) -> teehee::Result<QList<teehee::KeyRecord>> { return s.backend.keys().list(s.userId); },
                [this](const teehee::Result<QList<teehee::KeyRecord>> &r) {
                    endBusy();
                    if (!r)
                        return Q_EMIT errorOccurred(plainError(r.error().message));
                    m_keys.clear();
                    for (const teehee::KeyRecord &k : r.value()) {
                        // "choice": the provider name generation and the model chip use for this key.
                        const QString choice = k.providerName == kCustom ? teehee::KeyService::customChoice(k.id) : k.providerName;
                        m_keys << QVariantMap{{QStringLiteral("id"), k.id}, {QStringLiteral("provider"), k.providerName},
                                              {QStringLiteral("choice"), choice}, {QStringLiteral("hint"), k.hint},
                                              {QStringLiteral("label"), k.label}, {QStringLiteral("baseUrl"), k.baseUrl}};
                    }
                    m_keysLoaded = true;
                    Q_EMIT keysChanged();
                });
}

void SettingsController::saveKey(const QString &provider, const QString &apiKey)
{
    const QString key = apiKey.trimmed();
    if (key.isEmpty())
        return;
    beginBusy();
    m_host->run(this, [provider, key](Services s) -> QString {
        auto &keys = s.backend.keys();
        if (auto existing = keys.list(s.userId)) {
            for (const auto &k : existing.value())
                if (k.providerName == provider)
                    (void)keys.remove(s.userId, k.id);
        }
        auto added = keys.add(s.userId, provider, key);
        return added ? QString() : plainError(added.error().message);
    }, [this](const QString &error) {
        endBusy();
        if (!error.isEmpty())
            Q_EMIT errorOccurred(error);
        reloadKeys();
    });
}

void SettingsController::deleteKey(const QString &keyId)
{
    beginBusy();
    m_host->run(this, [keyId](Services s) -> QString {
        auto st = s.backend.keys().remove(s.userId, keyId);
        return st ? QString() : plainError(st.error().message);
    }, [this](const QString &error) {
        endBusy();
        if (!error.isEmpty())
            Q_EMIT errorOccurred(error);
        reloadKeys();
    });
}

void SettingsController::saveEndpoint(const QString &label, const QString &baseUrl, const QString &apiKey)
{
    const QString url = baseUrl.trimmed();
    if (url.isEmpty())
        return;
    // Local servers take any key; the store wants one, so a placeholder stands in.
    const QString key = apiKey.trimmed().isEmpty() ? QStringLiteral("no-key") : apiKey.trimmed();
    const QString name = label.trimmed().isEmpty() ? tr("Local server") : label.trimmed();
    beginBusy();
    m_host->run(this, [name, url, key](Services s) -> QString {
        auto &keys = s.backend.keys();
        if (auto existing = keys.list(s.userId)) {
            // Saving under a name that exists replaces that endpoint; others stay.
            for (const auto &k : existing.value())
                if (k.providerName == kCustom && k.label == name)
                    (void)keys.remove(s.userId, k.id);
        }
        auto added = keys.add(s.userId, kCustom, key, url, name);
        return added ? QString() : plainError(added.error().message);
    }, [this](const QString &error) {
        endBusy();
        if (!error.isEmpty())
            Q_EMIT errorOccurred(error);
        reloadKeys();
    });
}

void SettingsController::testKey(const QString &provider, const QString &apiKey, const QString &baseUrl)
{
    beginBusy();
    QPointer<QObject> self(this);
    QPointer<BackendHost> host(m_host);
    m_host->post([self, host, provider, apiKey, baseUrl](Services s) {
        const bool custom = teehee::KeyService::isCustom(provider) || !baseUrl.isEmpty();
        QString url = baseUrl;
        QString key = apiKey.trimmed();
        if (custom && url.isEmpty()) {
            // A stored endpoint: its own URL and key. A typed URL never gets a
            // stored key: that would hand it to a server the user did not pick.
            if (auto stored = s.backend.keys().resolve(s.userId, provider)) {
                url = stored->baseUrl;
                key = key.isEmpty() ? stored->apiKey : key;
            }
        }
        auto target = custom ? teehee::ProviderRegistry::compatible(url, kCustom, {},
                                                                    s.backend.keys().endpointPolicyFor(s.userId))
                             : s.generations.providers().provider(provider);
        if (!target) {
            host->deliver(self, [self] {
                auto *me = static_cast<SettingsController *>(self.data());
                me->endBusy();
                Q_EMIT me->keyTested(false, tr("Unknown provider."), {});
            });
            return;
        }
        if (key.isEmpty() && !custom) {
            if (auto stored = s.backend.keys().resolveKey(s.userId, provider))
                key = stored.value();
        }
        teehee::ModelListFetcher::fetchModels(target, key,
            [self, host, provider](QList<teehee::RemoteModel> models, teehee::ProviderError error) {
                QStringList ids;
                for (const auto &m : models)
                    ids << m.id;
                const QString message = error.isError() ? plainError(error.message) : QString();
                if (!host)
                    return;
                host->deliver(self, [self, provider, ids, message] {
                    auto *me = static_cast<SettingsController *>(self.data());
                    me->endBusy();
                    const bool ok = message.isEmpty();
                    if (ok) {
                        me->m_liveModels.insert(provider, ids);
                        Q_EMIT me->modelsChanged(provider);
                    }
                    Q_EMIT me->keyTested(ok, ok ? tr("The key works: %n model(s) available.", nullptr, int(ids.size())) : message, ids);
                });
            }, &s.backend);
    });
}

void SettingsController::refreshModels(const QString &provider)
{
    // Stored endpoints are looked up by the backend: their URL and key go together.
    testKey(provider, {});
}

QVariantList SettingsController::modelsFor(const QString &provider) const
{
    QVariantList out;
    QStringList seen;
    for (const teehee::CatalogueModel &m : teehee::ModelCatalogue::forProvider(provider)) {
        if (m.legacy)
            continue;
        seen << m.name;
        out << QVariantMap{{QStringLiteral("name"), m.name}, {QStringLiteral("provider"), provider},
                           {QStringLiteral("contextTokens"), m.contextTokens},
                           {QStringLiteral("description"), m.description}};
    }
    for (const QString &id : m_liveModels.value(provider))
        if (!seen.contains(id))
            out << QVariantMap{{QStringLiteral("name"), id}, {QStringLiteral("provider"), provider},
                               {QStringLiteral("contextTokens"), 0}, {QStringLiteral("description"), QString()}};
    return out;
}

void SettingsController::applyLinkColor(const QColor &color) const
{
    QPalette palette = QGuiApplication::palette();
    palette.setColor(QPalette::Link, color);
    QGuiApplication::setPalette(palette);
}

void SettingsController::beginBusy()
{
    if (m_busy++ == 0)
        Q_EMIT busyChanged();
}

void SettingsController::endBusy()
{
    if (--m_busy == 0)
        Q_EMIT busyChanged();
}
