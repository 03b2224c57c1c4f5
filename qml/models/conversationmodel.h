#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QQmlEngine>
#include <QSet>
#include <QTimer>

#include <functional>

// The messages on the current path of the open chat, root first. Streaming
// tokens go through appendText(): they are coalesced and flushed once per
// frame as one dataChanged for one row and only the Text and Blocks roles, so
// a reply at hundreds of tokens per second costs one delegate update a frame.
// A long path is shown from its end: only the last kWindow messages are rows
// at first, and loadOlder() prepends earlier ones as the person scrolls up,
// so opening a 10,000-message chat builds a few dozen delegates, not 10,000.
class ConversationModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by ConversationController")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(bool hasOlder READ hasOlder NOTIFY countChanged)
    Q_PROPERTY(int totalCount READ totalCount NOTIFY countChanged)
    // What the replies on this path used: {inputTokens, outputTokens, costUsd (-1: no price known), replies}.
    Q_PROPERTY(QVariantMap pathUsage READ pathUsage NOTIFY pathUsageChanged)
public:
    enum Role {
        IdRole = Qt::UserRole + 1, // message id
        RoleRole,                  // "user", "assistant", "system"
        TextRole,                  // the whole Markdown text
        BlocksRole,                // MarkdownBlocks::toVariant(text): [{kind, text, language, closed, rows}]
        StatusRole,                // Status: Complete, Streaming, Aborted, Error
        IsPartialRole,             // an answer that stopped early and can be continued
        SiblingIndexRole,          // 0-based among messages with the same parent
        SiblingCountRole,
        ModelRole,
        ProviderRole,
        ErrorRole,                 // plain-words error for failed replies, else empty
        ParentIdRole,
        TokensInRole,              // -1 when unknown
        TokensOutRole,
        RateLimitedRole,           // failed because the provider answered 429
        RetryAtRole,               // ms since the epoch when a rate-limited reply may be retried, 0 unknown
        ErrorReasonRole,           // why a turn was refused: "no_key", "no_model", ... or empty
        DeletedRole,               // the message was deleted (its text is the deleted marker)
        CreatedAtRole,             // when it was written: ms since the epoch, NaN when unknown
        ReasoningRole,             // the provider's thinking, shown folded; never part of the text
        ReasoningStreamingRole,    // streaming, and the reasoning is what grows now (no answer text since)
        CostRole,                  // what the reply cost in USD, -1 when no price is known
        AttachmentsRole,           // a user message's files: [{id, name, mimeType, size, isImage, removed}]
        ToolCallsRole,             // [{callId, server, tool, arguments (JSON text), status, content}]
    };
    Q_ENUM(Role)

    // Where a message stands; QML compares with ConversationModel.Streaming etc.
    enum Status { Complete, Streaming, Aborted, Error };
    Q_ENUM(Status)

    struct Message {
        QString id;
        QString parentId;
        QString role;
        QString text;
        Status status = Complete;
        bool isPartial = false;
        int siblingIndex = 0;
        int siblingCount = 1;
        QString model;
        QString provider;
        QString error;
        int tokensIn = -1;
        int tokensOut = -1;
        double costUsd = -1;
        // Only known for a failure seen live: Retry-After is not stored with the message.
        bool rateLimited = false;
        qint64 retryAt = 0;
        QString errorReason;
        bool deleted = false;
        QDateTime createdAt;
        QString reasoning;
        bool reasoningGrows = false; // the last streamed piece was reasoning
        QVariantList attachments;    // as AttachmentsRole gives them
        QVariantList toolCalls;      // see ToolCallsRole
    };

    explicit ConversationModel(QObject *parent = nullptr);

    static constexpr int kWindow = 30;  // rows shown when a chat opens
    static constexpr int kChunk = 100;  // rows added per loadOlder()

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setMessages(QList<Message> messages);
    // The whole path arriving after its tail was shown: when the rows shown
    // are its end, the earlier messages are kept as not-yet-shown rows without
    // disturbing the view. False (and nothing changed) when they are not.
    bool adoptFullPath(QList<Message> messages);
    void clear() { setMessages({}); }
    // Replaces a message already shown, or appends one whose parent is the last row.
    void upsert(const Message &message);
    // Streaming: buffered, flushed at most once per frame.
    void appendText(const QString &id, const QString &delta);
    // A token together with the text so far: appended when the row is in
    // step, else the row takes `content` (a chat reopened mid-stream shows
    // the saved text, which may lag behind the live one).
    void streamText(const QString &id, const QString &delta, const QString &content);
    // The same for reasoning, `content` being the reasoning so far.
    void streamReasoning(const QString &id, const QString &delta, const QString &content);
    void flushPending();
    // A tool call of a reply, new or changed (matched by its callId): the
    // fields given replace those shown.
    void updateToolCall(const QString &messageId, const QVariantMap &call);
    // Drops every row after `row` (a new branch replaces the rest of the path).
    void truncateAfter(int row);
    // A message on a new branch: the rows after its parent go and it becomes
    // the last row (a regenerated reply, an edited question). A shown message
    // is updated in place; one whose parent is not shown changes nothing.
    void branchTo(const Message &message);
    // The path as it now stands (a branch switched, a reload): rows up to the
    // first difference stay as they are, so the view keeps its place.
    void mergePath(QList<Message> messages);

    bool hasOlder() const { return m_offset > 0; }
    int totalCount() const { return int(m_rows.size()); }
    Q_INVOKABLE void loadOlder();

    // The row of a message of the path, loading the rows above it as needed; -1 when unknown.
    Q_INVOKABLE int reveal(const QString &id);
    // The row of a message, -1 when it is not shown (unknown or not loaded yet).
    Q_INVOKABLE int indexOf(const QString &id) const;
    Q_INVOKABLE QVariantMap get(int row) const;
    const Message *message(const QString &id) const;
    const Message *last() const { return m_rows.isEmpty() ? nullptr : &m_rows.last().message; }
    // Calls `visit` for each message of the path from the last one up, until it returns false.
    // (No copy of the path: it runs on every streamed update of a long chat.)
    void visitFromEnd(const std::function<bool(const Message &)> &visit) const;
    QVariantMap pathUsage() const;
    // The text of the last reply of the path (empty: none yet).
    QString lastReplyText() const;

    // Counts dataChanged emissions for tests and the bench.
    int textUpdates() const { return m_textUpdates; }

Q_SIGNALS:
    void countChanged();
    void pathUsageChanged();

private:
    struct Row {
        Message message;
        mutable QVariantList blocks;
        mutable bool blocksValid = false;
    };
    QVariantList blocksFor(const Row &row) const;
    int position(const QString &id) const; // index into m_rows, -1 when unknown

    QList<Row> m_rows;     // the whole path
    int m_offset = 0;      // m_rows[m_offset] is row 0
    QHash<QString, QString> m_pending; // id → text not yet flushed
    QHash<QString, QString> m_pendingReasoning; // id → reasoning not yet flushed
    QTimer m_flush;
    int m_textUpdates = 0;
};
