#pragma once

#include "providers/chatrequest.h"
#include "providers/continuationjoiner.h"
#include "providers/errormapping.h"
#include "providers/providerstream.h"
#include "providers/retrypolicy.h"
#include "providers/sseparser.h"
#include "providers/toolcallassembler.h"

#include <QTimer>
#include <QUrl>

namespace teehee {

class HttpStreamRequest;

// The HTTP side shared by every SSE provider: one HttpStreamRequest per
// attempt (on this thread, a connection of its own, so no stream queues
// behind another), SSE parsing straight from the socket's bytes, retries
// before the first token, and the deadlines (connect, first byte, idle in the
// request; total here, across retries), each reported as a timeout of its own.
// Subclasses only speak their wire format.
class HttpProviderStream : public ProviderStream {
    Q_OBJECT
public:
    HttpProviderStream(ChatRequest request, QString providerDisplayName, QObject *parent = nullptr);
    ~HttpProviderStream() override;

    void start() override;
    void abort() override;

    int attempts() const { return m_attempt; }
    const ChatRequest &request() const { return m_request; }

protected:
    virtual QUrl endpoint() const = 0;
    virtual RawHeaders requestHeaders() const = 0; // credentials and API version; never logged
    virtual QByteArray requestBody() const = 0;
    virtual void handleEvent(const SseEvent &event) = 0;
    // How the reply joins the partial text when continuing.
    virtual ContinuationJoiner::Options continuationOptions() const = 0;
    // A new attempt begins: forget per-attempt protocol state.
    virtual void resetAttemptState() {}
    // The body ended cleanly without the end marker: true to accept it as complete.
    virtual bool acceptsEndWithoutMarker() const { return false; }

    // For subclasses, while handling events.
    void deliverText(const QString &delta);      // through the continuation joiner
    void deliverReasoning(const QString &delta) { emitReasoning(delta); }
    // Where handleEvent() puts tool call fragments; reset for every attempt,
    // read by completeStream().
    ToolCallAssembler &toolCallAssembler() { return m_toolAssembler; }
    void completeStream();                       // end marker seen
    void failStream(const ProviderError &error); // error event in the body
    ErrorContext errorContext() const;
    QString providerDisplayName() const { return m_displayName; }

    // "base" + "/path" without doubled or missing slashes.
    static QUrl joinUrl(const QString &base, const QString &path);

private:
    void startAttempt();
    void onHeaders();
    void onBody(QByteArrayView bytes);
    void onFinished();
    void onTotalTimeout();
    ProviderError failureOfRequest() const;
    void handleFailure(const ProviderError &error);
    void releaseRequest();
    void finalize(End end, const ProviderError &error = {});

    ChatRequest m_request;
    QString m_displayName;
    HttpStreamRequest *m_http = nullptr; // this attempt's request, a child; released with deleteLater
    SseParser m_parser;
    QList<SseEvent> m_events;            // reused for every read
    ContinuationJoiner m_joiner;
    ToolCallAssembler m_toolAssembler;
    RetryPolicy m_retry;
    QTimer m_totalTimer;
    QTimer m_retryTimer;
    QByteArray m_errorBody;
    int m_attempt = 0;
    int m_httpStatus = 0;
    bool m_started = false;
    bool m_headersSeen = false;
};

} // namespace teehee
