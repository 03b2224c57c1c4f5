#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QQmlEngine>

// The sidebar's chats, most recently active first, grouped Today / Yesterday /
// Previous 7 days / Older, optionally filtered by title. Filled and updated by
// ChatListController from the client's answers and signals; holds plain values so
// the GUI thread never touches the database.
class ChatListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by ChatListController")
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int totalCount READ totalCount NOTIFY countChanged)
public:
    enum Role {
        IdRole = Qt::UserRole + 1, // chat id
        NameRole,                  // title shown in the sidebar
        UpdatedAtRole,             // QDateTime of the last activity
        SectionRole,               // "Today", "Yesterday", "Previous 7 days", "Older" (translated)
    };
    Q_ENUM(Role)

    struct Chat {
        QString id;
        QString name;
        QDateTime updatedAt;
        bool untitled = false; // still the default name: shown as "New chat", translated
    };
    // The name the sidebar shows (and the filter matches).
    static QString shownName(const Chat &chat);

    explicit ChatListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setChats(QList<Chat> chats);
    // Inserts or updates, keeping the most recently active first.
    void upsert(const Chat &chat);
    void remove(const QString &id);
    std::optional<Chat> chat(const QString &id) const;

    Q_INVOKABLE int indexOf(const QString &id) const;
    Q_INVOKABLE QString idAt(int row) const;

    // A chat just created or opened stays listed whatever the filter, until
    // the filter changes: a new chat never seems to vanish.
    void keepVisible(const QString &id);
    QString filter() const { return m_filter; }
    void setFilter(const QString &filter);
    int totalCount() const { return int(m_all.size()); }

    // For tests: "now" decides the sections.
    void setNow(const QDateTime &now) { m_now = now; }
    static QString sectionFor(const QDateTime &when, const QDateTime &now);

Q_SIGNALS:
    void filterChanged();
    void countChanged();

private:
    bool matches(const Chat &chat) const;
    void rebuild();
    QDateTime now() const { return m_now.isValid() ? m_now : QDateTime::currentDateTime(); }

    QList<Chat> m_all;     // every chat, most recent first
    QList<Chat> m_visible; // those matching the filter
    QString m_filter;
    QString m_kept;
    QDateTime m_now;
};
