#include "messagerows.h"

#include "failuretext.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace teehee::client;

ConversationModel::Status rowStatus(MessageStatus status)
{
    switch (status) {
    case MessageStatus::Streaming: return ConversationModel::Streaming;
    case MessageStatus::Aborted: return ConversationModel::Aborted;
    case MessageStatus::Error: return ConversationModel::Error;
    case MessageStatus::Complete: break;
    }
    return ConversationModel::Complete;
}

ConversationModel::Message rowOf(const MessageInfo &m)
{
    ConversationModel::Message row;
    row.id = m.id;
    row.parentId = m.parentId;
    row.role = m.role;
    row.text = m.text;
    row.reasoning = m.reasoning;
    row.status = rowStatus(m.status);
    row.isPartial = m.isPartial;
    row.siblingIndex = m.siblingIndex;
    row.siblingCount = m.siblingCount;
    row.model = m.model;
    row.provider = m.provider;
    // A saved refusal has a reason: worded here, in the person's language.
    row.error = m.errorReason == Failure::None ? m.error : failureText({m.errorReason, m.error});
    row.errorReason = failureName(m.errorReason);
    row.deleted = m.deleted;
    row.createdAt = m.createdAt;
    row.tokensIn = m.tokensIn;
    row.tokensOut = m.tokensOut;
    row.costUsd = m.costUsd;
    row.rateLimited = m.rateLimited;
    row.attachments = attachmentRows(m.attachments);
    for (const ToolCallInfo &c : m.toolCalls)
        row.toolCalls << toolCallRow(c);
    return row;
}

QVariantMap toolCallRow(const ToolCallInfo &c)
{
    QVariantMap row{{QStringLiteral("callId"), c.callId}, {QStringLiteral("server"), c.server},
                    {QStringLiteral("tool"), c.tool}, {QStringLiteral("status"), c.status}};
    // A result event carries no arguments: the ones shown stay.
    if (!c.arguments.isEmpty() || !c.tool.isEmpty())
        row.insert(QStringLiteral("arguments"), QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(c.arguments))
                                                                      .toJson(QJsonDocument::Indented)).trimmed());
    if (!c.content.isEmpty())
        row.insert(QStringLiteral("content"), c.content);
    return row;
}

QVariantList attachmentRows(const QList<AttachmentInfo> &attachments)
{
    QVariantList out;
    for (const AttachmentInfo &a : attachments)
        out << QVariantMap{{QStringLiteral("id"), a.id}, {QStringLiteral("name"), a.name},
                           {QStringLiteral("mimeType"), a.mimeType}, {QStringLiteral("size"), double(a.size)},
                           {QStringLiteral("isImage"), a.isImage()}, {QStringLiteral("removed"), a.removed}};
    return out;
}

QStringList attachmentIds(const ConversationModel::Message &row)
{
    QStringList ids;
    for (const QVariant &v : row.attachments) {
        const QVariantMap a = v.toMap();
        if (!a.value(QStringLiteral("removed")).toBool())
            ids << a.value(QStringLiteral("id")).toString();
    }
    return ids;
}
