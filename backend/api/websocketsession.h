#pragma once

#include "api/websocketpeer.h"

#include <QJsonObject>
#include <QString>

namespace teehee {

class Backend;
class FairWorkQueue;

// One authenticated WebSocket on /stream/{chat_id}: reads the client's
// messages (stream_message, abort_stream, continue_stream, regenerate, ping)
// and turns them into GenerationManager calls. Events of the chat reach it
// through the WebSocketHub. A bad message is answered with an `error` event;
// the socket stays open. Messages are handled in order through the
// generation engine's FairWorkQueue, so a burst of new streams cannot stall
// the running ones. The token is checked again before anything that starts
// a reply (WebSocketPeer closes the socket when it ends).
class WebSocketSession : public WebSocketPeer {
    Q_OBJECT
public:
    WebSocketSession(Backend &backend, FairWorkQueue &work, std::unique_ptr<QWebSocket> socket, QTcpSocket *connection,
                     const AuthUser &user, QString chatId, bool compact, QObject *parent = nullptr);

    QString chatId() const { return m_chatId; }

    // Handles a client message in its turn (through the work queue). The
    // socket's messages come here; so do those that arrived before the session.
    void receive(const QString &text, bool binary) override;

private:
    void onTextMessage(const QString &text);
    void handle(const QString &type, const QJsonObject &message);
    void sendError(const QString &message);
    // True when the message belongs to this socket's chat; false after answering an error.
    bool isInThisChat(const QString &messageId);

    Backend &m_backend;
    FairWorkQueue &m_work;
    QString m_userId; // userId(), at hand for the handlers
    QString m_deviceId; // the token's device: who started a reply
    QString m_chatId;
};

} // namespace teehee
