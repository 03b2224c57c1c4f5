#include "localserverprobe.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

LocalServerProbe::LocalServerProbe(QObject *parent) : QObject(parent)
{
    m_candidates = {
        QVariantMap{{QStringLiteral("name"), QStringLiteral("Ollama")}, {QStringLiteral("baseUrl"), QStringLiteral("http://127.0.0.1:11434/v1")}},
        QVariantMap{{QStringLiteral("name"), QStringLiteral("LM Studio")}, {QStringLiteral("baseUrl"), QStringLiteral("http://127.0.0.1:1234/v1")}},
    };
}

void LocalServerProbe::setCandidates(const QVariantList &candidates)
{
    m_candidates = candidates;
    Q_EMIT candidatesChanged();
}

void LocalServerProbe::probe()
{
    if (m_pending > 0)
        return;
    m_servers.clear();
    Q_EMIT serversChanged();
    m_pending = int(m_candidates.size());
    Q_EMIT runningChanged();
    for (const QVariant &c : std::as_const(m_candidates)) {
        const QVariantMap candidate = c.toMap();
        const QString baseUrl = candidate.value(QStringLiteral("baseUrl")).toString();
        QNetworkRequest request(QUrl(baseUrl + QStringLiteral("/models")));
        // A local server answers at once; anything slower is not worth the wait.
        request.setTransferTimeout(m_timeoutMs);
        QNetworkReply *reply = m_nam.get(request);
        connect(reply, &QNetworkReply::finished, this, [this, reply, candidate] {
            reply->deleteLater();
            const auto doc = QJsonDocument::fromJson(reply->readAll());
            if (reply->error() == QNetworkReply::NoError && doc.isObject()) {
                QStringList models;
                for (const QJsonValue &m : doc.object().value(QStringLiteral("data")).toArray())
                    models << m.toObject().value(QStringLiteral("id")).toString();
                QVariantMap found = candidate;
                found.insert(QStringLiteral("models"), models);
                m_servers.append(found);
                Q_EMIT serversChanged();
            }
            if (--m_pending == 0) {
                Q_EMIT runningChanged();
                Q_EMIT finished();
            }
        });
    }
    if (m_pending == 0)
        Q_EMIT finished();
}
