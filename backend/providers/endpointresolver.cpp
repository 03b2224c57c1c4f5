#include "providers/endpointresolver.h"

#include "providers/endpointpolicy.h"

#include <QHostInfo>
#include <QTimer>

namespace teehee {

EndpointResolver::EndpointResolver(QString host, std::shared_ptr<const EndpointPolicy> policy, QObject *parent)
    : QObject(parent), m_host(std::move(host)), m_policy(std::move(policy))
{
}

EndpointResolver::~EndpointResolver()
{
    if (m_lookupId >= 0)
        QHostInfo::abortHostLookup(m_lookupId);
}

void EndpointResolver::start()
{
    const QHostAddress literal(m_host);
    if (!literal.isNull()) {
        QHostInfo info;
        info.setAddresses({literal});
        QTimer::singleShot(0, this, [this, info] { onLookup(info); });
        return;
    }
    m_lookupId = QHostInfo::lookupHost(m_host, this, &EndpointResolver::onLookup);
}

void EndpointResolver::onLookup(const QHostInfo &info)
{
    m_lookupId = -1;
    if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
        Q_EMIT notFound();
        return;
    }
    QList<QHostAddress> allowed;
    for (const QHostAddress &address : info.addresses()) {
        if (m_policy->allowsAddress(m_host, address))
            allowed << address;
    }
    Q_EMIT resolved(allowed);
}

} // namespace teehee
