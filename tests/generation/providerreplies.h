#pragma once

// Provider-shaped replies for the generation tests (whole or token by token,
// optionally cut off), each provider's test model, and what a request sent.
#include "fakeproviderserver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QStringList>

namespace genfixture {

using namespace teehee::test;

inline const QStringList kProviders{QStringLiteral("openai"), QStringLiteral("anthropic"), QStringLiteral("mistral")};

inline QString modelFor(const QString &provider)
{
    if (provider == u"anthropic")
        return QStringLiteral("claude-sonnet-4-5");
    if (provider == u"mistral")
        return QStringLiteral("mistral-small-latest");
    return QStringLiteral("gpt-4o-mini");
}

// A WebSocket stream_message asking `provider` (its test model) to answer `content`.
inline QJsonObject streamMessage(const QString &content, const QString &provider = QStringLiteral("openai"))
{
    return {{"type", "stream_message"}, {"content", content}, {"provider", provider}, {"model", modelFor(provider)}};
}

inline QByteArray pieceEvent(const QString &provider, const QString &piece)
{
    if (provider == u"anthropic")
        return wire::anthropicTextDelta(piece);
    if (provider == u"mistral")
        return wire::mistralChunk(piece);
    return wire::openAiChunk(piece);
}

inline QByteArray wholeStream(const QString &provider, const QStringList &pieces)
{
    if (provider == u"anthropic")
        return wire::anthropicStream(pieces);
    if (provider == u"mistral")
        return wire::mistralStream(pieces);
    return wire::openAiStream(pieces);
}

// The provider's stream, one piece every `delayMs`; `cutOff` closes the
// connection after the pieces instead of finishing properly.
inline FakeResponse reply(const QString &provider, const QStringList &pieces, int delayMs = 0, bool cutOff = false)
{
    const QString mark = QStringLiteral("@@MARK@@");
    const QByteArray whole = wholeStream(provider, {mark});
    const QByteArray markEvent = pieceEvent(provider, mark);
    const qsizetype at = whole.indexOf(markEvent);
    FakeResponse r = FakeResponse::sse();
    r.send(whole.left(at));
    for (const QString &p : pieces)
        r.send(pieceEvent(provider, p), delayMs);
    if (cutOff)
        r.closeMidStream();
    else
        r.send(whole.mid(at + markEvent.size()), delayMs);
    return r;
}

inline QStringList words(int count, const QString &stem = QStringLiteral("w"))
{
    QStringList out;
    for (int i = 0; i < count; ++i)
        out.append(QStringLiteral("%1%2 ").arg(stem).arg(i));
    return out;
}

// The conversation a recorded provider request carried: (role, text), system first when present.
inline QList<QPair<QString, QString>> sentContext(const RecordedRequest &request)
{
    QList<QPair<QString, QString>> out;
    const QJsonObject body = request.json();
    const QJsonValue system = body.value(QStringLiteral("system"));
    if (system.isString())
        out.append({QStringLiteral("system"), system.toString()});
    else if (system.isArray())
        for (const auto &b : system.toArray())
            out.append({QStringLiteral("system"), b.toObject().value(QStringLiteral("text")).toString()});
    for (const auto &v : body.value(QStringLiteral("messages")).toArray()) {
        const QJsonObject m = v.toObject();
        QString text;
        if (m.value(QStringLiteral("content")).isString())
            text = m.value(QStringLiteral("content")).toString();
        else
            for (const auto &part : m.value(QStringLiteral("content")).toArray())
                text += part.toObject().value(QStringLiteral("text")).toString();
        out.append({m.value(QStringLiteral("role")).toString(), text});
    }
    return out;
}

} // namespace genfixture
