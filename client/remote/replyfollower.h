#pragma once

#include "clienttypes.h"

#include <QJsonDocument>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

class QNetworkReply;

namespace teehee {
class SseParser;
}

namespace teehee::client {

class ServerLink;

// Follows one reply over the server's event stream (SSE), from its first
// event to its last, whoever started it. A dropped connection is picked up
// again with Last-Event-ID, so no text is lost or repeated and the reply is
// never aborted by the network; only Stop aborts. Deletes itself at the end.
class ReplyFollower : public QObject {
    Q_OBJECT
public:
    ReplyFollower(ServerLink &link, QString chatId, QObject *parent = nullptr);
    ~ReplyFollower() override;

    // A new turn: POST `path` with `body`, answered by the reply's stream.
    void start(const QString &path, const QJsonDocument &body);
    // A reply running (or just ended) elsewhere: its events from the start.
    void attach(const QString &messageId);

    QString chatId() const { return m_chatId; }
    QString messageId() const { return m_messageId; }

Q_SIGNALS:
    // The server refused to start the turn (no event came).
    void refused(const teehee::client::ClientError &error);
    void event(const teehee::client::TurnEvent &event);
    // The stream dropped (false) or came back (true) before the reply ended.
    void linkChanged(bool up);

private:
    void open(const QByteArray &method, const QString &path, const QJsonDocument &body);
    void onData();
    void consume(QNetworkReply *reply);
    void onFinished();
    void dispatch(const QString &type, const QByteArray &data);
    void deliver(const TurnEvent &event);
    void withRows(TurnEvent started);
    void reconnectLater();
    void end();

    ServerLink &m_link;
    QString m_chatId;
    QString m_messageId;
    QString m_lastEventId;
    QPointer<QNetworkReply> m_reply;
    std::unique_ptr<SseParser> m_parser;
    bool m_ended = false;
    bool m_sawTerminal = false;  // the last event arrived (perhaps still held)
    bool m_down = false;
    bool m_holding = false;      // the Started event waits for its rows
    QList<TurnEvent> m_held;     // what came meanwhile
    int m_attempt = 0;
    QTimer m_retry;
};

} // namespace teehee::client
