#include "providers/networkpool.h"

#include <QNetworkAccessManager>

namespace teehee {

NetworkPool &NetworkPool::forThisThread()
{
    // Lanes are deleted with their last stream, so nothing outlives the thread's event loop.
    static thread_local NetworkPool pool;
    return pool;
}

QString NetworkPool::hostKey(const QUrl &url)
{
    return url.scheme() + QStringLiteral("://") + url.host() + u':' + QString::number(url.port(url.scheme() == u"https" ? 443 : 80));
}

QNetworkAccessManager *NetworkPool::acquire(const QUrl &url)
{
    const QString key = hostKey(url);
    for (Lane &lane : m_lanes) {
        int &n = lane.streamsPerHost[key];
        if (n < kStreamsPerHost) {
            ++n;
            ++lane.streams;
            return lane.nam;
        }
    }
    Lane lane;
    lane.nam = new QNetworkAccessManager;
    lane.streamsPerHost.insert(key, 1);
    lane.streams = 1;
    m_lanes.push_back(lane);
    return lane.nam;
}

void NetworkPool::release(QNetworkAccessManager *nam, const QUrl &url)
{
    for (auto it = m_lanes.begin(); it != m_lanes.end(); ++it) {
        if (it->nam != nam)
            continue;
        const QString key = hostKey(url);
        if (it->streamsPerHost.value(key) > 0)
            --it->streamsPerHost[key];
        if (--it->streams <= 0) {
            // Later, so replies being deleted in this turn of the event loop go first.
            it->nam->deleteLater();
            m_lanes.erase(it);
        }
        return;
    }
}

} // namespace teehee
