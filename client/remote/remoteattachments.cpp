// RemoteChatClient, continued: files stored for messages (POST and GET /attachments).
#include "remotechatclient.h"

#include "remotejson.h"

#include <QJsonObject>
#include <QUrl>

namespace teehee::client {

void RemoteChatClient::uploadAttachment(QObject *context, const QString &name, const QString &mimeType,
                                        const QByteArray &bytes, Reply<AttachmentInfo> reply)
{
    // The raw body: the server judges the type by the bytes, the declared one only chooses among text types.
    const QByteArray type = mimeType.isEmpty() ? QByteArrayLiteral("application/octet-stream") : mimeType.toLatin1();
    m_link.sendBytes("POST", QStringLiteral("/attachments"), bytes,
                     {{"Content-Type", type}, {"X-Filename", QUrl::toPercentEncoding(name)}}, context,
                     [reply](const Outcome<QByteArray> &out) {
        if (!out.ok())
            return reply({{}, out.error});
        reply({remotejson::attachment(QJsonDocument::fromJson(out.value).object()), {}});
    });
}

void RemoteChatClient::attachmentBytes(QObject *context, const QString &attachmentId, Reply<QByteArray> reply)
{
    m_link.sendBytes("GET", QStringLiteral("/attachments/%1").arg(QString::fromLatin1(QUrl::toPercentEncoding(attachmentId))),
                     {}, {}, context, reply);
}

std::optional<ModelInfo> RemoteChatClient::catalogueModel(const QString &provider, const QString &model) const
{
    for (const ModelInfo &m : m_models) // GET /models: the whole catalogue
        if (m.provider == provider && m.name == model)
            return m;
    return std::nullopt;
}

} // namespace teehee::client
