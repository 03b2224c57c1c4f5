#pragma once

// A desktop sharing its chats on loopback, for the tests that pair with it.
#include <QString>

namespace teehee::client {
class LocalChatClient;
}

namespace teehee::test {

// Turns sharing on at a port the system picks, starts `desk` and waits until
// it shares with an invitation ready. Empty when it does; otherwise why not.
QString startSharing(client::LocalChatClient &desk);

} // namespace teehee::test
