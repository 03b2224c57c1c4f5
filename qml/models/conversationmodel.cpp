#include "conversationmodel.h"

#include <QtNumeric>

#include "markdownblocks.h"

#include <utility>

ConversationModel::ConversationModel(QObject *parent) : QAbstractListModel(parent)
{
    // One flush per ~frame: tokens arriving faster than the display refreshes are merged.
    m_flush.setSingleShot(true);
    m_flush.setInterval(16);
    connect(&m_flush, &QTimer::timeout, this, &ConversationModel::flushPending);
    connect(this, &ConversationModel::countChanged, this, &ConversationModel::pathUsageChanged);
}

int ConversationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size()) - m_offset;
}

QVariantList ConversationModel::blocksFor(const Row &row) const
{
    if (!row.blocksValid) {
        row.blocks = MarkdownBlocks::toVariant(MarkdownBlocks::split(row.message.text));
        row.blocksValid = true;
    }
    return row.blocks;
}

QVariant ConversationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &row = m_rows.at(index.row() + m_offset);
    const Message &m = row.message;
    switch (role) {
    case IdRole: return m.id;
    case RoleRole: return m.role;
    case Qt::DisplayRole:
    case TextRole: return m.text;
    case BlocksRole: return blocksFor(row);
    case StatusRole: return m.status;
    case IsPartialRole: return m.isPartial;
    case SiblingIndexRole: return m.siblingIndex;
    case SiblingCountRole: return m.siblingCount;
    case ModelRole: return m.model;
    case ProviderRole: return m.provider;
    case ErrorRole: return m.error;
    case ParentIdRole: return m.parentId;
    case TokensInRole: return m.tokensIn;
    case TokensOutRole: return m.tokensOut;
    case CostRole: return m.costUsd;
    case RateLimitedRole: return m.rateLimited;
    case RetryAtRole: return m.retryAt;
    case ErrorReasonRole: return m.errorReason;
    case DeletedRole: return m.deleted;
    // A number, not a date: a delegate converts it only when the time is shown.
    case CreatedAtRole: return m.createdAt.isValid() ? double(m.createdAt.toMSecsSinceEpoch()) : qQNaN();
    case ReasoningRole: return m.reasoning;
    case ReasoningStreamingRole: return m.reasoningGrows && m.status == Streaming;
    case AttachmentsRole: return m.attachments;
    case ToolCallsRole: return m.toolCalls;
    }
    return {};
}

QHash<int, QByteArray> ConversationModel::roleNames() const
{
    return {{IdRole, "id"}, {RoleRole, "role"}, {TextRole, "text"}, {BlocksRole, "blocks"},
            {StatusRole, "status"}, {IsPartialRole, "isPartial"}, {SiblingIndexRole, "siblingIndex"},
            {SiblingCountRole, "siblingCount"}, {ModelRole, "model"}, {ProviderRole, "provider"},
            {ErrorRole, "error"}, {ParentIdRole, "parentId"}, {TokensInRole, "tokensIn"},
            {TokensOutRole, "tokensOut"}, {CostRole, "costUsd"}, {RateLimitedRole, "rateLimited"}, {RetryAtRole, "retryAt"},
            {ErrorReasonRole, "errorReason"}, {DeletedRole, "deleted"}, {CreatedAtRole, "createdAt"},
            {ReasoningRole, "reasoning"}, {ReasoningStreamingRole, "reasoningStreaming"},
            {AttachmentsRole, "attachments"},
            {ToolCallsRole, "toolCalls"}};
}

void ConversationModel::setMessages(QList<Message> messages)
{
    m_pending.clear();
    m_pendingReasoning.clear();
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(messages.size());
    for (Message &m : messages)
        m_rows.append(Row{std::move(m), {}, false});
    m_offset = qMax(0, int(m_rows.size()) - kWindow);
    endResetModel();
    Q_EMIT countChanged();
}

bool ConversationModel::adoptFullPath(QList<Message> messages)
{
    const int shown = rowCount();
    bool tailMatches = m_offset == 0 && shown > 0 && shown <= messages.size();
    for (int i = 0; tailMatches && i < shown; ++i)
        tailMatches = messages.at(messages.size() - shown + i).id == m_rows.at(i).message.id;
    if (!tailMatches)
        return false;
    QList<Row> rows;
    rows.reserve(messages.size());
    for (qsizetype i = 0; i < messages.size() - shown; ++i)
        rows.append(Row{std::move(messages[i]), {}, false});
    rows.append(m_rows); // the shown rows stay as they are (a stream may be writing one)
    m_rows = std::move(rows);
    m_offset = int(m_rows.size()) - shown;
    Q_EMIT countChanged();
    return true;
}

