// LocalChatClient, continued: files stored for messages (spec/api.md, "Attachments").
#include "localchatclient.h"

#include "backendcalls.h"
#include "recordconversions.h"

#include "chat/attachmentservice.h"
#include "providers/modelcatalogue.h"

namespace teehee::client {

void LocalChatClient::uploadAttachment(QObject *context, const QString &name, const QString &mimeType,
                                       const QByteArray &bytes, Reply<AttachmentInfo> reply)
{
    run(context, [name, mimeType, bytes](Backend &b, const QString &uid) {
        auto stored = b.attachments().upload(uid, name, mimeType, bytes);
        return stored ? Outcome<AttachmentInfo>{convert::attachment(stored.value()), {}}
                      : convert::failed<AttachmentInfo>(stored.error());
    }, reply);
}

void LocalChatClient::attachmentBytes(QObject *context, const QString &attachmentId, Reply<QByteArray> reply)
{
    run(context, [attachmentId](Backend &b, const QString &uid) {
        auto found = b.attachments().download(uid, attachmentId);
        return found ? Outcome<QByteArray>{found->bytes, {}} : convert::failed<QByteArray>(found.error());
    }, reply);
}

std::optional<ModelInfo> LocalChatClient::catalogueModel(const QString &provider, const QString &model) const
{
    for (const CatalogueModel &m : ModelCatalogue::all())
        if (m.provider == provider && m.name == model)
            return ModelInfo{m.name, m.provider, m.description, m.contextTokens, m.images};
    return std::nullopt;
}

} // namespace teehee::client
