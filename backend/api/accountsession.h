#pragma once

#include "api/websocketpeer.h"

namespace teehee {

// One authenticated WebSocket on /events: the account's live events reach it
// through the WebSocketHub; the client may only ping (anything else is
// answered with an `error` event, and the socket stays open).
class AccountSession : public WebSocketPeer {
    Q_OBJECT
public:
    using WebSocketPeer::WebSocketPeer;

    void receive(const QString &text, bool binary) override;
};

} // namespace teehee
