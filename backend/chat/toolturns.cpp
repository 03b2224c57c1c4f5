#include "chat/toolturns.h"

#include <QJsonArray>
#include <QJsonObject>

namespace teehee::toolturns {

QList<ChatMessage> expand(const MessageRecord &message)
{
    const QString text = message.text();
    const QJsonArray entries = message.content.value(QLatin1String("tool_calls")).toArray();
    QList<ChatMessage> out;
    qsizetype start = 0;
    int round = -1;
    const auto flush = [&](ChatMessage &said, ChatMessage &results) {
        if (said.toolCalls.isEmpty())
            return;
        out << said << results;
        said = ChatMessage{QStringLiteral("assistant"), {}};
        results = ChatMessage{QStringLiteral("tool"), {}};
    };
    ChatMessage said{QStringLiteral("assistant"), {}};
    ChatMessage results{QStringLiteral("tool"), {}};
    for (const QJsonValue &value : entries) {
        const QJsonObject e = value.toObject();
        const int r = e.value(QLatin1String("round")).toInt();
        if (r != round) {
            flush(said, results);
            round = r;
            const qsizetype offset = qBound<qsizetype>(start, e.value(QLatin1String("text_offset")).toInteger(), text.size());
            said.text = text.mid(start, offset - start);
            start = offset;
        }
        ToolCall call;
        call.id = e.value(QLatin1String("provider_call_id")).toString();
        call.name = e.value(QLatin1String("name")).toString();
        call.arguments = e.value(QLatin1String("arguments")).toObject();
        said.toolCalls << call;
        const QString status = e.value(QLatin1String("status")).toString();
        const bool answered = e.contains(QLatin1String("content"));
        results.toolResults << ToolResult{call.id, call.name,
                                          answered ? e.value(QLatin1String("content")).toString()
                                                   : QStringLiteral("The call was interrupted before it returned."),
                                          !answered || status != u"ok"};
    }
    flush(said, results);
    // After the last round: the answer, or the part being continued (none
    // yet: the model goes on from the results).
    if (start < text.size())
        out << ChatMessage{QStringLiteral("assistant"), text.mid(start)};
    return out;
}

} // namespace teehee::toolturns
