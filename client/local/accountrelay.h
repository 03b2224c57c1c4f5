#pragma once

#include <QString>

namespace teehee {
class Backend;
}

namespace teehee::client {

class ChatClient;

// What the services announce for one user (chats created, renamed, deleted;
// messages changed; branches switched; every event of that user's replies),
// converted on the backend thread and emitted by `client` on its own thread,
// queued. Call on the backend thread; the connections live as long as both.
void relayAccountEvents(Backend &backend, const QString &userId, ChatClient *client);

} // namespace teehee::client
