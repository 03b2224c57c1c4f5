#include "chatlistmodel.h"

#include "languagecontroller.h"

#include <algorithm>

ChatListModel::ChatListModel(QObject *parent) : QAbstractListModel(parent)
{
    // Section names are translated in data(): rebuild so the sidebar shows the new language.
    connect(LanguageController::instance(), &LanguageController::languageChanged, this, &ChatListModel::rebuild);
}

int ChatListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

QVariant ChatListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Chat &c = m_visible.at(index.row());
    switch (role) {
    case IdRole: return c.id;
    case Qt::DisplayRole:
    case NameRole: return shownName(c);
    case UpdatedAtRole: return c.updatedAt;
    case SectionRole: return sectionFor(c.updatedAt, now());
    }
    return {};
}

QHash<int, QByteArray> ChatListModel::roleNames() const
{
    return {{IdRole, "id"}, {NameRole, "name"}, {UpdatedAtRole, "updatedAt"}, {SectionRole, "section"}};
}

QString ChatListModel::sectionFor(const QDateTime &when, const QDateTime &now)
{
    const qint64 days = when.toLocalTime().date().daysTo(now.toLocalTime().date());
    if (days <= 0)
        return tr("Today");
    if (days == 1)
        return tr("Yesterday");
    if (days <= 7)
        return tr("Previous 7 days");
    return tr("Older");
}

QString ChatListModel::shownName(const Chat &chat)
{
    return chat.untitled ? tr("New chat") : chat.name;
}

bool ChatListModel::matches(const Chat &chat) const
{
    return m_filter.isEmpty() || chat.id == m_kept || shownName(chat).contains(m_filter, Qt::CaseInsensitive);
}

void ChatListModel::rebuild()
{
    beginResetModel();
    m_visible.clear();
    for (const Chat &c : std::as_const(m_all))
        if (matches(c))
            m_visible.append(c);
    endResetModel();
    Q_EMIT countChanged();
}

void ChatListModel::setChats(QList<Chat> chats)
{
    std::stable_sort(chats.begin(), chats.end(),
                     [](const Chat &a, const Chat &b) { return a.updatedAt > b.updatedAt; });
    m_all = std::move(chats);
    rebuild();
}

void ChatListModel::upsert(const Chat &chat)
{
    auto byId = [&](const Chat &c) { return c.id == chat.id; };
    m_all.removeIf(byId);
    auto pos = std::find_if(m_all.begin(), m_all.end(), [&](const Chat &c) { return c.updatedAt <= chat.updatedAt; });
    m_all.insert(pos, chat);

    // Row-level changes keep the sidebar's delegates (and an inline rename) alive.
    const int oldRow = indexOf(chat.id);
    if (oldRow >= 0) {
        beginRemoveRows({}, oldRow, oldRow);
        m_visible.removeAt(oldRow);
        endRemoveRows();
    }
    if (matches(chat)) {
        int row = 0;
        while (row < m_visible.size() && m_visible.at(row).updatedAt > chat.updatedAt)
            ++row;
        beginInsertRows({}, row, row);
        m_visible.insert(row, chat);
        endInsertRows();
    }
    Q_EMIT countChanged();
}

void ChatListModel::remove(const QString &id)
{
    m_all.removeIf([&](const Chat &c) { return c.id == id; });
    const int row = indexOf(id);
    if (row >= 0) {
        beginRemoveRows({}, row, row);
        m_visible.removeAt(row);
        endRemoveRows();
    }
    Q_EMIT countChanged();
}

std::optional<ChatListModel::Chat> ChatListModel::chat(const QString &id) const
{
    for (const Chat &c : m_all)
        if (c.id == id)
            return c;
    return std::nullopt;
}

int ChatListModel::indexOf(const QString &id) const
{
    for (int i = 0; i < m_visible.size(); ++i)
        if (m_visible.at(i).id == id)
            return i;
    return -1;
}

QString ChatListModel::idAt(int row) const
{
    return row >= 0 && row < m_visible.size() ? m_visible.at(row).id : QString();
}

void ChatListModel::keepVisible(const QString &id)
{
    if (id == m_kept)
        return;
    m_kept = id;
    if (!m_filter.isEmpty())
        rebuild();
}

void ChatListModel::setFilter(const QString &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    m_kept.clear(); // a new search shows what it finds
    rebuild();
    Q_EMIT filterChanged();
}
