#include "clienttypes.h"

namespace teehee::client {

bool AttachmentInfo::isImage() const
{
    // The types the server takes as images (and a thumbnail can show).
    return mimeType == u"image/png" || mimeType == u"image/jpeg" || mimeType == u"image/gif" || mimeType == u"image/webp";
}

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
