#include "replyfollower.h"

#include "remotejson.h"
#include "serverlink.h"

#include "providers/sseparser.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkReply>

namespace teehee::client {

ReplyFollower::ReplyFollower(ServerLink &link, QString chatId, QObject *parent)
    : QObject(parent), m_link(link), m_chatId(std::move(chatId)), m_parser(std::make_unique<SseParser>())
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, [this] {
        open("GET", QStringLiteral("/stream/%1/events").arg(m_messageId), {});
    });
}

ReplyFollower::~ReplyFollower()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ReplyFollower::start(const QString &path, const QJsonDocument &body)
{
    open("POST", path, body);
}

void ReplyFollower::attach(const QString &messageId)
{
    m_messageId = messageId;
    open("GET", QStringLiteral("/stream/%1/events").arg(messageId), {});
}

void ReplyFollower::open(const QByteArray &method, const QString &path, const QJsonDocument &body)
{
    m_parser->reset();
    m_reply = m_link.openEventStream(method, path, body, m_lastEventId);
    connect(m_reply, &QNetworkReply::readyRead, this, &ReplyFollower::onData);
    connect(m_reply, &QNetworkReply::finished, this, &ReplyFollower::onFinished);
}

void ReplyFollower::onData()
{
    consume(m_reply);
}

void ReplyFollower::consume(QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200)
        return; // an error's body: read when it finishes
    if (m_down) {
        m_down = false;
        m_attempt = 0;
        Q_EMIT linkChanged(true);
    }
    for (const SseEvent &e : m_parser->feed(reply->readAll())) {
        if (!e.lastEventId.isEmpty())
            m_lastEventId = e.lastEventId;
        dispatch(e.type, e.data.toUtf8());
        if (m_ended || m_sawTerminal)
            return;
    }
}

void ReplyFollower::onFinished()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    if (m_ended)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 200)
        consume(reply);
    if (m_ended || m_sawTerminal)
        return; // the last event is in; it may still wait for its rows
    const ClientError error = ServerLink::errorOf(reply, status == 200 ? QByteArray() : reply->readAll());
    // Refused before it began: the caller hears why.
    if (m_messageId.isEmpty() && !error.ok() && error.reason != Failure::Unavailable) {
        Q_EMIT refused(error);
        return end();
    }
    // Signed out, the reply gone, or a changed certificate: nothing to wait for.
    if (error.reason == Failure::Unauthorized || error.reason == Failure::NotFound
        || error.reason == Failure::CertificateRejected) {
        if (m_messageId.isEmpty())
            Q_EMIT refused(error);
        return end();
    }
    if (m_messageId.isEmpty()) {
        Q_EMIT refused(error.ok() ? ClientError{Failure::Unavailable, QStringLiteral("the stream ended before it began")}
                                  : error);
        return end();
    }
    reconnectLater();
}

void ReplyFollower::reconnectLater()
{
    if (!m_down) {
        m_down = true;
        Q_EMIT linkChanged(false);
    }
    // 0.5 s, 1 s, 2 s … at most 10 s between tries, for as long as it takes.
    m_retry.start(qMin(10000, 500 << qMin(m_attempt++, 5)));
}

void ReplyFollower::dispatch(const QString &type, const QByteArray &data)
{
    const QJsonObject o = QJsonDocument::fromJson(data).object();
    std::optional<TurnEvent> event = remotejson::turnEvent(type, o, m_chatId);
    if (!event)
        return;
    if (m_messageId.isEmpty())
        m_messageId = event->messageId;
    if (event->messageId != m_messageId)
        return;
    m_sawTerminal = event->isTerminal();
    if (event->type == TurnEvent::Type::Started && !event->continued)
        return withRows(*event);
    deliver(*event);
}

void ReplyFollower::deliver(const TurnEvent &event)
{
    if (m_holding) {
        m_held << event;
        return;
    }
    Q_EMIT this->event(event);
    if (event.isTerminal())
        end();
}

void ReplyFollower::withRows(TurnEvent started)
{
    // A new exchange or a new reply: the rows it created come with the
    // event, as they do in process, so a view adds them without asking.
    m_holding = true;
    m_link.get(QStringLiteral("/chats/%1").arg(m_chatId), this, [this, started](const Outcome<QJsonDocument> &chat) mutable {
        if (chat.ok()) {
            const QJsonArray messages = chat.value.object().value(u"messages").toArray();
            for (const QString &id : {started.parentMessageId, started.messageId})
                for (const QJsonValue &m : messages)
                    if (!id.isEmpty() && m.toObject().value(u"id").toString() == id)
                        started.rows << remotejson::message(m.toObject());
        }
        m_holding = false;
        Q_EMIT event(started);
        const QList<TurnEvent> held = std::exchange(m_held, {});
        for (const TurnEvent &e : held) {
            deliver(e);
            if (m_ended)
                return;
        }
    });
}

void ReplyFollower::end()
{
    if (m_ended)
        return;
    m_ended = true;
    m_retry.stop();
    if (m_down)
        Q_EMIT linkChanged(true);
    deleteLater();
}

} // namespace teehee::client
