#include "providers/modellistfetcher.h"

#include "core/logging.h"
#include "providers/errormapping.h"
#include "providers/httpstreamrequest.h"

#include <utility>

namespace teehee {

ModelListFetcher::ModelListFetcher(std::shared_ptr<const Provider> provider, QObject *parent)
    : QObject(parent)
    , m_provider(std::move(provider))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(20'000);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        fail(ProviderError::make(ProviderError::Timeout,
                                 QStringLiteral("%1 did not list its models within %2")
                                     .arg(m_provider->displayName(), humanDelay(m_timer.interval()))));
    });
}

ModelListFetcher::~ModelListFetcher()
{
    release();
}

void ModelListFetcher::fetch(const QString &apiKey, const QString &baseUrl)
{
    if (m_started)
        return; // one fetch per object
    m_started = true;
    m_apiKey = m_provider->resolvedApiKey(apiKey);
    m_baseUrl = baseUrl;
    m_timer.start();
    requestPage({});
}

void ModelListFetcher::requestPage(const QString &afterId)
{
    ++m_pages;
    HttpGet get = m_provider->modelListRequest(m_baseUrl, m_apiKey, afterId);
    get.headers.append({QByteArray("Accept"), QByteArray("application/json")});
    qCInfo(lcProviders) << m_provider->displayName() << ": GET"
                        << get.url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
    const int deadline = m_timer.interval();
    HttpResponseParser::Limits limits;
    limits.maxBodyBytes = kMaxReplyBytes;
    release();
    m_body.clear();
    m_http = new HttpStreamRequest(get.url, std::move(get.headers), {}, {qMin(10'000, deadline), deadline, deadline},
                                   limits, this);
    m_http->setMethod("GET");
    m_http->setEndpointPolicy(m_provider->endpointPolicy());
    connect(m_http, &HttpStreamRequest::bodyReceived, this, [this](QByteArrayView bytes) { m_body.append(bytes); });
    connect(m_http, &HttpStreamRequest::finished, this, &ModelListFetcher::onFinished);
    m_http->start();
}

ProviderError ModelListFetcher::failureOfRequest() const
{
    using F = HttpStreamRequest::Failure;
    const QString name = m_provider->displayName();
    switch (m_http->failure()) {
    case F::Refused:
        return ProviderError::make(ProviderError::EndpointRefused,
                                   QStringLiteral("Not connecting to %1: %2").arg(name, m_http->errorString()));
    case F::FirstByteTimeout:
    case F::IdleTimeout:
        return ProviderError::make(ProviderError::Timeout, QStringLiteral("%1 did not list its models within %2")
                                                               .arg(name, humanDelay(m_timer.interval())));
    case F::Protocol:
        return ProviderError::make(ProviderError::Protocol,
                                   QStringLiteral("%1 answered the model list request with a malformed or oversized reply")
                                       .arg(name));
    default:
        return ProviderError::make(ProviderError::Network,
                                   QStringLiteral("Could not reach %1 (%2)").arg(name, m_http->errorString()));
    }
}

void ModelListFetcher::onFinished()
{
    if (!m_http || m_done)
        return;
    if (m_http->failure() != HttpStreamRequest::Failure::None) {
        fail(failureOfRequest());
        return;
    }
    const int status = m_http->response().status();
    const RawHeaders headers = m_http->response().headers();
    release();
    if (status >= 300 && status < 400) {
        fail(redirectError(m_provider->displayName(), status));
        return;
    }
    if (status >= 400 || status < 200) {
        fail(errorFromHttpResponse(m_provider->errorContext({}, m_apiKey), status, headers, m_body));
        return;
    }
    const ModelListPage page = m_provider->parseModelList(std::exchange(m_body, {}));
    if (!page.ok) {
        fail(ProviderError::make(ProviderError::Protocol,
                                 QStringLiteral("%1 answered the model list request with something that is not a model list")
                                     .arg(m_provider->displayName())));
        return;
    }
    m_models += page.models;
    if (!page.nextAfterId.isEmpty() && m_pages < kMaxPages) {
        requestPage(page.nextAfterId);
        return;
    }
    m_done = true;
    m_timer.stop();
    QStringList ids;
    for (const RemoteModel &m : std::as_const(m_models))
        ids << m.id;
    Q_EMIT succeeded(ids);
}

void ModelListFetcher::fail(const ProviderError &error)
{
    if (m_done)
        return;
    m_done = true;
    m_timer.stop();
    release();
    qCInfo(lcProviders) << m_provider->displayName() << "model list failed:" << ProviderError::kindName(error.kind);
    Q_EMIT failed(error);
}

void ModelListFetcher::release()
{
    if (HttpStreamRequest *http = std::exchange(m_http, nullptr)) {
        disconnect(http, nullptr, this, nullptr);
        http->abort();
        // We may be inside its finished(): it goes later, on its own.
        http->setParent(nullptr);
        http->deleteLater();
    }
}

void ModelListFetcher::fetchModels(std::shared_ptr<const Provider> provider, const QString &apiKey,
                                   std::function<void(QList<RemoteModel>, ProviderError)> done, QObject *context)
{
    auto *fetcher = new ModelListFetcher(std::move(provider), context);
    connect(fetcher, &ModelListFetcher::succeeded, fetcher, [fetcher, done] {
        done(fetcher->models(), {});
        fetcher->deleteLater();
    });
    connect(fetcher, &ModelListFetcher::failed, fetcher, [fetcher, done](const ProviderError &e) {
        done({}, e);
        fetcher->deleteLater();
    });
    fetcher->fetch(apiKey);
}

} // namespace teehee
