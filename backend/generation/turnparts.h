#pragma once

#include "chat/chatoptions.h"
#include "chat/chattypes.h"
#include "db/records.h"
#include "providers/chatrequest.h"

#include <QList>
#include <QString>

#include <utility>

namespace teehee {

// Which provider and model to use; empty fields fall back to the chat's
// settings, then to the message's own (continue, regenerate), then to the
// provider's default model. Given ones become the chat's settings.
struct GenerationOptions {
    QString provider;
    QString model;
    // A stored custom endpoint by key id or label; with provider "custom" or
    // empty it selects that endpoint (the same as provider "custom:<keyId>").
    QString keyId;
    // Model options for this reply only, over the chat's.
    ChatOptions options;
    // The signed-in device that asked (empty: the desktop window, or a token
    // without a device). Shown to the owner as "streaming from …".
    QString deviceId;
    // Tools offered to the model: none (nullopt), every enabled one (an
    // empty list), or the named ones ("server/tool").
    std::optional<QStringList> tools;
};

// The pure pieces of a turn, apart from the engine that runs it: what it
// uses, what it writes, what it asks.
namespace turnparts {

// The request's provider and model, else the chat's, else `fallback`'s
// (a message's own); the chat's options overridden by the request's.
GenerationOptions effectiveOptions(const GenerationOptions &requested, const ChatRecord &chat,
                                   const MessageRecord *fallback = nullptr);

// `messages`: the context, system prompt first when there is one; when
// `continuing`, the last one is the reply being extended.
ChatRequest withMessages(ChatRequest request, QList<ChatMessage> messages, bool continuing);

// A question and the (empty) reply under it, as an exchange writes them.
std::pair<NewMessage, NewMessage> exchangeOf(const QString &text, const MessageParent &parent, const QString &provider,
                                            const QString &model);

} // namespace turnparts
} // namespace teehee
