#pragma once

// Files for the attachment tests: bytes of each accepted kind, and uploads
// through POST /attachments.
#include "generationfixture.h"

#include <QJsonObject>

namespace attachfixture {

using namespace genfixture;

// The PNG signature and the start of an IHDR chunk: what the type is judged by.
inline QByteArray pngBytes()
{
    static const char bytes[] = "\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00";
    return QByteArray(bytes, sizeof(bytes) - 1);
}
inline QByteArray pdfBytes() { return QByteArrayLiteral("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"); }

inline QList<QPair<QByteArray, QByteArray>> auth(const QByteArray &token)
{
    return {{QByteArray("Authorization"), "Bearer " + token}};
}

// POST /attachments with the raw bytes.
inline HttpTestResponse upload(Fixture &f, const QByteArray &bytes, const QByteArray &type, const QByteArray &name,
                               const QByteArray &token = {})
{
    auto headers = auth(token.isEmpty() ? f.token : token);
    if (!type.isEmpty())
        headers.append({QByteArray("Content-Type"), type});
    if (!name.isEmpty())
        headers.append({QByteArray("X-Filename"), name});
    return f.server->client().request("POST", QStringLiteral("/attachments"), bytes, headers);
}

// The id of an uploaded file; empty (with a warning) when refused.
inline QString uploaded(Fixture &f, const QByteArray &bytes, const QByteArray &type, const QByteArray &name)
{
    const HttpTestResponse r = upload(f, bytes, type, name);
    if (r.status != 201)
        qWarning() << "upload refused:" << r.status << r.body;
    return r.status == 201 ? r.object().value(QStringLiteral("id")).toString() : QString();
}

} // namespace attachfixture
