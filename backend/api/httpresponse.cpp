#include "api/httpresponse.h"

#include <QJsonDocument>

namespace teehee {

HttpResponse jsonResponse(const QJsonObject &body, int status)
{
    return HttpResponse{status, {}, QJsonDocument(body).toJson(QJsonDocument::Compact)};
}

HttpResponse jsonResponse(const QJsonArray &body, int status)
{
    return HttpResponse{status, {}, QJsonDocument(body).toJson(QJsonDocument::Compact)};
}

HttpResponse detailResponse(int status, const QString &detail)
{
    auto r = jsonResponse(QJsonObject{{QStringLiteral("detail"), detail}}, status);
    if (status == 401)
        r.withHeader("WWW-Authenticate", "Bearer");
    return r;
}

int httpStatusFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidInput: return 422;
    case ErrorCode::NotFound: return 404;
    case ErrorCode::Conflict: return 409;
    case ErrorCode::Unauthorized: return 401;
    case ErrorCode::Forbidden: return 403;
    case ErrorCode::TooLarge: return 413;
    case ErrorCode::UnsupportedType: return 415;
    case ErrorCode::RateLimited: return 429;
    case ErrorCode::Unavailable: return 503;
    case ErrorCode::Database: return 500;
    case ErrorCode::Internal: return 500;
    }
    return 500;
}

HttpResponse errorResponse(const Error &error, int retryAfterSeconds)
{
    const int status = httpStatusFor(error.code);
    // Database and internal details stay in the log; the client gets a plain sentence.
    const QString detail = status == 500 ? QStringLiteral("Internal server error") : error.message;
    QJsonObject body{{QStringLiteral("detail"), detail}};
    // An addition to {"detail"}: the typed cause ("reply_running", "no_key"),
    // so a client words it in its own language instead of parsing English.
    if (const QString reason = errorReasonName(error.reason); status != 500 && !reason.isEmpty())
        body.insert(QStringLiteral("reason"), reason);
    auto r = jsonResponse(body, status);
    if (status == 401)
        r.withHeader("WWW-Authenticate", "Bearer");
    if (status == 429 && retryAfterSeconds > 0)
        r.withHeader("Retry-After", QByteArray::number(retryAfterSeconds));
    return r;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100: return "Continue";
    case 101: return "Switching Protocols";
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 417: return "Expectation Failed";
    case 426: return "Upgrade Required";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    default: return "Status";
    }
}

QByteArray headerLines(const HttpHeaders &headers)
{
    QByteArray out;
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    return out;
}

} // namespace teehee
