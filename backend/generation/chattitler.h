#pragma once

#include "core/error.h"
#include "providers/chatrequest.h"

#include <QObject>
#include <QSet>
#include <functional>

namespace teehee {

struct Config;
class ChatService;
class Generation;
class ProviderRegistry;

// Names a chat after its first reply (spec/api.md "Automatic titles"): when
// the reply to a chat's first question completes while the chat is still
// called "New Chat", asks a provider for a short title — the reply's own
// provider and model unless TITLE_PROVIDER / TITLE_MODEL name others — and
// renames the chat, which every device then hears of (chat_updated). The
// request streams like any reply and blocks nothing. A failed one leaves the
// name as it is and is logged; it is never shown as an error of the chat.
// AUTO_TITLES=false turns it off.
class ChatTitler : public QObject {
    Q_OBJECT
public:
    // What the request asks for, in its system prompt (plain ASCII, so that
    // it reads the same inside any JSON body).
    static const QString kInstruction;
    static constexpr int kMaxLength = 60;

    // Provider, model, key and limits for a user, as replies get them; an
    // empty model means the provider's default.
    using Resolver = std::function<Result<ChatRequest>(const QString &userId, const QString &provider,
                                                       const QString &model)>;

    ChatTitler(const Config &config, ChatService &chats, const ProviderRegistry &registry, Resolver resolve,
               QObject *parent = nullptr);

    // Follows a reply until it ends; asks for a title if it is the one to name its chat.
    void follow(Generation *generation);

    // A title from what a model answered: its first line without Markdown,
    // quotes or a trailing full stop, at most kMaxLength characters (cut at a
    // word where possible). Empty when nothing usable is left.
    static QString clean(const QString &answer);
    // Whether a title request for the chat is on its way.
    bool isAsking(const QString &chatId) const { return m_asking.contains(chatId); }

Q_SIGNALS:
    // A title request ended, the chat renamed or not (tests, diagnostics).
    void finished(const QString &chatId, bool renamed);

private:
    struct Reply {
        QString userId, chatId, questionId, provider, model, text;
    };
    void onCompleted(const Reply &reply);
    void ask(const Reply &reply, const QString &question);
    void conclude(const Reply &reply, const QString &answer, const QString &failure);

    const Config &m_config;
    ChatService &m_chats;
    const ProviderRegistry &m_registry;
    Resolver m_resolve;
    QSet<QString> m_asking; // chats with a title request running
};

} // namespace teehee
