#pragma once

#include <QObject>
#include <QString>
#include <functional>

class QThread;

namespace teehee {

// QtKeychain's jobs, run on a thread of their own. Where libsecret is
// installed QtKeychain answers through GLib's main loop, which a thread on
// teehee-server's epoll dispatcher never turns: the answer would never come.
// A plain QThread turns one, so the jobs run there and their answers come
// back queued to the caller's thread.
class KeychainThread : public QObject {
    Q_OBJECT
public:
    struct Answer {
        bool ok = false;
        bool notFound = false;
        bool accessDenied = false;
        QString errorString;
        QByteArray data; // what a read found
    };
    using Done = std::function<void(const Answer &)>;

    explicit KeychainThread(QObject *parent = nullptr);
    ~KeychainThread() override; // stops the thread; answers not yet delivered are dropped

    // `done` runs on this object's thread, unless it was destroyed first.
    void read(const QString &service, const QString &key, Done done);
    void write(const QString &service, const QString &key, const QByteArray &data, Done done);

private:
    void ensureStarted();

    QThread *m_thread = nullptr;
    QObject *m_jobs = nullptr; // lives on m_thread; the jobs' parent
};

} // namespace teehee
