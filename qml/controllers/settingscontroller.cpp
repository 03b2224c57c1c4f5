#include "settingscontroller.h"

#include "clientprovider.h"
#include "failuretext.h"
#include "languagecontroller.h"

#include <QGuiApplication>
#include <QPalette>

using namespace teehee::client;

namespace {
bool isCustom(const QString &provider)
{
    return provider == SettingsController::kCustom || provider.startsWith(SettingsController::kCustom + u':');
}
} // namespace

SettingsController::SettingsController(ChatClient *client, QObject *parent)
    : QObject(parent), m_client(client), m_builtIn(client->providers())
{
    for (const ProviderInfo &p : m_builtIn)
        if (p.serverKey)
            m_serverKeys << p.name;
    if (client->state() == ChatClient::State::Ready)
        onReady();
    else
        connect(client, &ChatClient::stateChanged, this, [this] {
            if (m_client->state() == ChatClient::State::Ready) {
                disconnect(m_client, &ChatClient::stateChanged, this, nullptr);
                onReady();
            }
        });
}

SettingsController *SettingsController::create(QQmlEngine *, QJSEngine *)
{
    return new SettingsController(ClientProvider::client());
}

void SettingsController::onReady()
{
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
    // Until the person picks one: the first provider the client offers.
    const QString chosen = m_settings.value(QStringLiteral("models/defaultProvider")).toString();
    return chosen.isEmpty() && !m_builtIn.isEmpty() ? m_builtIn.constFirst().name : chosen;
}

QString SettingsController::defaultModel() const
{
    const QString model = m_settings.value(QStringLiteral("models/defaultModel")).toString();
    return model.isEmpty() ? m_client->defaultModel(defaultProvider()) : model;
}

void SettingsController::setDefaultModel(const QString &provider, const QString &model)
{
    m_settings.setValue(QStringLiteral("models/defaultProvider"), provider);
    m_settings.setValue(QStringLiteral("models/defaultModel"), model);
    Q_EMIT preferencesChanged();
}

QString SettingsController::providerDisplayName(const QString &provider) const
{
    for (const ProviderInfo &p : m_builtIn)
        if (p.name == provider)
            return p.displayName;
    if (isCustom(provider)) {
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
    QStringList names;
    for (const ProviderInfo &p : m_builtIn)
        names << p.name;
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
    m_client->listKeys(this, [this](const Outcome<QList<KeyInfo>> &r) {
        endBusy();
        if (!r.ok())
            return Q_EMIT errorOccurred(failureText(r.error));
        m_keys.clear();
        for (const KeyInfo &k : r.value)
            m_keys << QVariantMap{{QStringLiteral("id"), k.id}, {QStringLiteral("provider"), k.provider},
                                  {QStringLiteral("choice"), k.choice}, {QStringLiteral("hint"), k.hint},
                                  {QStringLiteral("label"), k.label}, {QStringLiteral("baseUrl"), k.baseUrl}};
        m_keysLoaded = true;
        Q_EMIT keysChanged();
    });
}

void SettingsController::afterChange(const ClientError &error)
{
    endBusy();
    if (!error.ok())
        Q_EMIT errorOccurred(failureText(error));
    reloadKeys();
}

void SettingsController::saveKey(const QString &provider, const QString &apiKey)
{
    const QString key = apiKey.trimmed();
    if (key.isEmpty())
        return;
    beginBusy();
    m_client->saveKey(this, provider, key, [this](const ClientError &e) { afterChange(e); });
}

void SettingsController::deleteKey(const QString &keyId)
{
    beginBusy();
    m_client->deleteKey(this, keyId, [this](const ClientError &e) { afterChange(e); });
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
    m_client->saveEndpoint(this, name, url, key, [this](const ClientError &e) { afterChange(e); });
}

void SettingsController::testKey(const QString &provider, const QString &apiKey, const QString &baseUrl)
{
    beginBusy();
    m_client->listModels(this, provider, apiKey, baseUrl, [this, provider](const Outcome<QList<ModelInfo>> &r) {
        endBusy();
        if (!r.ok())
            return Q_EMIT keyTested(false, failureText(r.error), {});
        QStringList ids;
        for (const ModelInfo &m : r.value)
            ids << m.name;
        m_liveModels.insert(provider, ids);
        Q_EMIT modelsChanged(provider);
        Q_EMIT keyTested(true, tr("The key works: %n model(s) available.", nullptr, int(ids.size())), ids);
    });
}

void SettingsController::refreshModels(const QString &provider)
{
    // Stored endpoints are looked up on the client's side: their URL and key go together.
    testKey(provider, {});
}

QVariantList SettingsController::modelsFor(const QString &provider) const
{
    QVariantList out;
    QStringList seen;
    for (const ModelInfo &m : m_client->knownModels(provider)) {
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

void SettingsController::probeLocalServers()
{
    if (m_probing)
        return;
    m_probing = true;
    Q_EMIT localServersChanged();
    m_client->probeLocalServers(this, [this](const Outcome<QList<LocalServerInfo>> &r) {
        m_probing = false;
        m_localServers.clear();
        for (const LocalServerInfo &s : r.value)
            m_localServers << QVariantMap{{QStringLiteral("name"), s.name}, {QStringLiteral("baseUrl"), s.baseUrl},
                                          {QStringLiteral("models"), s.models}};
        Q_EMIT localServersChanged();
    });
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
