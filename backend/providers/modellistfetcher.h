#pragma once

#include "providers/provider.h"
#include "providers/providererror.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace teehee {

// Fetches a provider's live model list (GET {base}/models, following pages)
// with the user's key. Emits exactly one of succeeded() / failed(). Owns its
// own QNetworkAccessManager and reply; destroying it cancels the request.
class ModelListFetcher : public QObject {
    Q_OBJECT
public:
    explicit ModelListFetcher(std::shared_ptr<const Provider> provider, QObject *parent = nullptr);
    ~ModelListFetcher() override;

    void setTimeoutMs(int ms) { m_timer.setInterval(ms); }
    // `apiKey` empty: the provider's server-wide key. `baseUrl` empty: the provider's.
    void fetch(const QString &apiKey = {}, const QString &baseUrl = {});

    QList<RemoteModel> models() const { return m_models; }

    // Convenience: fetch, call `done` once, delete the fetcher.
    static void fetchModels(std::shared_ptr<const Provider> provider, const QString &apiKey,
                            std::function<void(QList<RemoteModel>, ProviderError)> done,
                            QObject *context = nullptr);

Q_SIGNALS:
    void succeeded(const QStringList &modelIds);
    void failed(const teehee::ProviderError &error);

private:
    void requestPage(const QString &afterId);
    void onFinished();
    void fail(const ProviderError &error);
    void release();

    std::shared_ptr<const Provider> m_provider;
    QNetworkAccessManager *m_nam = nullptr;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timer;
    QString m_apiKey;
    QString m_baseUrl;
    QList<RemoteModel> m_models;
    int m_pages = 0;
    bool m_done = false;
};

} // namespace teehee
