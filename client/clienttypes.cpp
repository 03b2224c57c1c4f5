#include "clienttypes.h"

#include <QJsonObject>

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

QString teehee::client::toolDecisionName(ToolDecision decision)
{
    switch (decision) {
    case ToolDecision::AllowOnce: return QStringLiteral("allow_once");
    case ToolDecision::AllowAlways: return QStringLiteral("allow_always");
    case ToolDecision::Deny: break;
    }
    return QStringLiteral("deny");
}

QList<teehee::client::ToolCallInfo> teehee::client::toolCallsFromJson(const QJsonArray &calls)
{
    QList<ToolCallInfo> out;
    for (const QJsonValue &v : calls) {
        const QJsonObject o = v.toObject();
        out << ToolCallInfo{o.value(u"call_id").toString(), o.value(u"server").toString(),
                            o.value(u"tool").toString(), o.value(u"arguments").toObject().toVariantMap(),
                            o.value(u"status").toString(), o.value(u"content").toString(),
                            o.value(u"round").toInt(), o.value(u"text_offset").toInt(-1)};
    }
    return out;
}
