#include "api/remotessesink.h"

#include "api/json/streamevents.h"
#include "api/ssesink.h"
#include "api/tokenwatch.h"
#include "core/logging.h"
#include "generation/remotereplies.h"

#include <utility>

namespace teehee {

namespace {
const HttpHeaders kStreamHeaders{{"X-Accel-Buffering", "no"}};
}

RemoteSseSink::RemoteSseSink(Responder responder, RemoteReplies &replies, QString chatId, QString messageId,
                             AuthService &auth, const AuthUser &user, bool compact)
    : QObject(&replies), m_responder(std::move(responder)), m_replies(replies), m_chatId(std::move(chatId)),
      m_messageId(std::move(messageId)), m_token(new TokenWatch(auth, user, this)), m_compact(compact)
{
    m_responder.onDisconnected(this, [this] { finish(); });
    connect(m_token, &TokenWatch::ended, this, [this](const QString &reason) {
        qCInfo(lcHttp).noquote() << "SSE stream of reply" << m_messageId << "ends:" << reason;
        finish();
    });
}

bool RemoteSseSink::start(const QString &userId, qint64 resumeId)
{
    const auto point = m_replies.resume(userId, m_chatId);
    if (!point || point->messageId != m_messageId) {
        m_done = true;
        deleteLater();
        return false;
    }
    m_replies.follow(m_chatId);
    m_following = true;
    connect(&m_replies, &RemoteReplies::event, this, &RemoteSseSink::onEvent);
    if (!m_responder.beginStream(200, kStreamHeaders)) {
        finish();
        return true;
    }
    write(streamevents::sseFrame(streamevents::resume(point->messageId, point->parentMessageId, point->text, point->reasoning),
                                 resumeId));
    return true;
}

void RemoteSseSink::onEvent(const GenerationEvent &event)
{
    if (m_done || event.messageId != m_messageId)
        return;
    write(streamevents::sseFrame(streamevents::encode(event, m_compact), event.seq));
    if (event.isTerminal())
        finish();
}

bool RemoteSseSink::write(const QByteArray &frame)
{
    if (m_done)
        return false;
    if (m_responder.bytesToWrite() > SseSink::kMaxBufferedBytes) {
        qCWarning(lcHttp).noquote() << "SSE client of reply" << m_messageId << "does not read its events; dropping it";
        m_responder.abortConnection();
        finish();
        return false;
    }
    if (!m_responder.writeChunk(frame)) {
        finish();
        return false;
    }
    return true;
}

void RemoteSseSink::finish()
{
    if (m_done)
        return;
    m_done = true;
    disconnect(&m_replies, nullptr, this, nullptr);
    if (std::exchange(m_following, false))
        m_replies.unfollow(m_chatId);
    m_responder.endStream();
    deleteLater();
}

} // namespace teehee
