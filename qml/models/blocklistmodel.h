#pragma once

#include <QAbstractListModel>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

// A message's blocks (MarkdownBlocks::toVariant) as a list model for the
// view's Repeater. A new list is applied as the difference to the old one:
// while a reply streams, the blocks before the last stay as they are, a new
// paragraph is one inserted row, and only a changed block is read again.
// (A Repeater over a count or an array rebuilds every block instead.)
class BlockListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QVariantList blocks READ blocks WRITE setBlocks NOTIFY blocksChanged)

public:
    enum Role { BlockRole = Qt::UserRole + 1 };

    using QAbstractListModel::QAbstractListModel;

    QVariantList blocks() const { return m_blocks; }
    void setBlocks(const QVariantList &blocks);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void blocksChanged();

private:
    QVariantList m_blocks;
};
