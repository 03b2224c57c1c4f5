#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QString>

namespace teehee {

// One file from a multipart/form-data body (RFC 7578).
struct UploadedFile {
    QString name;         // the part's filename
    QString contentType;  // the part's Content-Type, empty when absent
    QByteArray bytes;
};

// The part named `field` of a multipart/form-data body whose Content-Type
// header is `contentType`; InvalidInput when the body is malformed or has no
// such part. Pure.
Result<UploadedFile> multipartFile(const QByteArray &contentType, const QByteArray &body, const QByteArray &field);

} // namespace teehee
