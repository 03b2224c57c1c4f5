#pragma once

#include "providers/toolcall.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace teehee {

// Puts a reply's tool calls back together from the fragments a stream sends
// them in: Chat Completions `delta.tool_calls` entries keyed by `index`
// (id and name first, the arguments string in many pieces, parallel calls
// interleaved, or a whole call at once), Anthropic tool_use blocks keyed by
// their block index. Bounded: kMaxArgumentBytes of arguments per call, at
// most kMaxCalls calls; past that a call gets an argumentsError, or is dropped.
class ToolCallAssembler {
public:
    static constexpr qsizetype kMaxArgumentBytes = 1024 * 1024;
    static constexpr int kMaxCalls = 64;
    static constexpr qsizetype kMaxNameChars = 256;

    void reset() { *this = ToolCallAssembler(); }
    bool isEmpty() const { return m_calls.isEmpty(); }

    // One entry of a Chat Completions `delta.tool_calls`; `position` is its place
    // in that array, used when a server leaves `index` out.
    void addChatCompletionsFragment(const QJsonObject &entry, int position);

    // Anthropic: content_block_start of a tool_use block, then its input_json_delta pieces.
    void begin(int key, const QString &id, const QString &name);
    void appendArguments(int key, QStringView fragment);
    // Arguments that came as an object, not as a JSON string (Ollama, a block's own input).
    void setArgumentsObject(int key, const QJsonObject &arguments);

    // The calls in the order they began. `cutOff`: the reply stopped at its token
    // limit, so arguments that do not parse were cut off rather than malformed.
    QList<ToolCall> finish(bool cutOff) const;

private:
    struct Pending {
        int key = 0;
        QString id;
        QString name;
        // As streamed, in UTF-16: a character split between two fragments (as \ud83d, \ude00) joins again.
        QString raw;
        qsizetype rawBytes = 0; // its size in UTF-8
        std::optional<QJsonObject> object;
        bool overflow = false;
    };
    Pending *find(int key);
    Pending *open(int key);
    static void appendBounded(QString &to, const QString &piece);

    QList<Pending> m_calls;
    bool m_droppedCalls = false;
};

} // namespace teehee
