#pragma once

#include <QAbstractListModel>
#include <QQmlEngine>
#include <QSet>
#include <QTimer>

// The messages on the current path of the open chat, root first. Streaming
// tokens go through appendText(): they are coalesced and flushed once per
// frame as one dataChanged for one row and only the Text and Blocks roles, so
// a reply at hundreds of tokens per second costs one delegate update a frame.
class ConversationModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by ChatController")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role {
        IdRole = Qt::UserRole + 1, // message id
        RoleRole,                  // "user", "assistant", "system"
        TextRole,                  // the whole Markdown text
        BlocksRole,                // MarkdownBlocks::toVariant(text): [{kind, text, language, closed, rows}]
        StatusRole,                // "complete", "streaming", "aborted", "error"
        IsPartialRole,             // an answer that stopped early and can be continued
        SiblingIndexRole,          // 0-based among messages with the same parent
        SiblingCountRole,
        ModelRole,
        ProviderRole,
        ErrorRole,                 // plain-words error for failed replies, else empty
        ParentIdRole,
        TokensInRole,              // -1 when unknown
        TokensOutRole,
    };
    Q_ENUM(Role)

    struct Message {
        QString id;
        QString parentId;
        QString role;
        QString text;
        QString status = QStringLiteral("complete");
        bool isPartial = false;
        int siblingIndex = 0;
        int siblingCount = 1;
        QString model;
        QString provider;
        QString error;
        int tokensIn = -1;
        int tokensOut = -1;
    };

    explicit ConversationModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setMessages(QList<Message> messages);
    void clear() { setMessages({}); }
    // Replaces a message already shown, or appends one whose parent is the last row.
    void upsert(const Message &message);
    // Streaming: buffered, flushed at most once per frame.
    void appendText(const QString &id, const QString &delta);
    void flushPending();
    // Drops every row after `row` (a new branch replaces the rest of the path).
    void truncateAfter(int row);

    Q_INVOKABLE int indexOf(const QString &id) const;
    Q_INVOKABLE QVariantMap get(int row) const;
    const Message *message(const QString &id) const;
    const Message *last() const { return m_rows.isEmpty() ? nullptr : &m_rows.last().message; }
    QList<Message> messages() const;

    // Counts dataChanged emissions for tests and the bench.
    int textUpdates() const { return m_textUpdates; }

Q_SIGNALS:
    void countChanged();

private:
    struct Row {
        Message message;
        mutable QVariantList blocks;
        mutable bool blocksValid = false;
    };
    QVariantList blocksFor(const Row &row) const;

    QList<Row> m_rows;
    QHash<QString, QString> m_pending; // id → text not yet flushed
    QTimer m_flush;
    int m_textUpdates = 0;
};
