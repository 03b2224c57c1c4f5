#pragma once

#include "providers/chatrequest.h"
#include "providers/providererror.h"

#include <functional>

namespace teehee {

// Decides whether a failed attempt is tried again, and after how long.
// Only failures before the first token qualify (the caller checks that):
// 429 (not a used-up quota), 503, 529 / overloaded, and connection failures.
// Retry-After is honoured when it fits in the wait budget; a longer one is
// reported to the person instead of being waited out.
class RetryPolicy {
public:
    explicit RetryPolicy(RetrySettings settings = {});

    // `attempt` is the number of tries made so far (1 after the first).
    // Returns the delay in ms before the next try, or -1 for "give up".
    int delayBeforeNextAttempt(int attempt, const ProviderError &error);

    static bool isRetryable(const ProviderError &error);

    int totalWaitedMs() const { return m_waitedMs; }

    // Jitter source in [0, 1); replaceable so tests are deterministic.
    void setRandom(std::function<double()> random) { m_random = std::move(random); }

private:
    RetrySettings m_settings;
    int m_waitedMs = 0;
    std::function<double()> m_random;
};

} // namespace teehee
