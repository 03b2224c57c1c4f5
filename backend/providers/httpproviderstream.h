#pragma once

#include "providers/chatrequest.h"
#include "providers/continuationjoiner.h"
#include "providers/errormapping.h"
#include "providers/providerstream.h"
#include "providers/retrypolicy.h"
#include "providers/sseparser.h"

#include <QElapsedTimer>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>

class QNetworkAccessManager;
class QNetworkReply;

namespace teehee {

// The HTTP side shared by every SSE provider: one QNetworkAccessManager per
// stream (so no stream ever queues behind QNAM's 6-connections-per-host
// limit), the reply it owns, SSE parsing, retries before the first token, and
// three deadlines of its own (first byte, idle, total) so that a timeout is
// always reported as a timeout and never mistaken for an abort.
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
    virtual QNetworkRequest networkRequest() const = 0;
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
    void completeStream();                       // end marker seen
    void failStream(const ProviderError &error); // error event in the body
    ErrorContext errorContext() const;
    QString providerDisplayName() const { return m_displayName; }

    // "base" + "/path" without doubled or missing slashes.
    static QUrl joinUrl(const QString &base, const QString &path);

private:
    void startAttempt();
    void onMetaData();
    void onReadyRead();
    void onFinished();
    void onTimeout(int which);
    void handleFailure(const ProviderError &error);
    void releaseReply();
    void releaseNetwork();  // the reply, then the leased manager
    void stopTimers();
    void finalize(End end, const ProviderError &error = {});

    ChatRequest m_request;
    QString m_displayName;
    QNetworkAccessManager *m_nam = nullptr;  // leased from NetworkPool
    QUrl m_namUrl;
    QPointer<QNetworkReply> m_reply;
    SseParser m_parser;
    ContinuationJoiner m_joiner;
    RetryPolicy m_retry;
    QTimer m_firstByteTimer;
    QTimer m_idleTimer;
    QTimer m_totalTimer;
    QTimer m_retryTimer;
    QElapsedTimer m_sinceData; // since the headers or the last bytes of the body
    QByteArray m_errorBody;
    int m_attempt = 0;
    int m_httpStatus = 0;
    bool m_started = false;
    bool m_headersSeen = false;
};

} // namespace teehee
