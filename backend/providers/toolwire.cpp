#include "providers/toolwire.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRegularExpression>

namespace teehee::toolwire {
namespace {

QJsonObject schemaOf(const ToolSpec &tool)
{
    // Every provider wants an object schema, even for a tool without arguments.
    if (!tool.inputSchema.isEmpty())
        return tool.inputSchema;
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}, {QStringLiteral("properties"), QJsonObject()}};
}

QString callId(const QString &id, IdForm form)
{
    return form == IdForm::Mistral ? mistralCallId(id) : id;
}

// OpenAI and Mistral have no error flag on a tool message: the text says it.
QString resultText(const ToolResult &result)
{
    return result.isError ? QStringLiteral("Error: ") + result.content : result.content;
}

} // namespace

QJsonArray chatCompletionsTools(const QList<ToolSpec> &tools)
{
    QJsonArray out;
    for (const ToolSpec &t : tools) {
        QJsonObject function{{QStringLiteral("name"), t.name}};
        if (!t.description.isEmpty())
            function.insert(QStringLiteral("description"), t.description);
        function.insert(QStringLiteral("parameters"), schemaOf(t));
        out.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("function")}, {QStringLiteral("function"), function}});
    }
    return out;
}

QJsonArray anthropicTools(const QList<ToolSpec> &tools)
{
    QJsonArray out;
    for (const ToolSpec &t : tools) {
        QJsonObject tool{{QStringLiteral("name"), t.name}};
        if (!t.description.isEmpty())
            tool.insert(QStringLiteral("description"), t.description);
        tool.insert(QStringLiteral("input_schema"), schemaOf(t));
        out.append(tool);
    }
    return out;
}

QString mistralCallId(const QString &id)
{
    static const QRegularExpression valid(QStringLiteral("^[a-zA-Z0-9]{9}$"));
    if (valid.match(id).hasMatch())
        return id;
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    const QByteArray hash = QCryptographicHash::hash(id.toUtf8(), QCryptographicHash::Sha256);
    QString out;
    for (int i = 0; i < 9; ++i)
        out += QLatin1Char(kAlphabet[quint8(hash[i]) % 62]);
    return out;
}

QString anthropicCallId(const QString &id)
{
    static const QRegularExpression other(QStringLiteral("[^a-zA-Z0-9_-]"));
    QString out = id;
    out.replace(other, QStringLiteral("_"));
    return out.isEmpty() ? QStringLiteral("_") : out;
}

QString argumentsJson(const ToolCall &call)
{
    // Raw malformed text could make the provider refuse the whole history (400).
    const QJsonObject args = call.argumentsError.isEmpty() ? call.arguments : QJsonObject();
    return QString::fromUtf8(QJsonDocument(args).toJson(QJsonDocument::Compact));
}

void addChatCompletionsToolCalls(QJsonObject &assistant, const ChatMessage &message, IdForm ids)
{
    if (message.toolCalls.isEmpty())
        return;
    QJsonArray calls;
    for (const ToolCall &c : message.toolCalls)
        calls.append(QJsonObject{{QStringLiteral("id"), callId(c.id, ids)},
                                 {QStringLiteral("type"), QStringLiteral("function")},
                                 {QStringLiteral("function"), QJsonObject{{QStringLiteral("name"), c.name},
                                                                          {QStringLiteral("arguments"), argumentsJson(c)}}}});
    assistant.insert(QStringLiteral("tool_calls"), calls);
    if (message.text.isEmpty())
        assistant.insert(QStringLiteral("content"), QJsonValue::Null);
}

QJsonArray chatCompletionsToolMessages(const ChatMessage &message, IdForm ids)
{
    QJsonArray out;
    for (const ToolResult &r : message.toolResults) {
        QJsonObject m{{QStringLiteral("role"), QStringLiteral("tool")},
                      {QStringLiteral("tool_call_id"), callId(r.callId, ids)},
                      {QStringLiteral("content"), resultText(r)}};
        if (ids == IdForm::Mistral)
            m.insert(QStringLiteral("name"), r.name);
        out.append(m);
    }
    return out;
}

QJsonArray anthropicToolUseBlocks(const ChatMessage &message)
{
    QJsonArray out;
    for (const ToolCall &c : message.toolCalls)
        out.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("tool_use")},
                               {QStringLiteral("id"), anthropicCallId(c.id)},
                               {QStringLiteral("name"), c.name},
                               {QStringLiteral("input"), c.argumentsError.isEmpty() ? c.arguments : QJsonObject()}});
    return out;
}

QJsonArray anthropicToolResultBlocks(const ChatMessage &message)
{
    QJsonArray out;
    for (const ToolResult &r : message.toolResults) {
        QJsonObject block{{QStringLiteral("type"), QStringLiteral("tool_result")},
                          {QStringLiteral("tool_use_id"), anthropicCallId(r.callId)}};
        if (!r.content.isEmpty()) // an empty text block would be refused; no content is allowed
            block.insert(QStringLiteral("content"), r.content);
        block.insert(QStringLiteral("is_error"), r.isError);
        out.append(block);
    }
    return out;
}

} // namespace teehee::toolwire
