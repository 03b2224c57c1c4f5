#include "conversationloader.h"

#include "backend.h"
#include "chat/chatservice.h"

#include <QHash>

using teehee::ChatDetail;
using teehee::PlacedMessage;
using teehee::Result;

namespace ConversationLoader {

ConversationModel::Message toMessage(const PlacedMessage &placed)
{
    const teehee::MessageRecord &r = placed.message;
    ConversationModel::Message m;
    m.id = r.id;
    m.parentId = r.parentId;
    m.role = r.role;
    m.text = r.text();
    m.status = r.status;
    m.isPartial = r.isPartial;
    m.siblingIndex = placed.position.index;
    m.siblingCount = placed.position.count;
    m.model = r.model;
    m.provider = r.provider;
    m.error = r.content.value(QStringLiteral("error")).toString();
    m.reasoning = r.content.value(QStringLiteral("reasoning")).toString();
    m.tokensIn = r.tokensIn.value_or(-1);
    m.tokensOut = r.tokensOut.value_or(-1);
    return m;
}

Loaded fromDetail(const Result<ChatDetail> &r)
{
    Loaded loaded;
    if (!r) {
        loaded.error = r.error().message;
        return loaded;
    }
    const ChatDetail &detail = r.value();
    loaded.chatId = detail.chat.id;
    loaded.systemPrompt = detail.chat.systemPrompt;
    QHash<QString, const PlacedMessage *> byId;
    byId.reserve(detail.messages.size());
    for (const PlacedMessage &pm : detail.messages)
        byId.insert(pm.message.id, &pm);
    loaded.path.reserve(detail.currentPath.size());
    for (const QString &id : detail.currentPath)
        if (const PlacedMessage *pm = byId.value(id))
            loaded.path.append(toMessage(*pm));
    return loaded;
}

Loaded tail(BackendHost::Services &s, const QString &chatId, int count)
{
    Loaded result;
    auto chat = s.backend.chats().chat(s.userId, chatId);
    if (!chat || chat->activeLeafId.isEmpty())
        return result; // the full load answers
    result.chatId = chat->id;
    result.systemPrompt = chat->systemPrompt;
    QString id = chat->activeLeafId;
    while (!id.isEmpty() && result.path.size() < count) {
        auto placed = s.backend.chats().message(s.userId, id);
        if (!placed)
            return {};
        result.path.prepend(toMessage(placed.value()));
        id = placed->message.parentId;
    }
    return result;
}

} // namespace ConversationLoader