void ConversationModel::upsert(const Message &message)
{
    const int pos = position(message.id);
    if (pos >= 0) {
        m_pending.remove(message.id);
        m_pendingReasoning.remove(message.id);
        m_rows[pos] = Row{message, {}, false};
        if (pos >= m_offset)
            Q_EMIT dataChanged(index(pos - m_offset), index(pos - m_offset));
        Q_EMIT pathUsageChanged(); // a reply's usage arrives with its end
        return;
    }
    // Only a child of the last row continues the path; anything else is another branch.
    if (!m_rows.isEmpty() && message.parentId != m_rows.last().message.id)
        return;
    if (m_rows.isEmpty() && !message.parentId.isEmpty())
        return;
    beginInsertRows({}, rowCount(), rowCount());
    m_rows.append(Row{message, {}, false});
    endInsertRows();
    Q_EMIT countChanged();
}

void ConversationModel::appendText(const QString &id, const QString &delta)
{
    if (delta.isEmpty() || position(id) < 0)
        return;
    m_pending[id].append(delta);
    if (!m_flush.isActive())
        m_flush.start();
}

void ConversationModel::streamText(const QString &id, const QString &delta, const QString &content)
{
    const int pos = position(id);
    if (pos < 0)
        return;
    const qsizetype have = m_rows.at(pos).message.text.size() + m_pending.value(id).size();
    if (content.isEmpty() || have + delta.size() == content.size())
        return appendText(id, delta);
    // Out of step: the whole text replaces the row's on the next flush.
    m_rows[pos].message.text.clear();
    m_pending[id] = content;
    if (!m_flush.isActive())
        m_flush.start();
}

void ConversationModel::streamReasoning(const QString &id, const QString &delta, const QString &content)
{
    const int pos = position(id);
    if (pos < 0 || delta.isEmpty())
        return;
    QString &pending = m_pendingReasoning[id];
    const qsizetype have = m_rows.at(pos).message.reasoning.size() + pending.size();
    if (content.isEmpty() || have + delta.size() == content.size()) {
        pending.append(delta);
    } else { // out of step: the whole reasoning replaces the row's on the next flush
        m_rows[pos].message.reasoning.clear();
        pending = content;
    }
    if (!m_flush.isActive())
        m_flush.start();
}

void ConversationModel::updateToolCall(const QString &messageId, const QVariantMap &call)
{
    const int pos = position(messageId);
    if (pos < 0)
        return;
    QVariantList &calls = m_rows[pos].message.toolCalls;
    const QString callId = call.value(QStringLiteral("callId")).toString();
    auto it = std::find_if(calls.begin(), calls.end(), [&](const QVariant &c) {
        return c.toMap().value(QStringLiteral("callId")).toString() == callId;
    });
    if (it == calls.end()) {
        calls << call;
    } else {
        QVariantMap merged = it->toMap();
        for (auto f = call.cbegin(); f != call.cend(); ++f)
            merged.insert(f.key(), f.value());
        *it = merged;
    }
    if (pos >= m_offset)
        Q_EMIT dataChanged(index(pos - m_offset), index(pos - m_offset), {ToolCallsRole});
}

void ConversationModel::flushPending()
{
    for (auto it = m_pendingReasoning.cbegin(); it != m_pendingReasoning.cend(); ++it) {
        const int pos = position(it.key());
        if (pos < 0)
            continue;
        m_rows[pos].message.reasoning.append(it.value());
        // A frame keeps no order between the two: text flushed in it too ends the
        // growing below (answers follow thinking).
        m_rows[pos].message.reasoningGrows = true;
        if (pos >= m_offset)
            Q_EMIT dataChanged(index(pos - m_offset), index(pos - m_offset), {ReasoningRole, ReasoningStreamingRole});
    }
    m_pendingReasoning.clear();
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        const int pos = position(it.key());
        if (pos < 0)
            continue;
        Message &m = m_rows[pos].message;
        m.text.append(it.value());
        m_rows[pos].blocksValid = false;
        const bool grewReasoning = std::exchange(m.reasoningGrows, false);
        if (pos < m_offset)
            continue;
        ++m_textUpdates;
        QList<int> roles{TextRole, BlocksRole};
        if (grewReasoning)
            roles << ReasoningStreamingRole;
        Q_EMIT dataChanged(index(pos - m_offset), index(pos - m_offset), roles);
    }
    m_pending.clear();
}

void ConversationModel::truncateAfter(int row)
{
    if (row < 0 || row + 1 >= rowCount())
        return;
    beginRemoveRows({}, row + 1, rowCount() - 1);
    m_rows.remove(m_offset + row + 1, m_rows.size() - m_offset - row - 1);
    endRemoveRows();
    Q_EMIT countChanged();
}

