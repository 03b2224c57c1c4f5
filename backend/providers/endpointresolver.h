#pragma once

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <memory>

class QHostInfo;

namespace teehee {

class EndpointPolicy;

// Where a user's endpoint may be reached: its host resolved (or taken as
// written when it is an address) and kept to the addresses its policy allows.
// Answers from the event loop, never inside start(). Destroying it cancels
// the lookup.
class EndpointResolver : public QObject {
    Q_OBJECT
public:
    EndpointResolver(QString host, std::shared_ptr<const EndpointPolicy> policy, QObject *parent = nullptr);
    ~EndpointResolver() override;

    void start();

Q_SIGNALS:
    // The allowed addresses, in the resolver's order; empty when none is allowed.
    void resolved(const QList<QHostAddress> &allowed);
    void notFound();

private:
    void onLookup(const QHostInfo &info);

    QString m_host;
    std::shared_ptr<const EndpointPolicy> m_policy;
    int m_lookupId = -1;
};

} // namespace teehee
