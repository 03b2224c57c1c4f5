#pragma once

#include "clienttypes.h"

#include <QAbstractListModel>
#include <QQmlEngine>

// The sidebar's message hits, best first: the chat, the snippet, who wrote it.
class SearchHitsModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("the search controller's")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    enum Role { ChatIdRole = Qt::UserRole + 1, ChatNameRole, MessageIdRole, RoleRole, SnippetRole, TimestampRole };

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_hits.size()); }
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return int(m_hits.size()); }
    void reset(const QList<teehee::client::SearchHit> &hits);
    void append(const QList<teehee::client::SearchHit> &hits);
    const teehee::client::SearchHit *hit(int row) const;

Q_SIGNALS:
    void countChanged();

private:
    QList<teehee::client::SearchHit> m_hits;
};
