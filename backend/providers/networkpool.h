#pragma once

#include <QHash>
#include <QString>
#include <QUrl>

#include <vector>

class QNetworkAccessManager;

namespace teehee {

// Hands out QNetworkAccessManagers for provider streams on the calling thread.
// A manager opens at most 6 HTTP/1.1 connections per host (Qt 6.4 has no
// setting for it) and runs its HTTP work on a thread of its own, so one manager
// per stream never queues but costs a thread per stream. A lane serves up to 6
// streams per host; a stream that finds every lane full gets a new one, and a
// lane goes away with its last stream.
class NetworkPool {
public:
    static constexpr int kStreamsPerHost = 6;

    static NetworkPool &forThisThread();

    QNetworkAccessManager *acquire(const QUrl &url);
    void release(QNetworkAccessManager *nam, const QUrl &url);

    int laneCount() const { return int(m_lanes.size()); }

private:
    struct Lane {
        QNetworkAccessManager *nam = nullptr;
        QHash<QString, int> streamsPerHost;
        int streams = 0;
    };
    static QString hostKey(const QUrl &url);

    std::vector<Lane> m_lanes;
};

} // namespace teehee
