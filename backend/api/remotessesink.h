#pragma once

#include "api/responder.h"

#include <QObject>

namespace teehee {

class AuthService;
struct AuthUser;
struct GenerationEvent;
class RemoteReplies;
class TokenWatch;

// The Server-Sent Events answer for a reply another server sharing the
// PostgreSQL database streams: `stream_resume` with the text so far, then the
// reply's events as RemoteReplies sends them on, until its terminal event.
// Event ids are this server's; a client resuming here with another server's
// id gets the whole text in the resume (it replaces, never appends), so
// nothing is lost or doubled. The stream also ends with its token. A child
// of the RemoteReplies it follows.
class RemoteSseSink : public QObject {
    Q_OBJECT
public:
    RemoteSseSink(Responder responder, RemoteReplies &replies, QString chatId, QString messageId, AuthService &auth,
                  const AuthUser &user, bool compact);

    // Sends the headers and the resume; false (and the sink deleted) when the
    // reply no longer streams elsewhere or the client is gone.
    bool start(const QString &userId, qint64 resumeId);

private:
    void onEvent(const GenerationEvent &event);
    bool write(const QByteArray &frame);
    void finish();

    Responder m_responder;
    RemoteReplies &m_replies;
    QString m_chatId;
    QString m_messageId;
    TokenWatch *m_token; // child
    bool m_compact;
    bool m_following = false;
    bool m_done = false;
};

} // namespace teehee
