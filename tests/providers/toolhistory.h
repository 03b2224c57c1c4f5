#pragma once

// A conversation with two tool rounds, and the tools it offers, for the
// request-body tests of every provider.

#include "providers/chatrequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

namespace teehee::test {

// JSON written with ' for " and ` for an escaped \" inside a string, so that
// expected bodies stay readable in C++ string literals.
inline QJsonValue jsonOf(const char *text)
{
    QByteArray bytes(text);
    bytes.replace('\'', '"');
    bytes.replace("`", "\\\"");
    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

inline QList<ToolSpec> sampleTools()
{
    return {{QStringLiteral("get_weather"), QStringLiteral("Current weather"),
             jsonOf("{'type':'object','properties':{'city':{'type':'string'}},'required':['city']}").toObject()},
            {QStringLiteral("get_time"), QString(), QJsonObject()}};
}

// user, assistant (text + two calls), tool (two results, one an error),
// assistant (a call, no text), tool (its result).
inline QList<ChatMessage> toolHistory()
{
    ChatMessage user{QStringLiteral("user"), QStringLiteral("Weather in Paris and Rome?")};
    ChatMessage first{QStringLiteral("assistant"), QStringLiteral("Let me check.")};
    first.toolCalls = {{QStringLiteral("call_A1"), QStringLiteral("get_weather"), jsonOf("{'city':'Paris'}").toObject(), {}, {}},
                       {QStringLiteral("call_B2"), QStringLiteral("get_weather"), jsonOf("{'city':'Rome'}").toObject(), {}, {}}};
    ChatMessage firstResults{QStringLiteral("tool"), QString()};
    firstResults.toolResults = {{QStringLiteral("call_A1"), QStringLiteral("get_weather"), QStringLiteral("18 C"), false},
                                {QStringLiteral("call_B2"), QStringLiteral("get_weather"), QStringLiteral("unreachable"), true}};
    ChatMessage second{QStringLiteral("assistant"), QString()};
    second.toolCalls = {{QStringLiteral("call_C3"), QStringLiteral("get_time"), {}, {}, {}}};
    ChatMessage secondResults{QStringLiteral("tool"), QString()};
    secondResults.toolResults = {{QStringLiteral("call_C3"), QStringLiteral("get_time"), QStringLiteral("12:00"), false}};
    return {user, first, firstResults, second, secondResults};
}

} // namespace teehee::test
