#pragma once

#include "providers/providerstream.h"

namespace teehee {

// A stream that fails as soon as it starts, without a byte sent upstream:
// the request was judged unfit before any connection (a model that takes no
// images, asked about one). The failure reaches clients as any other reply's
// does (a stream_error with its reason), and the reply stays retryable.
class RefusedStream : public ProviderStream {
    Q_OBJECT
public:
    RefusedStream(ProviderError error, QObject *parent = nullptr);

    void start() override;
    void abort() override;

private:
    ProviderError m_error;
};

} // namespace teehee
