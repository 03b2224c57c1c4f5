#pragma once

#include "chat/chatoptions.h"
#include "db/messagerepository.h"
#include "db/records.h"

#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace teehee {

// Where a new message goes. The HTTP contract distinguishes an absent
// parent_message_id (append to the active branch) from an explicit null
// (start a new root), so "no id" alone cannot say which one is meant.
struct MessageParent {
    enum class Kind { ActiveLeaf, NewRoot, Message };
    Kind kind = Kind::ActiveLeaf;
    QString id;   // Kind::Message only

    static MessageParent activeLeaf() { return {}; }
    static MessageParent newRoot() { return {Kind::NewRoot, {}}; }
    static MessageParent message(QString id) { return {Kind::Message, std::move(id)}; }
};

struct NewMessage {
    QString role;            // user, assistant or system
    QString text;
    MessageParent parent;
    QString model;
    QString provider;
    QString status = MessageStatus::Complete;
    bool isPartial = false;
    QString error;           // a failed reply: why (content.error)
    QString errorReason;     // its reason's name (content.error_reason), for clients to word it
    // content.attachments: [{id, name, mime_type, size}] (AttachmentService::describe)
    QJsonArray attachments;
};

// A PATCH of a chat: only the fields that are set change.
struct ChatChanges {
    std::optional<QString> name;
    std::optional<QString> systemPrompt;
};

// A change of the chat's settings (provider, model, model options): only the
// fields that are set change; an empty provider or model clears it, and
// `options` replaces the chat's options as a whole.
struct ChatSettingsChanges {
    std::optional<QString> provider;
    std::optional<QString> model;
    std::optional<ChatOptions> options;

    bool isEmpty() const { return !provider && !model && !options; }
};

// A chat as GET /chats/{id} shows it.
struct ChatDetail {
    ChatRecord chat;
    QList<PlacedMessage> messages;   // every branch, oldest first
    QStringList currentPath;         // root → active leaf
};

// The visible end of a chat: its last messages on the active branch.
struct ChatPath {
    ChatRecord chat;
    QList<PlacedMessage> messages;   // root side first, the active leaf last
    bool complete = false;           // the path reaches the root
};

} // namespace teehee
