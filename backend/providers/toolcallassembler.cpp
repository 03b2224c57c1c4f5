#include "providers/toolcallassembler.h"

#include "core/logging.h"

#include <QJsonDocument>
#include <QUuid>

namespace teehee {

ToolCallAssembler::Pending *ToolCallAssembler::find(int key)
{
    // The newest call of that key: a server that reuses an index for a new call started a new one.
    for (qsizetype i = m_calls.size() - 1; i >= 0; --i)
        if (m_calls[i].key == key)
            return &m_calls[i];
    return nullptr;
}

ToolCallAssembler::Pending *ToolCallAssembler::open(int key)
{
    if (m_calls.size() >= kMaxCalls) {
        if (!m_droppedCalls)
            qCWarning(lcProviders) << "a reply made more than" << kMaxCalls << "tool calls; the rest are ignored";
        m_droppedCalls = true;
        return nullptr;
    }
    m_calls.append(Pending{.key = key});
    return &m_calls.last();
}

void ToolCallAssembler::appendBounded(QString &to, const QString &piece)
{
    to += piece.left(qMax<qsizetype>(0, kMaxNameChars - to.size()));
}

void ToolCallAssembler::addChatCompletionsFragment(const QJsonObject &entry, int position)
{
    const QJsonValue index = entry.value(QLatin1String("index"));
    const int key = index.isDouble() ? index.toInt() : position;
    const QString id = entry.value(QLatin1String("id")).toString();
    const QJsonObject function = entry.value(QLatin1String("function")).toObject();

    Pending *call = find(key);
    // Some servers send every call whole at the same index: a new id there is a new call.
    if (!call || (!id.isEmpty() && !call->id.isEmpty() && call->id != id))
        call = open(key);
    if (!call)
        return;
    if (call->id.isEmpty())
        appendBounded(call->id, id);
    appendBounded(call->name, function.value(QLatin1String("name")).toString());
    const QJsonValue arguments = function.value(QLatin1String("arguments"));
    if (arguments.isObject())
        setArgumentsObject(key, arguments.toObject()); // Ollama
    else if (arguments.isString())
        appendArguments(key, arguments.toString());
}

void ToolCallAssembler::begin(int key, const QString &id, const QString &name)
{
    if (Pending *call = open(key)) {
        appendBounded(call->id, id);
        appendBounded(call->name, name);
    }
}

void ToolCallAssembler::appendArguments(int key, QStringView fragment)
{
    Pending *call = find(key);
    if (!call || fragment.isEmpty() || call->overflow || call->object)
        return;
    qsizetype bytes = 0;
    for (const QChar c : fragment) // UTF-8 size; a surrogate pair's halves count 2 each
        bytes += c.unicode() < 0x80 ? 1 : c.unicode() < 0x800 || c.isSurrogate() ? 2 : 3;
    if (call->rawBytes + bytes > kMaxArgumentBytes) {
        qCWarning(lcProviders) << "tool call arguments over" << kMaxArgumentBytes << "bytes; the call is not run";
        call->overflow = true;
        return;
    }
    call->raw += fragment;
    call->rawBytes += bytes;
}

void ToolCallAssembler::setArgumentsObject(int key, const QJsonObject &arguments)
{
    if (Pending *call = find(key); call && !call->overflow && call->raw.isEmpty())
        call->object = arguments;
}

QList<ToolCall> ToolCallAssembler::finish(bool cutOff) const
{
    QList<ToolCall> out;
    out.reserve(m_calls.size());
    for (const Pending &p : m_calls) {
        ToolCall c;
        // A call must be answered by its id; a server that sent none gets one made up.
        c.id = !p.id.isEmpty() ? p.id : QStringLiteral("call_") + QUuid::createUuid().toString(QUuid::Id128).left(24);
        c.name = p.name;
        c.rawArguments = p.object ? QString::fromUtf8(QJsonDocument(*p.object).toJson(QJsonDocument::Compact))
                                  : p.raw;
        if (p.overflow) {
            c.argumentsError = QStringLiteral("The arguments are larger than %1 MiB; the call was not run")
                                   .arg(kMaxArgumentBytes / (1024 * 1024));
        } else if (p.object) {
            c.arguments = *p.object;
        } else if (!p.raw.trimmed().isEmpty()) { // no arguments at all: an empty object
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(p.raw.toUtf8(), &error);
            if (error.error != QJsonParseError::NoError)
                c.argumentsError = cutOff ? QStringLiteral("The arguments were cut off at the reply's token limit")
                                          : QStringLiteral("The arguments are not valid JSON (%1 at offset %2)")
                                                .arg(error.errorString())
                                                .arg(error.offset);
            else if (!doc.isObject())
                c.argumentsError = QStringLiteral("The arguments are not a JSON object");
            else
                c.arguments = doc.object();
        }
        if (c.name.isEmpty() && c.argumentsError.isEmpty())
            c.argumentsError = QStringLiteral("The call names no tool");
        out.append(c);
    }
    return out;
}

} // namespace teehee
