#pragma once

#include "providers/provider.h"
#include "providers/providererror.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace teehee {

class EndpointPolicy;
class HttpStreamRequest;

// Fetches a provider's live model list (GET {base}/models, following pages)
// with the user's key. Emits exactly one of succeeded() / failed(). Goes
// through HttpStreamRequest like every other outgoing request: header values
// with line breaks refused, redirects not followed, the reply size capped, and
// a user-given endpoint held to its EndpointPolicy. Destroying it cancels the
// request.
class ModelListFetcher : public QObject {
    Q_OBJECT
public:
    static constexpr qint64 kMaxReplyBytes = 8 * 1024 * 1024; // a thousand models are ~300 kB
    static constexpr int kMaxPages = 10;

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
    ProviderError failureOfRequest() const;
    void fail(const ProviderError &error);
    void release();

    std::shared_ptr<const Provider> m_provider;
    HttpStreamRequest *m_http = nullptr; // the current page's request, a child
    QByteArray m_body;
    QTimer m_timer;
    QString m_apiKey;
    QString m_baseUrl;
    QList<RemoteModel> m_models;
    int m_pages = 0;
    bool m_started = false;
    bool m_done = false;
};

} // namespace teehee
