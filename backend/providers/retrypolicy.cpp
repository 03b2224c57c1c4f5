#include "providers/retrypolicy.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace teehee {

RetryPolicy::RetryPolicy(RetrySettings settings)
    : m_settings(settings)
    , m_random([] { return QRandomGenerator::global()->generateDouble(); })
{
}

bool RetryPolicy::isRetryable(const ProviderError &error)
{
    if (!error.shouldRetryHint)
        return false;
    switch (error.kind) {
    case ProviderError::RateLimited:
    case ProviderError::Overloaded:
    case ProviderError::Network:
    case ProviderError::UpstreamClosed: // closed before any content: a connection failure
        return true;
    case ProviderError::ServerError:
        // Gateways in front of a busy provider (502/504) say the same as 503.
        return error.httpStatus == 502 || error.httpStatus == 504;
    default:
        return false;
    }
}

int RetryPolicy::delayBeforeNextAttempt(int attempt, const ProviderError &error)
{
    if (attempt >= m_settings.maxAttempts || !isRetryable(error))
        return -1;
    const int budget = m_settings.maxTotalWaitMs - m_waitedMs;
    int delay;
    if (error.retryAfterMs >= 0) {
        delay = error.retryAfterMs;
    } else {
        const double backoff = m_settings.baseDelayMs * std::pow(2.0, attempt - 1);
        // Full jitter in the upper half: spread clients out, never wait ~0.
        delay = int(std::min<double>(backoff, m_settings.maxDelayMs) * (0.5 + 0.5 * m_random()));
    }
    if (delay > budget)
        return -1;
    m_waitedMs += delay;
    return delay;
}

} // namespace teehee
