#pragma once

#include "chatclient.h"

#include <QColor>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QSettings>
#include <QVariantList>

// Settings: provider keys and custom OpenAI-compatible endpoints (kept by the
// client's side, encrypted), provider facts and model lists (known models
// plus live lists), local servers found on this machine, and the app's own
// preferences (theme, language, text size, default model) in QSettings.
class SettingsController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString theme READ theme WRITE setTheme NOTIFY preferencesChanged)       // "system", "light", "dark"
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY preferencesChanged) // "" = system
    Q_PROPERTY(qreal textScale READ textScale WRITE setTextScale NOTIFY preferencesChanged)
    // The sidebar's width as the person dragged it, kept between runs.
    Q_PROPERTY(int sidebarWidth READ sidebarWidth WRITE setSidebarWidth NOTIFY sidebarWidthChanged)
    Q_PROPERTY(int sidebarMinWidth READ sidebarMinWidth CONSTANT)
    Q_PROPERTY(int sidebarMaxWidth READ sidebarMaxWidth CONSTANT)
    Q_PROPERTY(QString defaultProvider READ defaultProvider NOTIFY preferencesChanged)
    Q_PROPERTY(QString defaultModel READ defaultModel NOTIFY preferencesChanged)
    // [{id, provider, choice, hint, label, baseUrl}]; choice is "custom:<id>" for a custom endpoint
    Q_PROPERTY(QVariantList keys READ keys NOTIFY keysChanged)
    // [{name, displayName, hasKey}]: the built-in providers, then each custom endpoint as "custom:<id>"
    Q_PROPERTY(QVariantList providers READ providers NOTIFY keysChanged)
    Q_PROPERTY(bool keysLoaded READ keysLoaded NOTIFY keysChanged)
    // Some provider can answer: a key of the user's, a server-wide key, or a custom endpoint.
    Q_PROPERTY(bool canChat READ canChat NOTIFY keysChanged)
    Q_PROPERTY(QStringList serverKeys READ serverKeys NOTIFY keysChanged) // providers keyed by the environment
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    // OpenAI-compatible servers found on this machine: [{name, baseUrl, models}]
    Q_PROPERTY(QVariantList localServers READ localServers NOTIFY localServersChanged)
    Q_PROPERTY(bool probing READ probing NOTIFY localServersChanged)
public:
    explicit SettingsController(teehee::client::ChatClient *client, QObject *parent = nullptr);
    static SettingsController *create(QQmlEngine *engine, QJSEngine *);

    QString theme() const;
    void setTheme(const QString &theme);
    QString language() const;
    void setLanguage(const QString &language);
    qreal textScale() const;
    void setTextScale(qreal scale);
    int sidebarWidth() const;
    void setSidebarWidth(int width); // clamped to [kSidebarMin, kSidebarMax]
    int sidebarMinWidth() const { return kSidebarMin; }
    int sidebarMaxWidth() const { return kSidebarMax; }
    QString defaultProvider() const;
    QString defaultModel() const;
    QVariantList keys() const { return m_keys; }
    QVariantList providers() const;
    bool keysLoaded() const { return m_keysLoaded; }
    QStringList serverKeys() const { return m_serverKeys; }
    bool canChat() const { return !m_keys.isEmpty() || !m_serverKeys.isEmpty(); }
    bool busy() const { return m_busy > 0; }
    QVariantList localServers() const { return m_localServers; }
    bool probing() const { return m_probing; }

    Q_INVOKABLE void setDefaultModel(const QString &provider, const QString &model);
    Q_INVOKABLE void reloadKeys();
    // Adds a key, replacing the provider's previous one.
    Q_INVOKABLE void saveKey(const QString &provider, const QString &apiKey);
    Q_INVOKABLE void deleteKey(const QString &keyId);
    // A custom OpenAI-compatible endpoint (local servers need no key); one
    // with the same label is replaced, the others stay.
    Q_INVOKABLE void saveEndpoint(const QString &label, const QString &baseUrl, const QString &apiKey);
    // Lists the models the key gives access to; answers with keyTested().
    Q_INVOKABLE void testKey(const QString &provider, const QString &apiKey, const QString &baseUrl = {});
    // Catalogue models plus the live list once fetched: [{name, provider, contextTokens, description}]
    Q_INVOKABLE QVariantList modelsFor(const QString &provider) const;
    Q_INVOKABLE void refreshModels(const QString &provider);
    Q_INVOKABLE QString providerDisplayName(const QString &provider) const;
    // Looks for Ollama (11434) and LM Studio (1234) here; answers in localServers.
    Q_INVOKABLE void probeLocalServers();
    // Qt's Markdown importer colours links from the application palette, not
    // from Text.linkColor: the theme sets it here when it changes.
    Q_INVOKABLE void applyLinkColor(const QColor &color) const;

    static inline const QString kCustom = QStringLiteral("custom");
    // Narrower hides chat titles; wider leaves too little for the conversation.
    static constexpr int kSidebarMin = 200;
    static constexpr int kSidebarMax = 480;
    static constexpr int kSidebarDefault = 260;

Q_SIGNALS:
    void preferencesChanged();
    void sidebarWidthChanged();
    void keysChanged();
    void busyChanged();
    void localServersChanged();
    void modelsChanged(const QString &provider);
    void keyTested(bool ok, const QString &message, const QStringList &models);
    void errorOccurred(const QString &message);

private:
    void onReady();
    // After a change: the error, or the keys read again.
    void afterChange(const teehee::client::ClientError &error);
    void beginBusy();
    void endBusy();

    QPointer<teehee::client::ChatClient> m_client;
    QList<teehee::client::ProviderInfo> m_builtIn;
    QVariantList m_localServers;
    bool m_probing = false;
    QSettings m_settings;
    QVariantList m_keys;
    bool m_keysLoaded = false;
    int m_busy = 0;
    QHash<QString, QStringList> m_liveModels;
    QStringList m_serverKeys; // providers with a key from the environment
};
