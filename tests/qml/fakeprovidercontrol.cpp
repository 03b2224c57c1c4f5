#include "fakeprovidercontrol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <utility>

using namespace teehee::test;

FakeProviderControl::FakeProviderControl(QObject *parent) : QObject(parent)
{
    m_server.setHandler([this](const RecordedRequest &request) {
        QMetaObject::invokeMethod(this, &FakeProviderControl::changed, Qt::QueuedConnection);
        if (request.path.endsWith("/models")) {
            const QJsonObject list{{QStringLiteral("object"), QStringLiteral("list")},
                                   {QStringLiteral("data"), QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("gpt-4o-mini")}},
                                                                       QJsonObject{{QStringLiteral("id"), QStringLiteral("fake-model")}}}}};
            return FakeResponse::json(200, QJsonDocument(list).toJson(QJsonDocument::Compact));
        }
        if (m_rateLimitSeconds >= 0) {
            const QByteArray seconds = QByteArray::number(std::exchange(m_rateLimitSeconds, -1));
            return FakeResponse::json(429, wire::openAiErrorBody("Rate limit reached for requests", "requests", "rate_limit_exceeded"))
                .header("Retry-After", seconds).header("x-should-retry", "false");
        }
        // "#tool=<name>" in the person's message: that tool is called first.
        const QJsonArray asked = request.json().value(QStringLiteral("messages")).toArray();
        const QJsonObject lastAsked = asked.isEmpty() ? QJsonObject() : asked.last().toObject();
        static const QRegularExpression toolTag(QStringLiteral("#tool=(\\S+)"));
        if (const auto tag = toolTag.match(lastAsked.value(QStringLiteral("content")).toString());
            tag.hasMatch() && lastAsked.value(QStringLiteral("role")).toString() == u"user") {
            m_toolName = tag.captured(1);
            m_toolArguments = QStringLiteral("{\"text\":\"Lisbon, Saturday: 24 °C and sunny; Sunday: 21 °C, light wind.\"}");
        }
        if (!m_toolName.isEmpty()) {
            const QString id = QStringLiteral("call_fake_%1").arg(++m_toolCalls);
            FakeResponse calling = FakeResponse::sse();
            calling.send(wire::openAiToolCallStream({{id, std::exchange(m_toolName, {}), m_toolArguments}}));
            return calling;
        }
        QStringList pieces;
        if (!m_whenNeedle.isEmpty() && request.body.contains(m_whenNeedle)) {
            pieces = splitWords(m_whenText); // the queue is left for the other requests
        } else {
            if (!m_queue.isEmpty())
                reply(m_queue.takeFirst(), m_queueDelayMs);
            pieces = m_pieces;
        }
        FakeResponse response = FakeResponse::sse();
        response.send(wire::openAiRoleChunk());
        const QJsonArray messages = request.json().value(QStringLiteral("messages")).toArray();
        const bool askedToThink = !messages.isEmpty()
            && messages.last().toObject().value(QStringLiteral("content")).toString().contains(QLatin1String("#think"));
        const QString thinking = !m_thinking.isEmpty() ? m_thinking
            : askedToThink ? QStringLiteral("The person asked me to think first, so here I am, thinking it over.") : QString();
        for (const QString &word : thinking.split(QLatin1Char(' '), Qt::SkipEmptyParts))
            response.send(wire::openAiReasoningChunk(word + QLatin1Char(' ')), m_delayMs);
        const bool slow = !messages.isEmpty()
            && messages.last().toObject().value(QStringLiteral("content")).toString().contains(QLatin1String("#slow"));
        for (const QString &piece : std::as_const(pieces))
            response.send(wire::openAiChunk(piece), slow ? std::max(m_delayMs, kSlowDelayMs) : m_delayMs);
        response.send(wire::openAiChunk({}, "stop"));
        response.send(wire::openAiUsageChunk(m_inputTokens, int(pieces.size())));
        response.send(wire::openAiDone());
        return response;
    });
}

QString FakeProviderControl::lastRequestBody() const
{
    const auto requests = m_server.requests();
    return requests.isEmpty() ? QString() : QString::fromUtf8(requests.last().body);
}

QString FakeProviderControl::requestBody(int index) const
{
    const auto requests = m_server.requests();
    return index >= 0 && index < requests.size() ? QString::fromUtf8(requests.at(index).body) : QString();
}

QStringList FakeProviderControl::splitWords(const QString &text)
{
    QStringList pieces;
    static const QRegularExpression word(QStringLiteral(R"(\S+\s*|\s+)"));
    for (auto it = word.globalMatch(text); it.hasNext();)
        pieces << it.next().captured();
    return pieces;
}

void FakeProviderControl::reply(const QString &text, int delayMs)
{
    m_pieces = splitWords(text);
    m_delayMs = delayMs;
    Q_EMIT changed();
}
