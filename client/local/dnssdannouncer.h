#pragma once

#include <QByteArrayList>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QObject>
#include <QString>

namespace teehee::client {

// Announces the share on the local network with DNS-SD ("_teehee._tcp"),
// through Avahi's D-Bus API, so other devices can list it without typing an
// address. Where there is no Avahi (no system bus, no daemon, another OS) it
// says so once in the log and does nothing else: sharing works without it.
// When the name is taken on the network (Avahi reports a collision, at once
// or later), it takes Avahi's alternative name ("… #2") and announces again.
class DnsSdAnnouncer : public QObject {
    Q_OBJECT
public:
    static constexpr const char *kServiceType = "_teehee._tcp";

    // `bus`: the system bus, where avahi-daemon lives (a test passes its own).
    explicit DnsSdAnnouncer(QDBusConnection bus = QDBusConnection::systemBus(), QObject *parent = nullptr);
    ~DnsSdAnnouncer() override; // withdraws the announcement

    // Announces `name` on `port` with these TXT records ("key=value"); a
    // second call replaces the first.
    void announce(const QString &name, quint16 port, const QByteArrayList &txt);
    void withdraw();
    // The Avahi entry group while announced (for tests and logs).
    QString entryGroup() const { return m_group; }
    // The name announced (after a collision, Avahi's alternative).
    QString name() const { return m_name; }
    // Renamings in a row before giving up (a name that collides every time).
    static constexpr int kMaxRenames = 12;

Q_SIGNALS:
    void announced();
    void unavailable(const QString &why);
    // The name was taken: announcing again as `name`.
    void renamed(const QString &name);

private Q_SLOTS:
    // An entry group's StateChanged(state, error) signal.
    void groupStateChanged(const QDBusMessage &signal);

private:
    void start();
    void addService();
    void rename();
    void forgetGroup();
    void giveUp(const QString &why);

    QDBusConnection m_bus;
    QString m_group;      // the entry group's object path
    QString m_name;
    quint16 m_port = 0;
    QByteArrayList m_txt;
    int m_renames = 0;
    quint64 m_generation = 0; // answers to an older announce() are ignored
};

} // namespace teehee::client
