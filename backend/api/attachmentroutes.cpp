#include "api/apicontext.h"
#include "api/multipartbody.h"
#include "api/routes.h"
#include "backend.h"
#include "chat/attachmentservice.h"

#include <QUrl>

namespace teehee {
namespace {

// `attachment; filename="…"` with only safe ASCII in the quoted form, and the
// full name in RFC 8187 form: a name cannot break the header or hide a path.
QByteArray contentDisposition(const QString &name)
{
    QByteArray ascii;
    for (QChar c : name)
        ascii += (c.unicode() >= 0x20 && c.unicode() < 0x7f && c != u'"' && c != u'\\' && c != u'/') ? char(c.unicode()) : '_';
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + QUrl::toPercentEncoding(name);
}

} // namespace

void registerAttachmentRoutes(ApiContext &ctx)
{
    Router &r = ctx.router();
    Backend &backend = ctx.backend();

    // The raw bytes with Content-Type and X-Filename, or a multipart form with one `file` part.
    r.post(QStringLiteral("/attachments"), ctx.authed([&backend](const ApiRequest &req, const AuthUser &user, Responder res) {
        const QByteArray contentType = req.header("content-type");
        QString name = QUrl::fromPercentEncoding(req.header("x-filename"));
        QString type = QString::fromLatin1(contentType);
        QByteArray bytes = req.body;
        if (contentType.trimmed().toLower().startsWith("multipart/form-data")) {
            auto file = multipartFile(contentType, req.body, "file");
            if (!file)
                return res.send(file.error());
            name = file->name.isEmpty() ? name : file->name;
            type = file->contentType;
            bytes = std::move(file->bytes);
        }
        auto stored = backend.attachments().upload(user.id, name, type, bytes);
        if (!stored)
            return res.send(stored.error());
        res.send(jsonResponse(AttachmentService::toJson(stored.value()), 201));
    }));

    r.get(QStringLiteral("/attachments/{attachment_id:uuid}"),
          ctx.authed([&backend](const ApiRequest &req, const AuthUser &user, Responder res) {
        auto found = backend.attachments().download(user.id, req.param(QStringLiteral("attachment_id")));
        if (!found)
            return res.send(found.error());
        HttpResponse answer{200, {}, found->bytes, found->mimeType.toLatin1()};
        if (found->mimeType.startsWith(u"text/") || found->mimeType == u"application/json")
            answer.contentType += "; charset=utf-8";
        answer.withHeader("Content-Disposition", contentDisposition(found->name))
            .withHeader("X-Content-Type-Options", "nosniff")
            // Served as a download, never run as a page of this origin.
            .withHeader("Content-Security-Policy", "default-src 'none'; sandbox")
            .withHeader("Cache-Control", "private, max-age=3600");
        res.send(std::move(answer));
    }));

    r.del(QStringLiteral("/attachments/{attachment_id:uuid}"),
          ctx.authed([&backend](const ApiRequest &req, const AuthUser &user, Responder res) {
        if (auto st = backend.attachments().remove(user.id, req.param(QStringLiteral("attachment_id"))); !st)
            return res.send(st.error());
        res.send(jsonResponse(QJsonObject{{QStringLiteral("message"), QStringLiteral("Attachment deleted")}}));
    }));
}

} // namespace teehee
