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

void RemoteChatClient::replaceKey(QObject *context, QJsonObject body, Done done)
{
    // The server swaps the keys in one transaction: a refused key loses nothing.
    body.insert(QStringLiteral("replace"), true);
    request("POST", QStringLiteral("/user/keys"), body, context, done);
}

void RemoteChatClient::saveKey(QObject *context, const QString &provider, const QString &apiKey, Done done)
{
    replaceKey(context, {{QStringLiteral("provider_name"), provider}, {QStringLiteral("api_key"), apiKey}}, done);
}

void RemoteChatClient::saveEndpoint(QObject *context, const QString &label, const QString &baseUrl,
                                    const QString &apiKey, Done done)
{
    replaceKey(context,
               {{QStringLiteral("provider_name"), QStringLiteral("custom")}, {QStringLiteral("api_key"), apiKey},
                {QStringLiteral("base_url"), baseUrl}, {QStringLiteral("label"), label}},
               done);
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
