#include "providers/attachmentparts.h"

#include <QJsonObject>

namespace teehee::attachmentparts {
namespace {

QJsonObject textPart(const QString &text)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), text}};
}

QString dataUrl(const ChatAttachment &a)
{
    return QStringLiteral("data:%1;base64,%2").arg(a.mimeType, QString::fromLatin1(a.bytes.toBase64()));
}

QJsonObject base64Source(const ChatAttachment &a)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("base64")},
                       {QStringLiteral("media_type"), a.mimeType},
                       {QStringLiteral("data"), QString::fromLatin1(a.bytes.toBase64())}};
}

} // namespace

QString textFileBlock(const ChatAttachment &a)
{
    return QStringLiteral("Attached file \"%1\" (%2):\n\n%3").arg(a.name, a.mimeType, QString::fromUtf8(a.bytes));
}

QString removedNote(const ChatAttachment &a)
{
    return QStringLiteral("[The attached file \"%1\" was removed and is no longer available.]").arg(a.name);
}

QString unreadablePdfNote(const ChatAttachment &a)
{
    return QStringLiteral("[A PDF file \"%1\" was attached, but this model takes no PDF files and its text "
                          "could not be extracted, so its content is not included.]").arg(a.name);
}

QJsonValue chatCompletionsContent(const ChatMessage &m, ImageForm form)
{
    if (m.attachments.isEmpty())
        return m.text;
    QJsonArray parts;
    if (!m.text.isEmpty())
        parts.append(textPart(m.text));
    for (const ChatAttachment &a : m.attachments) {
        if (a.removed) {
            parts.append(textPart(removedNote(a)));
        } else if (a.isImage()) {
            const QJsonValue url = form == ImageForm::Mistral
                                       ? QJsonValue(dataUrl(a))
                                       : QJsonValue(QJsonObject{{QStringLiteral("url"), dataUrl(a)}});
            parts.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("image_url")},
                                     {QStringLiteral("image_url"), url}});
        } else if (a.isPdf()) {
            parts.append(textPart(unreadablePdfNote(a)));
        } else {
            parts.append(textPart(textFileBlock(a)));
        }
    }
    return parts;
}

QJsonValue anthropicContent(const ChatMessage &m)
{
    if (m.attachments.isEmpty())
        return m.text;
    QJsonArray blocks;
    for (const ChatAttachment &a : m.attachments) {
        if (a.removed) {
            blocks.append(textPart(removedNote(a)));
        } else if (a.isImage()) {
            blocks.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("image")}, {QStringLiteral("source"), base64Source(a)}});
        } else if (a.isPdf()) {
            blocks.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("document")},
                                      {QStringLiteral("source"), base64Source(a)},
                                      {QStringLiteral("title"), a.name}});
        } else {
            blocks.append(textPart(textFileBlock(a)));
        }
    }
    // Text blocks must not be empty (400).
    if (!m.text.trimmed().isEmpty())
        blocks.append(textPart(m.text));
    return blocks;
}

} // namespace teehee::attachmentparts
