// RemoteChatClient, continued: providers, keys and custom endpoints over
// /providers, /models and /user/keys; usage over /usage.
#include "remotechatclient.h"

#include "remotejson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

namespace teehee::client {
namespace {

template <typename T>
Outcome<T> failed(const ClientError &e)
{
    return Outcome<T>{T{}, e};
}

} // namespace

// Providers and keys

void RemoteChatClient::listKeys(QObject *context, Reply<QList<KeyInfo>> reply)
{
    m_link.get(QStringLiteral("/user/keys"), context, [reply](const Outcome<QJsonDocument> &out) {
        if (!out.ok())
            return reply(failed<QList<KeyInfo>>(out.error));
        QList<KeyInfo> keys;
        for (const QJsonValue &k : out.value.array())
            keys << remotejson::key(k.toObject());
        reply({keys, {}});
    });
}

void RemoteChatClient::replaceKey(QObject *context, const QJsonObject &body,
                                  const std::function<bool(const KeyInfo &)> &same, Done done)
{
    // One key per provider (one endpoint per label): the old one goes once
    // the new one is stored, so a refused key loses nothing.
    listKeys(context, [this, context, body, same, done](const Outcome<QList<KeyInfo>> &keys) {
        if (!keys.ok())
            return done(keys.error);
        QStringList old;
        for (const KeyInfo &k : keys.value)
            if (same(k))
                old << k.id;
        auto store = [this, context, body, done, old] {
            m_link.send("POST", QStringLiteral("/user/keys"), QJsonDocument(body), context,
                        [this, context, done, old](const Outcome<QJsonDocument> &made) {
                if (!made.ok() || old.isEmpty())
                    return done(made.error);
                request("DELETE", QStringLiteral("/user/keys/%1").arg(old.first()), {}, context, done);
            });
        };
        // The server keeps one key per provider: a provider key is replaced in place.
        if (!old.isEmpty() && body.value(u"provider_name").toString() != u"custom")
            return request("DELETE", QStringLiteral("/user/keys/%1").arg(old.first()), {}, context,
                           [this, context, body, done](const ClientError &e) {
                if (!e.ok())
                    return done(e);
                request("POST", QStringLiteral("/user/keys"), body, context, done);
            });
        store();
    });
}

void RemoteChatClient::saveKey(QObject *context, const QString &provider, const QString &apiKey, Done done)
{
    replaceKey(context, {{QStringLiteral("provider_name"), provider}, {QStringLiteral("api_key"), apiKey}},
               [provider](const KeyInfo &k) { return k.provider == provider; }, done);
}

void RemoteChatClient::saveEndpoint(QObject *context, const QString &label, const QString &baseUrl,
                                    const QString &apiKey, Done done)
{
    replaceKey(context,
               {{QStringLiteral("provider_name"), QStringLiteral("custom")}, {QStringLiteral("api_key"), apiKey},
                {QStringLiteral("base_url"), baseUrl}, {QStringLiteral("label"), label}},
               [label](const KeyInfo &k) { return k.provider == u"custom" && k.label == label; }, done);
}

void RemoteChatClient::deleteKey(QObject *context, const QString &keyId, Done done)
{
    request("DELETE", QStringLiteral("/user/keys/%1").arg(keyId), {}, context, done);
}

void RemoteChatClient::listModels(QObject *context, const QString &provider, const QString &, const QString &,
                                  Reply<QList<ModelInfo>> reply)
{
    // A key being typed stays on this machine: the list comes with the saved one.
    m_link.get(QStringLiteral("/providers/%1/models").arg(QString::fromLatin1(QUrl::toPercentEncoding(provider))),
               context, [reply](const Outcome<QJsonDocument> &out) {
        if (!out.ok())
            return reply(failed<QList<ModelInfo>>(out.error.reason == Failure::Invalid
                                                      ? ClientError{Failure::NoKey, out.error.detail}
                                                      : out.error));
        QList<ModelInfo> models;
        for (const QJsonValue &m : out.value.array())
            models << remotejson::model(m.toObject());
        reply({models, {}});
    });
}

void RemoteChatClient::probeLocalServers(QObject *context, Reply<QList<LocalServerInfo>> reply)
{
    // Servers on this machine are not the server's to reach.
    QTimer::singleShot(0, context, [reply] { reply({}); });
}

void RemoteChatClient::usage(QObject *context, const QDate &from, const QDate &to, const QString &groupBy,
                             Reply<UsageReport> reply)
{
    m_link.get(QStringLiteral("/usage?from=%1&to=%2&group_by=%3")
                   .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate),
                        QString::fromLatin1(QUrl::toPercentEncoding(groupBy))),
               context, [reply](const Outcome<QJsonDocument> &out) {
        if (!out.ok())
            return reply(failed<UsageReport>(out.error));
        reply({remotejson::usage(out.value.object()), {}});
    });
}

QList<ModelInfo> RemoteChatClient::knownModels(const QString &provider) const
{
    QList<ModelInfo> out;
    for (const ModelInfo &m : m_models)
        if (m.provider == provider)
            out << m;
    return out;
}

QString RemoteChatClient::defaultModel(const QString &provider) const
{
    for (const ProviderInfo &p : m_providers)
        if (p.name == provider)
            return p.defaultModel;
    return {};
}

} // namespace teehee::client