void ConversationModel::loadOlder()
{
    if (m_offset == 0)
        return;
    const int n = qMin(kChunk, m_offset);
    beginInsertRows({}, 0, n - 1);
    m_offset -= n;
    endInsertRows();
    Q_EMIT countChanged();
}

int ConversationModel::position(const QString &id) const
{
    // The streaming message is almost always the last one: search from the end.
    for (qsizetype i = m_rows.size() - 1; i >= 0; --i)
        if (m_rows.at(i).message.id == id)
            return int(i);
    return -1;
}

QString ConversationModel::lastReplyText() const
{
    for (auto it = m_rows.crbegin(); it != m_rows.crend(); ++it)
        if (it->message.role == QLatin1String("assistant"))
            return it->message.text;
    return {};
}

int ConversationModel::reveal(const QString &id)
{
    const int pos = position(id);
    if (pos < 0)
        return -1;
    if (pos < m_offset) {
        beginInsertRows({}, 0, m_offset - pos - 1);
        m_offset = pos;
        endInsertRows();
        Q_EMIT countChanged();
    }
    return pos - m_offset;
}

int ConversationModel::indexOf(const QString &id) const
{
    const int pos = position(id);
    return pos < m_offset ? -1 : pos - m_offset;
}

QVariantMap ConversationModel::get(int row) const
{
    QVariantMap out;
    if (row < 0 || row >= rowCount())
        return out;
    const auto names = roleNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        out.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    return out;
}

const ConversationModel::Message *ConversationModel::message(const QString &id) const
{
    const int pos = position(id);
    return pos < 0 ? nullptr : &m_rows.at(pos).message;
}

QVariantMap ConversationModel::pathUsage() const
{
    qint64 in = 0, out = 0, replies = 0;
    double cost = -1;
    for (const Row &row : m_rows) {
        const Message &m = row.message;
        if (m.tokensIn < 0 && m.tokensOut < 0)
            continue;
        in += qMax(m.tokensIn, 0);
        out += qMax(m.tokensOut, 0);
        ++replies;
        if (m.costUsd >= 0)
            cost = qMax(cost, 0.0) + m.costUsd;
    }
    return {{QStringLiteral("inputTokens"), double(in)}, {QStringLiteral("outputTokens"), double(out)},
            {QStringLiteral("costUsd"), cost}, {QStringLiteral("replies"), double(replies)}};
}

void ConversationModel::visitFromEnd(const std::function<bool(const Message &)> &visit) const
{
    for (auto it = m_rows.crbegin(); it != m_rows.crend(); ++it)
        if (!visit(it->message))
            return;
}

void ConversationModel::branchTo(const Message &message)
{
    if (position(message.id) >= 0)
        return upsert(message); // shown: updated in place
    if (message.parentId.isEmpty())
        return setMessages({message}); // a new first message: the whole path is replaced
    const int parent = position(message.parentId);
    if (parent < 0)
        return; // not on this path
    if (parent < m_offset) { // among the rows not shown yet
        QList<Message> kept;
        kept.reserve(parent + 2);
        for (int i = 0; i <= parent; ++i)
            kept << m_rows.at(i).message;
        kept << message;
        return setMessages(std::move(kept));
    }
    truncateAfter(parent - m_offset);
    upsert(message);
}

void ConversationModel::mergePath(QList<Message> messages)
{
    int same = 0;
    while (same < m_rows.size() && same < messages.size() && m_rows.at(same).message.id == messages.at(same).id)
        ++same;
    if (same <= m_offset)
        return setMessages(std::move(messages));
    // The rows both paths share: refreshed in place (sibling counts, text).
    for (int i = 0; i < same; ++i) {
        Row &row = m_rows[i];
        if (row.message.text != messages.at(i).text || row.message.status != messages.at(i).status
            || row.message.siblingCount != messages.at(i).siblingCount || row.message.error != messages.at(i).error
            || row.message.attachments != messages.at(i).attachments) {
            m_pending.remove(row.message.id);
            row = Row{messages.at(i), {}, false};
            if (i >= m_offset)
                Q_EMIT dataChanged(index(i - m_offset), index(i - m_offset));
        }
    }
    if (same < m_rows.size())
        truncateAfter(same - 1 - m_offset);
    if (same < messages.size()) {
        beginInsertRows({}, rowCount(), rowCount() + int(messages.size()) - same - 1);
        for (qsizetype i = same; i < messages.size(); ++i)
            m_rows.append(Row{std::move(messages[i]), {}, false});
        endInsertRows();
        Q_EMIT countChanged();
    }
}
