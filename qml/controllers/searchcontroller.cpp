#include "searchcontroller.h"

#include "clientprovider.h"
#include "failuretext.h"

using namespace teehee::client;

SearchController::SearchController(ChatClient *client, QObject *parent) : QObject(parent), m_client(client)
{
    m_delay.setSingleShot(true);
    m_delay.setInterval(kDelayMs);
    connect(&m_delay, &QTimer::timeout, this, &SearchController::searchNow);
}

SearchController *SearchController::create(QQmlEngine *, QJSEngine *)
{
    return new SearchController(ClientProvider::client());
}

void SearchController::setQuery(const QString &query)
{
    if (query == m_query)
        return;
    m_query = query;
    Q_EMIT queryChanged();
    if (m_query.trimmed().isEmpty()) {
        // Nothing to search: the hits go at once, and a search in flight is dropped.
        m_delay.stop();
        ++m_serial;
        m_hits.reset({});
        m_nextCursor.clear();
        m_lastError.clear();
        setSearching(false);
        return;
    }
    m_delay.start();
}

void SearchController::searchNow()
{
    m_delay.stop();
    if (m_query.trimmed().isEmpty())
        return;
    ask({});
}

void SearchController::loadMore()
{
    if (!m_searching && !m_nextCursor.isEmpty())
        ask(m_nextCursor);
}

void SearchController::ask(const QString &cursor)
{
    if (!m_client)
        return;
    const int serial = ++m_serial;
    setSearching(true);
    m_client->search(this, m_query, cursor, [this, serial, cursor](const Outcome<SearchPage> &page) {
        if (serial != m_serial)
            return;
        m_lastError = page.ok() ? QString() : failureText(page.error);
        QList<SearchHit> hits;
        // Chats whose name matches are in the chat list already.
        for (const SearchHit &h : page.value.hits)
            if (!h.messageId.isEmpty())
                hits << h;
        if (cursor.isEmpty())
            m_hits.reset(hits);
        else
            m_hits.append(hits);
        m_nextCursor = page.value.nextCursor;
        setSearching(false);
        Q_EMIT finished();
    });
}

void SearchController::setSearching(bool searching)
{
    m_searching = searching;
    Q_EMIT searchingChanged();
}

QString SearchController::chatIdAt(int row) const
{
    const SearchHit *h = m_hits.hit(row);
    return h ? h->chatId : QString();
}

QString SearchController::messageIdAt(int row) const
{
    const SearchHit *h = m_hits.hit(row);
    return h ? h->messageId : QString();
}
