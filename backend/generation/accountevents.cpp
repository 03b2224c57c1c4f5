#include "generation/accountevents.h"

#include "chat/chatservice.h"
#include "generation/generation.h"
#include "generation/generationmanager.h"

namespace teehee {

AccountEvents::AccountEvents(ChatService &chats, GenerationManager &generations, QObject *parent)
    : QObject(parent)
{
    connect(&chats, &ChatService::chatCreated, this, [this](const ChatRecord &chat) {
        publish({AccountEvent::Type::ChatCreated, chat.userId, chat.id, chat, {}, {}});
    });
    connect(&chats, &ChatService::chatUpdated, this, [this](const ChatRecord &chat) {
        publish({AccountEvent::Type::ChatUpdated, chat.userId, chat.id, chat, {}, {}});
    });
    connect(&chats, &ChatService::chatDeleted, this, [this](const QString &userId, const QString &chatId) {
        publish({AccountEvent::Type::ChatDeleted, userId, chatId, {}, {}, {}});
    });
    // Other devices show an edit, a deletion or another branch at once; the
    // rows a reply writes travel with its own stream instead.
    connect(&chats, &ChatService::messageUpdated, this, [this](const QString &userId, const PlacedMessage &m) {
        if (m.message.status == MessageStatus::Streaming)
            return;
        AccountEvent e{AccountEvent::Type::MessageUpdated, userId, m.message.chatId, {}, m.message.id, {}};
        e.message = m;
        publish(e);
    });
    connect(&chats, &ChatService::activeBranchChanged, this,
            [this](const QString &userId, const QString &chatId, const QString &leafId) {
        publish({AccountEvent::Type::BranchChanged, userId, chatId, {}, leafId, {}});
    });
    connect(&generations, &GenerationManager::generationCreated, this, &AccountEvents::follow);
    for (Generation *g : generations.active())
        follow(g);
}

void AccountEvents::publish(const AccountEvent &event)
{
    Q_EMIT this->event(event);
}

void AccountEvents::follow(Generation *generation)
{
    const QString userId = generation->userId();
    // Only a reply's first and last events: the tokens stay on the chat's own sockets.
    connect(generation, &Generation::event, this, [this, userId](const GenerationEvent &e) {
        if (e.type == GenerationEvent::Type::Started)
            publish({AccountEvent::Type::StreamStarted, userId, e.chatId, {}, e.messageId, {}});
        else if (e.isTerminal())
            publish({AccountEvent::Type::StreamEnded, userId, e.chatId, {}, e.messageId, e.status()});
    });
}

} // namespace teehee
