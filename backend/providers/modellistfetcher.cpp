#include "providers/modellistfetcher.h"

#include "core/logging.h"
#include "providers/errormapping.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace teehee {

namespace {
constexpr int kMaxPages = 10;
}

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
    if (m_nam)
        return; // one fetch per object
    m_apiKey = m_provider->resolvedApiKey(apiKey);
    m_baseUrl = baseUrl;
    m_nam = new QNetworkAccessManager(this);
    m_timer.start();
    requestPage({});
}

void ModelListFetcher::requestPage(const QString &afterId)
{
    ++m_pages;
    QNetworkRequest req = m_provider->modelListRequest(m_baseUrl, m_apiKey, afterId);
    qCInfo(lcProviders) << m_provider->displayName() << ": GET" << req.url().toString(QUrl::RemoveUserInfo);
    m_reply = m_nam->get(req);
    connect(m_reply, &QNetworkReply::finished, this, &ModelListFetcher::onFinished);
}

void ModelListFetcher::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply || m_done)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const ErrorContext ctx = m_provider->errorContext({}, m_apiKey);
    if (!status.isValid()) {
        fail(ProviderError::make(ProviderError::Network, QStringLiteral("Could not reach %1 (%2)")
                                                             .arg(m_provider->displayName(), reply->errorString())));
        return;
    }
    const QByteArray body = reply->readAll();
    if (status.toInt() >= 300) {
        fail(errorFromHttpResponse(ctx, status.toInt(), reply->rawHeaderPairs(), body));
        return;
    }
    const ModelListPage page = m_provider->parseModelList(body);
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
    if (QNetworkReply *reply = m_reply) {
        m_reply = nullptr;
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        reply->deleteLater();
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
