#pragma once

#include "backendhost.h"
#include "models/conversationmodel.h"

#include "core/error.h"

namespace teehee { struct ChatDetail; struct PlacedMessage; }

// Reads the open chat's path for the view, on the backend thread, and turns
// backend records into the conversation model's plain rows once, there.
namespace ConversationLoader {

struct Loaded {
    QString error;
    QString chatId;
    QString systemPrompt;
    QList<ConversationModel::Message> path; // root first
};

ConversationModel::Message toMessage(const teehee::PlacedMessage &placed);
// The active path out of a whole-chat answer.
Loaded fromDetail(const teehee::Result<teehee::ChatDetail> &detail);
// The last `count` messages of the active path, read upwards from the active
// leaf: a few small queries, so a long chat shows its end at once. Empty when
// the chat has no stored active leaf (the whole load answers then).
Loaded tail(BackendHost::Services &s, const QString &chatId, int count);

} // namespace ConversationLoader
