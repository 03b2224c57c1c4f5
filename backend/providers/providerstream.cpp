#include "providers/providerstream.h"

namespace teehee {

void ProviderStream::emitText(const QString &text)
{
    if (text.isEmpty() || isFinished())
        return;
    m_emittedContent = true;
    m_text += text;
    Q_EMIT textDelta(text);
}

void ProviderStream::emitReasoning(const QString &text)
{
    if (text.isEmpty() || isFinished())
        return;
    m_emittedContent = true;
    Q_EMIT reasoningDelta(text);
}

void ProviderStream::emitUsage(int inputTokens, int outputTokens, int cachedTokens)
{
    if (isFinished())
        return;
    if (cachedTokens >= 0)
        m_cachedTokens = cachedTokens;
    if (inputTokens == m_inputTokens && outputTokens == m_outputTokens)
        return;
    m_inputTokens = inputTokens;
    m_outputTokens = outputTokens;
    Q_EMIT usage(inputTokens, outputTokens);
}

void ProviderStream::setFinishReason(const QString &reason)
{
    if (reason.isEmpty() || reason == m_finishReason || isFinished())
        return;
    m_finishReason = reason;
    Q_EMIT finishReasonChanged(reason);
}

void ProviderStream::endWith(End end, const ProviderError &error)
{
    if (isFinished() || end == End::None)
        return;
    if (end == End::Completed && !m_toolCalls.isEmpty()) {
        Q_EMIT toolCallsReady(m_toolCalls);
        if (isFinished()) // a receiver aborted the stream
            return;
    } else if (end != End::Completed) {
        m_toolCalls.clear(); // the calls of a reply that did not complete are never run
    }
    m_end = end;
    m_error = error;
    Q_EMIT ended(end, error);
}

} // namespace teehee
