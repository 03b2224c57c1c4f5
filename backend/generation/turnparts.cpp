#include "generation/turnparts.h"

namespace teehee::turnparts {

GenerationOptions effectiveOptions(const GenerationOptions &requested, const ChatRecord &chat,
                                   const MessageRecord *fallback)
{
    GenerationOptions out = requested;
    // The chat's choice, or (a chat from before chats kept one) the message's own.
    const bool chatChose = !chat.provider.isEmpty();
    const QString provider = chatChose ? chat.provider : fallback ? fallback->provider : QString();
    const QString model = chatChose ? chat.model : fallback ? fallback->model : QString();
    if (requested.provider.isEmpty() && requested.keyId.isEmpty()) {
        out.provider = provider;
        if (requested.model.isEmpty())
            out.model = model;
    } else if (requested.model.isEmpty() && requested.provider == provider) {
        out.model = model; // the same provider again: its model too, not the provider's default
    }
    const auto stored = ChatOptions::fromJson(chat.options);
    out.options = (stored ? stored.value() : ChatOptions{}).overriddenBy(requested.options);
    return out;
}

ChatRequest withMessages(ChatRequest request, QList<ChatMessage> messages, bool continuing)
{
    if (!messages.isEmpty() && messages.first().role == QLatin1String("system"))
        request.systemPrompt = messages.takeFirst().text;
    if (continuing) {
        // The reply being extended is the last entry; an empty one is simply answered afresh.
        if (!messages.isEmpty() && messages.last().role == QLatin1String("assistant") && messages.last().text.isEmpty())
            messages.removeLast();
        else
            request.continuePartial = true;
    }
    request.messages = std::move(messages);
    return request;
}

std::pair<NewMessage, NewMessage> exchangeOf(const QString &text, const MessageParent &parent, const QString &provider,
                                            const QString &model)
{
    NewMessage user;
    user.role = QStringLiteral("user");
    user.text = text;
    user.parent = parent;
    NewMessage reply;
    reply.role = QStringLiteral("assistant");
    reply.provider = provider;
    reply.model = model;
    return {user, reply};
}

} // namespace teehee::turnparts
