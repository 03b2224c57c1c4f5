#include "accountrelay.h"

#include "chatclient.h"
#include "recordconversions.h"

#include "backend.h"
#include "chat/chatservice.h"
#include "generation/generationmanager.h"

#include <QMetaObject>

namespace teehee::client {

void relayAccountEvents(Backend &backend, const QString &uid, ChatClient *client)
{
    ChatService *chats = &backend.chats();
    auto deliver = [client](auto fn) { QMetaObject::invokeMethod(client, fn, Qt::QueuedConnection); };
    QObject::connect(chats, &ChatService::chatCreated, &backend, [client, uid, deliver](const ChatRecord &c) {
        if (c.userId == uid)
            deliver([client, info = convert::chat(c)] { Q_EMIT client->chatCreated(info); });
    });
    QObject::connect(chats, &ChatService::chatUpdated, &backend, [client, uid, deliver](const ChatRecord &c) {
        if (c.userId == uid)
            deliver([client, info = convert::chat(c)] { Q_EMIT client->chatUpdated(info); });
    });
    QObject::connect(chats, &ChatService::chatDeleted, &backend,
                     [client, uid, deliver](const QString &user, const QString &chatId) {
        if (user == uid)
            deliver([client, chatId] { Q_EMIT client->chatDeleted(chatId); });
    });
    // Rows a reply writes arrive with its events; these are the others.
    QObject::connect(chats, &ChatService::messageUpdated, &backend,
                     [client, uid, deliver](const QString &user, const PlacedMessage &m) {
        if (user == uid && m.message.status != teehee::MessageStatus::Streaming)
            deliver([client, info = convert::message(m)] { Q_EMIT client->messageChanged(info); });
    });
    QObject::connect(chats, &ChatService::activeBranchChanged, &backend,
                     [client, uid, deliver](const QString &user, const QString &chatId, const QString &) {
        if (user == uid)
            deliver([client, chatId] { Q_EMIT client->branchChanged(chatId); });
    });
    GenerationManager *gens = &backend.generations();
    QObject::connect(gens, &GenerationManager::generationCreated, &backend,
                     [client, uid, chats, deliver, b = &backend](Generation *g) {
        if (g->userId() != uid)
            return;
        QObject::connect(g, &Generation::event, b, [client, uid, chats, deliver](const GenerationEvent &e) {
            TurnEvent event = convert::event(e);
            if (e.type == GenerationEvent::Type::Started && !e.continued) {
                // A new exchange or a new reply: the rows come with the event.
                for (const QString &id : {e.parentMessageId, e.messageId})
                    if (auto placed = chats->message(uid, id); placed && !id.isEmpty())
                        event.rows << convert::message(placed.value());
            }
            deliver([client, event] { Q_EMIT client->turnEvent(event); });
        });
    });
}

} // namespace teehee::client
