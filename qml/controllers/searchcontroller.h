#pragma once

#include "chatclient.h"
#include "models/searchhitsmodel.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QTimer>

// The sidebar's search of message text (the chat list itself filters by
// title): what the person types, searched a moment after they stop typing,
// the message hits with their snippets, and more as the list is scrolled.
class SearchController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(SearchHitsModel *hits READ hits CONSTANT)
    Q_PROPERTY(bool searching READ searching NOTIFY searchingChanged)
    Q_PROPERTY(bool hasMore READ hasMore NOTIFY searchingChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY searchingChanged)
public:
    explicit SearchController(teehee::client::ChatClient *client, QObject *parent = nullptr);
    static SearchController *create(QQmlEngine *engine, QJSEngine *);

    // Typing stops for this long before a search goes out.
    static constexpr int kDelayMs = 200;

    QString query() const { return m_query; }
    void setQuery(const QString &query);
    SearchHitsModel *hits() { return &m_hits; }
    bool searching() const { return m_searching; }
    bool hasMore() const { return !m_nextCursor.isEmpty(); }
    QString lastError() const { return m_lastError; }

    Q_INVOKABLE void loadMore();
    // The searched words, now (tests, Enter).
    Q_INVOKABLE void searchNow();
    Q_INVOKABLE QString chatIdAt(int row) const;
    Q_INVOKABLE QString messageIdAt(int row) const;

Q_SIGNALS:
    void queryChanged();
    void searchingChanged();
    // A search (or its next page) answered.
    void finished();

private:
    void ask(const QString &cursor);
    void setSearching(bool searching);

    QPointer<teehee::client::ChatClient> m_client;
    SearchHitsModel m_hits;
    QString m_query;
    QString m_nextCursor;
    QString m_lastError;
    bool m_searching = false;
    int m_serial = 0; // an answer to an older query is dropped
    QTimer m_delay;
};
