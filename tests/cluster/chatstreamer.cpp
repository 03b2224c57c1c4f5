#include "chatstreamer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QWebSocket>

ChatStreamer::ChatStreamer(quint16 port, QString chatId, QByteArray token, QString tag, int count,
                           std::function<QString(const QString &)> expected, QObject *parent)
    : QObject(parent)
    , m_port(port)
    , m_chatId(std::move(chatId))
    , m_token(std::move(token))
    , m_tag(std::move(tag))
    , m_count(count)
    , m_expected(std::move(expected))
{
}

void ChatStreamer::start()
{
    next();
}

QString ChatStreamer::progress() const
{
    return QStringLiteral("%1: %2 of %3 complete, on \"%4\" saw [%5]")
        .arg(m_tag)
        .arg(m_completed)
        .arg(m_count)
        .arg(m_question, m_types.join(u','));
}

void ChatStreamer::fail(const QString &why)
{
    m_failures.append(QStringLiteral("%1 \"%2\": %3 (events [%4])").arg(m_tag, m_question, why, m_types.join(u',')));
    if (m_ws) {
        m_ws->disconnect(this);
        m_ws->abort();
        m_ws->deleteLater();
        m_ws = nullptr;
    }
    m_done = true;
}

void ChatStreamer::next()
{
    if (m_ws) {
        m_ws->disconnect(this);
        m_ws->close();
        m_ws->deleteLater();
        m_ws = nullptr;
    }
    if (m_sent == m_count) {
        m_done = true;
        return;
    }
    m_question = QStringLiteral("%1-m%2").arg(m_tag).arg(m_sent++);
    m_messageId.clear();
    m_tokens.clear();
    m_types.clear();
    m_ws = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    connect(m_ws, &QWebSocket::connected, this, [this] {
        const QJsonObject ask{{"type", "stream_message"}, {"content", m_question},
                              {"provider", "openai"}, {"model", "gpt-4o-mini"}};
        m_ws->sendTextMessage(QString::fromUtf8(QJsonDocument(ask).toJson(QJsonDocument::Compact)));
    });
    connect(m_ws, &QWebSocket::textMessageReceived, this, &ChatStreamer::onText);
    connect(m_ws, &QWebSocket::disconnected, this, [this] {
        fail(QStringLiteral("the socket closed (code %1) before the reply ended").arg(int(m_ws->closeCode())));
    });
    m_ws->open(QUrl(QStringLiteral("ws://127.0.0.1:%1/stream/%2?token=%3")
                        .arg(m_port)
                        .arg(m_chatId, QString::fromLatin1(m_token))));
}

void ChatStreamer::onText(const QString &text)
{
    const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = o.value("type").toString();
    m_types.append(type);
    if (type == u"stream_start") {
        m_messageId = o.value("message_id").toString();
    } else if (type == u"token" && o.value("message_id").toString() == m_messageId) {
        m_tokens += o.value("token").toString();
    } else if (type == u"stream_complete" && o.value("message_id").toString() == m_messageId) {
        const QString want = m_expected(m_question);
        const QString content = o.value("content").toString();
        if (content != want)
            return fail(QStringLiteral("stream_complete content \"%1\", expected \"%2\"").arg(content, want));
        if (m_tokens != want)
            return fail(QStringLiteral("tokens joined \"%1\", expected \"%2\"").arg(m_tokens, want));
        ++m_completed;
        next();
    } else if (type == u"error" || type == u"stream_error" || type == u"stream_aborted") {
        fail(QStringLiteral("%1: %2").arg(type, QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact))));
    }
}
