#include "api/multipartbody.h"

#include <QList>

namespace teehee {
namespace {

// A parameter of a header value: `boundary=…`, `name="…"`, quoted or not.
QByteArray parameter(const QByteArray &header, const QByteArray &name)
{
    for (QByteArray piece : header.split(';')) {
        piece = piece.trimmed();
        const qsizetype eq = piece.indexOf('=');
        if (eq < 0 || piece.left(eq).trimmed().toLower() != name)
            continue;
        QByteArray value = piece.mid(eq + 1).trimmed();
        if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
            value = value.mid(1, value.size() - 2).replace("\\\"", "\"");
        return value;
    }
    return {};
}

Error malformed(const QString &why)
{
    return Error::invalid(QStringLiteral("file: malformed multipart/form-data body (%1)").arg(why));
}

} // namespace

Result<UploadedFile> multipartFile(const QByteArray &contentType, const QByteArray &body, const QByteArray &field)
{
    const QByteArray boundary = parameter(contentType, "boundary");
    if (boundary.isEmpty() || boundary.size() > 200)
        return malformed(QStringLiteral("no boundary"));
    const QByteArray delimiter = "--" + boundary;
    qsizetype pos = body.indexOf(delimiter);
    if (pos < 0)
        return malformed(QStringLiteral("no part"));
    while (true) {
        pos += delimiter.size();
        if (body.mid(pos, 2) == "--")
            break; // the closing delimiter
        if (body.mid(pos, 2) != "\r\n")
            return malformed(QStringLiteral("bad delimiter line"));
        pos += 2;
        const qsizetype headEnd = body.indexOf("\r\n\r\n", pos);
        if (headEnd < 0)
            return malformed(QStringLiteral("part without headers' end"));
        const qsizetype next = body.indexOf("\r\n" + delimiter, headEnd + 4);
        if (next < 0)
            return malformed(QStringLiteral("unterminated part"));
        QByteArray disposition;
        QByteArray partType;
        for (const QByteArray &line : body.mid(pos, headEnd - pos).split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            if (name == "content-disposition")
                disposition = line.mid(colon + 1).trimmed();
            else if (name == "content-type")
                partType = line.mid(colon + 1).trimmed();
        }
        if (parameter(disposition, "name") == field) {
            UploadedFile file;
            file.name = QString::fromUtf8(parameter(disposition, "filename"));
            file.contentType = QString::fromLatin1(partType);
            file.bytes = body.mid(headEnd + 4, next - (headEnd + 4));
            return file;
        }
        pos = next + 2;
    }
    return Error::invalid(QStringLiteral("file: the form has no \"%1\" part").arg(QString::fromLatin1(field)));
}

} // namespace teehee
