#pragma once

// Records everything a ProviderStream emits, for assertions in tests.

#include "providers/providerstream.h"

#include <QSignalSpy>
#include <QStringList>

namespace teehee::test {

class StreamRecorder {
public:
    explicit StreamRecorder(ProviderStream *stream)
        : m_endSpy(stream, &ProviderStream::ended)
    {
        QObject::connect(stream, &ProviderStream::textDelta, stream, [this](const QString &t) { deltas << t; });
        QObject::connect(stream, &ProviderStream::reasoningDelta, stream, [this](const QString &t) { reasoning += t; });
        QObject::connect(stream, &ProviderStream::usage, stream, [this](int in, int out) {
            inputTokens = in;
            outputTokens = out;
        });
        QObject::connect(stream, &ProviderStream::toolCallsReady, stream, [this](const QList<ToolCall> &calls) {
            ++toolCallsReadyCount;
            toolCalls = calls;
            toolCallsBeforeEnd = endCount == 0;
        });
        QObject::connect(stream, &ProviderStream::retrying, stream,
                         [this](int, int delayMs, const ProviderError &) { retryDelays << delayMs; });
        QObject::connect(stream, &ProviderStream::ended, stream,
                         [this](ProviderStream::End e, const ProviderError &err) {
                             ++endCount;
                             end = e;
                             error = err;
                         });
    }

    // Waits for the single ended() signal.
    bool waitForEnd(int timeoutMs = 5000)
    {
        return endCount > 0 || m_endSpy.wait(timeoutMs);
    }

    QString text() const { return deltas.join(QString()); }

    QStringList deltas;
    QString reasoning;
    int inputTokens = -1;
    int outputTokens = -1;
    QList<int> retryDelays;
    QList<ToolCall> toolCalls; // as toolCallsReady() gave them
    int toolCallsReadyCount = 0;
    bool toolCallsBeforeEnd = false;
    int endCount = 0;
    ProviderStream::End end = ProviderStream::End::None;
    ProviderError error;

private:
    QSignalSpy m_endSpy;
};

} // namespace teehee::test
