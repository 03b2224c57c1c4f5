// The web client's files: "/" (the page), "/app/<version>/…" (modules, styles,
// libraries; cached for a year, as their URL changes with their content), and
// the manifest, icon and service worker beside the page. None shadows an API
// path: they are registered last, and the page routes with the URL fragment.
#include "api/apicontext.h"
#include "api/routes.h"
#include "api/webclientfiles.h"

#include <QRegularExpression>

namespace teehee {
namespace {

// Whether the request's Accept-Encoding allows a coding (a "q=0" refuses it).
bool accepts(const QByteArray &acceptEncoding, QByteArrayView coding)
{
    for (const QByteArray &item : acceptEncoding.split(',')) {
        const QList<QByteArray> parts = item.split(';');
        if (parts.first().trimmed().toLower() != coding)
            continue;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray param = parts[i].trimmed().toLower();
            if (param.startsWith("q=") && param.mid(2).toDouble() <= 0.0)
                return false;
        }
        return true;
    }
    return false;
}

QByteArray variantTag(const QByteArray &etag, QByteArrayView suffix)
{
    return etag.left(etag.size() - 1) + suffix.toByteArray() + '"';
}

bool matchesAnyTag(const QByteArray &ifNoneMatch, const QByteArrayList &tags)
{
    for (const QByteArray &candidate : ifNoneMatch.split(',')) {
        QByteArray tag = candidate.trimmed();
        if (tag == "*")
            return true;
        if (tag.startsWith("W/"))
            tag = tag.mid(2); // If-None-Match compares weakly
        if (tags.contains(tag))
            return true;
    }
    return false;
}

// connect-src names the page's own host for WebSockets: older browsers do not
// count ws:/wss: as 'self'. A Host header that is not a plain host[:port] is left out.
QByteArray contentSecurityPolicy(const QByteArray &host)
{
    static const QRegularExpression plainHost(QStringLiteral(R"(^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?$)"));
    QByteArray connect = "'self'";
    if (plainHost.match(QString::fromLatin1(host)).hasMatch())
        connect += " ws://" + host + " wss://" + host;
    return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob: https:; "
           "connect-src " + connect + "; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
           "form-action 'self'; manifest-src 'self'; worker-src 'self'";
}

HttpResponse answerFor(const WebClientFiles::File &file, const ApiRequest &request)
{
    QByteArray body = file.identity;
    QByteArray etag = file.etag;
    QByteArray coding;
    const QByteArray acceptEncoding = request.header("accept-encoding");
    if (!file.brotli.isEmpty() && accepts(acceptEncoding, "br")) {
        body = file.brotli;
        coding = "br";
        etag = variantTag(file.etag, "-br");
    } else if (!file.gzip.isEmpty() && accepts(acceptEncoding, "gzip")) {
        body = file.gzip;
        coding = "gzip";
        etag = variantTag(file.etag, "-gz");
    }

    HttpResponse r{200, {}, body, file.contentType};
    const QByteArray ifNoneMatch = request.header("if-none-match");
    if (!ifNoneMatch.isEmpty()
        && matchesAnyTag(ifNoneMatch, {file.etag, variantTag(file.etag, "-br"), variantTag(file.etag, "-gz")})) {
        r.status = 304;
        r.body.clear();
        r.contentType.clear();
    } else if (!coding.isEmpty()) {
        r.withHeader("Content-Encoding", coding);
    }
    r.withHeader("ETag", etag);
    r.withHeader("Vary", "Accept-Encoding");
    r.withHeader("Cache-Control", file.immutable ? "public, max-age=31536000, immutable" : "no-cache");
    r.withHeader("X-Content-Type-Options", "nosniff");
    r.withHeader("Referrer-Policy", "no-referrer");
    if (file.contentType.startsWith("text/html"))
        r.withHeader("Content-Security-Policy", contentSecurityPolicy(request.header("host")));
    return r;
}

} // namespace

void registerWebClientRoutes(ApiContext &ctx)
{
    const WebClientFiles &files = WebClientFiles::embedded();
    if (files.isEmpty())
        return;
    const Handler serve = [&files](const ApiRequest &request, Responder res) {
        const WebClientFiles::File *file = files.find(request.path);
        res.send(file ? answerFor(*file, request) : detailResponse(404, QStringLiteral("Not Found")));
    };
    Router &r = ctx.router();
    for (const QString &path : files.topLevelPaths())
        r.get(path, serve);
    r.get(QStringLiteral("/app/{version}/{file:path}"), serve);
}

} // namespace teehee
