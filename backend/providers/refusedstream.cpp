#include "providers/refusedstream.h"

#include <QTimer>

namespace teehee {

RefusedStream::RefusedStream(ProviderError error, QObject *parent) : ProviderStream(parent), m_error(std::move(error)) {}

void RefusedStream::start()
{
    // Ended from the event loop, as a provider's answer would be: the caller
    // has connected to and published the reply's start by then.
    QTimer::singleShot(0, this, [this] { endWith(End::Failed, m_error); });
}

void RefusedStream::abort()
{
    endWith(End::Aborted);
}

} // namespace teehee
