#include "blocklistmodel.h"

void BlockListModel::setBlocks(const QVariantList &blocks)
{
    const qsizetype common = std::min(m_blocks.size(), blocks.size());
    qsizetype changedFrom = -1, changedTo = -1;
    for (qsizetype i = 0; i < common; ++i) {
        if (m_blocks.at(i) == blocks.at(i))
            continue;
        if (changedFrom < 0)
            changedFrom = i;
        changedTo = i;
    }
    if (changedFrom < 0 && blocks.size() == m_blocks.size())
        return;

    if (blocks.size() < m_blocks.size()) {
        beginRemoveRows({}, int(blocks.size()), int(m_blocks.size() - 1));
        m_blocks.resize(blocks.size());
        endRemoveRows();
    }
    for (qsizetype i = changedFrom; changedFrom >= 0 && i <= changedTo; ++i)
        m_blocks[i] = blocks.at(i);
    if (changedFrom >= 0)
        Q_EMIT dataChanged(index(int(changedFrom)), index(int(changedTo)), {BlockRole});
    if (blocks.size() > m_blocks.size()) {
        beginInsertRows({}, int(m_blocks.size()), int(blocks.size() - 1));
        m_blocks.append(blocks.mid(m_blocks.size()));
        endInsertRows();
    }
    Q_EMIT blocksChanged();
}

int BlockListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_blocks.size());
}

QVariant BlockListModel::data(const QModelIndex &index, int role) const
{
    if (role != BlockRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    return m_blocks.at(index.row());
}

QHash<int, QByteArray> BlockListModel::roleNames() const
{
    return {{BlockRole, "block"}};
}
