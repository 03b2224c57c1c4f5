#pragma once

#include "sharingclient.h"

#include <QHash>
#include <QObject>
#include <functional>

namespace teehee {
class Backend;
class Generation;
} // namespace teehee

namespace teehee::client {

// The replies of the owner's account that another device started, kept live
// from the generation engine (a reply is in from its Started event until its
// terminal one). Lives on the backend thread; `changed` is called there with
// the whole list each time it changes.
class RemoteStreams : public QObject {
    Q_OBJECT
public:
    RemoteStreams(Backend &backend, const QString &userId, std::function<void(const QList<RemoteStream> &)> changed,
                  QObject *parent = nullptr);

    QList<RemoteStream> streams() const;

private:
    void follow(Generation *generation);
    void add(Generation *generation);
    void drop(const QString &messageId);
    QString deviceName(const QString &deviceId) const;

    Backend &m_backend;
    QString m_userId;
    std::function<void(const QList<RemoteStream> &)> m_changed;
    QHash<QString, RemoteStream> m_byMessage;
};

} // namespace teehee::client
