#include "searchhitsmodel.h"

using teehee::client::SearchHit;

QVariant SearchHitsModel::data(const QModelIndex &index, int role) const
{
    const SearchHit *h = hit(index.row());
    if (!h || !index.isValid())
        return {};
    switch (role) {
    case ChatIdRole: return h->chatId;
    case ChatNameRole: return h->chatName;
    case MessageIdRole: return h->messageId;
    case RoleRole: return h->role;
    case Qt::DisplayRole:
    case SnippetRole: return h->snippet;
    case TimestampRole: return h->timestamp;
    default: return {};
    }
}

QHash<int, QByteArray> SearchHitsModel::roleNames() const
{
    return {{ChatIdRole, "chatId"}, {ChatNameRole, "chatName"}, {MessageIdRole, "messageId"},
            {RoleRole, "role"}, {SnippetRole, "snippet"}, {TimestampRole, "timestamp"}};
}

void SearchHitsModel::reset(const QList<SearchHit> &hits)
{
    if (hits.isEmpty() && m_hits.isEmpty())
        return;
    beginResetModel();
    m_hits = hits;
    endResetModel();
    Q_EMIT countChanged();
}

void SearchHitsModel::append(const QList<SearchHit> &hits)
{
    if (hits.isEmpty())
        return;
    beginInsertRows({}, int(m_hits.size()), int(m_hits.size() + hits.size()) - 1);
    m_hits += hits;
    endInsertRows();
    Q_EMIT countChanged();
}

const SearchHit *SearchHitsModel::hit(int row) const
{
    return row >= 0 && row < m_hits.size() ? &m_hits.at(row) : nullptr;
}
