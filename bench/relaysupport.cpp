#include "relaysupport.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTimer>

#include <algorithm>

namespace relay {

bool waitUntil(const std::function<bool()> &cond, int ms)
{
    if (cond())
        return true;
    QElapsedTimer t;
    t.start();
    QEventLoop loop;
    QTimer check;
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (cond() || t.elapsed() >= ms)
            loop.quit();
    });
    check.start(5);
    loop.exec();
    return cond();
}

bool waitForHttpOk(const QUrl &url, int ms)
{
    QNetworkAccessManager nam;
    bool ok = false;
    bool asking = false;
    QElapsedTimer sinceAsked;
    return waitUntil(
        [&] {
            if (!ok && !asking && (!sinceAsked.isValid() || sinceAsked.elapsed() >= 200)) {
                asking = true;
                sinceAsked.start();
                QNetworkReply *reply = nam.get(QNetworkRequest(url));
                QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply] {
                    ok = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200;
                    asking = false;
                    reply->deleteLater();
                });
            }
            return ok;
        },
        ms);
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

qint64 percentile(QList<qint64> v, double p)
{
    if (v.isEmpty())
        return -1;
    std::sort(v.begin(), v.end());
    return v[qMin(v.size() - 1, qsizetype(p * double(v.size())))];
}

} // namespace relay
