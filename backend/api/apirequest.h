#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QUrlQuery>

namespace teehee {

// A request as routes see it: its own copy of what the parser framed, because
// the connection goes on with the next request while a deferred answer may
// still be in progress.
struct ApiRequest {
    QByteArray method;                      // "GET", "POST", ...
    QString path;                           // decoded, without the query
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers;  // names lower-case
    QByteArray body;
    QHostAddress remoteAddress;
    bool overTls = false;                   // the connection is TLS (HTTPS)
    QHash<QString, QString> params;         // path parameters by name
    QString requestId;

    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    QString param(const QString &name) const { return params.value(name); }
    // The bearer token of the Authorization header, empty when absent.
    QByteArray bearerToken() const;
    // The body as a JSON object: InvalidInput "Malformed JSON" (answered 400
    // by jsonBodyError) when it is not one. An empty body is an empty object.
    Result<QJsonObject> jsonObject() const;
};

} // namespace teehee
