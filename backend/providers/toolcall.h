#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace teehee {

// A tool the model may call, as the engine offers it. `name` is already in
// the form every provider accepts (^[a-zA-Z0-9_-]{1,64}$); the engine maps it
// back to its MCP server and tool.
struct ToolSpec {
    QString name;
    QString description;
    QJsonObject inputSchema; // JSON Schema of the arguments (an "object" schema)

    bool operator==(const ToolSpec &) const = default;
};

// One call the model made, its arguments reassembled from the stream's fragments.
struct ToolCall {
    QString id;         // the provider's call id, sent back with the result
    QString name;       // a ToolSpec name
    QJsonObject arguments;
    // Non-empty when the arguments were not a JSON object (cut off, malformed):
    // the call is answered with this as a tool error instead of being run.
    QString argumentsError;
    QString rawArguments; // the arguments as streamed, for the error's sake

    bool operator==(const ToolCall &) const = default;
};

// What a call returned, sent back to the model in its provider's form.
struct ToolResult {
    QString callId;
    QString name;       // the ToolSpec name of the call it answers
    QString content;    // untrusted text, at most 16 KiB of UTF-8
    bool isError = false;

    bool operator==(const ToolResult &) const = default;
};

} // namespace teehee
