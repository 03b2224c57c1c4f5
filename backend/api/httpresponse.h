#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

namespace teehee {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

// A complete answer, written by Responder::send.
struct HttpResponse {
    int status = 200;
    HttpHeaders headers;
    QByteArray body;
    QByteArray contentType = QByteArrayLiteral("application/json");

    HttpResponse &withHeader(const QByteArray &name, const QByteArray &value)
    {
        headers.append({name, value});
        return *this;
    }
};

HttpResponse jsonResponse(const QJsonObject &body, int status = 200);
HttpResponse jsonResponse(const QJsonArray &body, int status = 200);
// {"detail": message} with the given status.
HttpResponse detailResponse(int status, const QString &detail);
// Maps an Error to its HTTP status; 401 carries WWW-Authenticate: Bearer,
// 429 carries Retry-After when retryAfterSeconds > 0.
HttpResponse errorResponse(const Error &error, int retryAfterSeconds = 0);
int httpStatusFor(ErrorCode code);
QByteArray reasonPhrase(int status);
// "Name: value\r\n" for each header, in order, as they go on the wire.
QByteArray headerLines(const HttpHeaders &headers);

} // namespace teehee
