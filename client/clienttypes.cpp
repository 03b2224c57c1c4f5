#include "clienttypes.h"

namespace teehee::client {

MessageStatus TurnEvent::status() const
{
    switch (type) {
    case Type::Completed:
        return MessageStatus::Complete;
    case Type::Aborted:
        return MessageStatus::Aborted;
    case Type::Failed:
        return MessageStatus::Error;
    default:
        return MessageStatus::Streaming;
    }
}

} // namespace teehee::client
