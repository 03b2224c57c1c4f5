#pragma once

#include "core/error.h"

#include <QMetaType>
#include <QObject>
#include <QString>

namespace teehee {

// A failure of a provider call, typed so that callers can decide (retry,
// ask for a new key, show a countdown) and worded so that a person can act.
class ProviderError {
    Q_GADGET
public:
    enum Kind {
        None,
        Authentication,   // key missing, wrong or revoked (401)
        PermissionDenied, // key valid but not allowed (403, region, billing)
        ModelNotFound,    // unknown model or no access to it (404)
        BadRequest,       // the provider refused the request (400, 413, 422)
        RateLimited,      // 429; retryAfterMs tells when to try again, if known
        QuotaExceeded,    // out of credit / spend limit: retrying will not help
        Overloaded,       // 503, 529, overloaded_error
        ServerError,      // 500 and other 5xx
        Network,          // no connection, DNS, TLS, refused
        Timeout,          // first byte, idle or total deadline passed
        UpstreamClosed,   // the provider closed the stream before its end marker
        Protocol,         // the provider answered something unparseable
        EndpointRefused,  // the endpoint's address is not allowed here (private network)
        NoVision,         // the model takes no images and the request holds one (refused before sending)
    };
    Q_ENUM(Kind)

    Kind kind = None;
    QString message;      // for a person; never contains a secret
    int httpStatus = 0;   // 0 when no HTTP answer
    int retryAfterMs = -1; // from Retry-After / retry-after-ms, -1 when unknown
    bool shouldRetryHint = true; // false when the provider said x-should-retry: false

    bool isError() const { return kind != None; }
    // Whether retrying the same request later can succeed.
    bool isTransient() const;
    // The product-wide error value (maps to an HTTP status in the API layer).
    Error toError() const;

    static ProviderError make(Kind kind, QString message, int httpStatus = 0, int retryAfterMs = -1);
    static QString kindName(Kind kind);
};

// Removes `secret` (and anything shaped like a provider API key) from text
// that came from outside, so that no error or log line can leak a key.
QString redactSecrets(QString text, const QString &secret = {});

} // namespace teehee

Q_DECLARE_METATYPE(teehee::ProviderError)
