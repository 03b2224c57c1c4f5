#include "chat/messagerules.h"

#include <QStringView>

namespace teehee::messagerules {

bool isRole(const QString &role)
{
    return role == u"user" || role == u"assistant" || role == u"system";
}

Status checkText(const QString &text, qint64 maxBytes, const QString &field)
{
    if (text.contains(QChar(u'\0')))
        return Error::invalid(QStringLiteral("%1 must not contain NUL characters").arg(field));
    // Unpaired surrogates cannot be stored as UTF-8 and would come back altered.
    if (!QStringView(text).isValidUtf16())
        return Error::invalid(QStringLiteral("%1 is not valid Unicode text").arg(field));
    // Cheap bound first: UTF-8 needs at most 3 bytes per UTF-16 unit.
    if (maxBytes >= 0 && text.size() * 3 > maxBytes) {
        const qint64 bytes = text.toUtf8().size();
        if (bytes > maxBytes)
            return Error{ErrorCode::TooLarge,
                         QStringLiteral("%1 is %2 bytes long; the limit is %3 bytes").arg(field).arg(bytes).arg(maxBytes)};
    }
    return success();
}

Status checkRole(const QString &role)
{
    if (!isRole(role))
        return Error::invalid(QStringLiteral("role must be \"user\", \"assistant\" or \"system\""));
    return success();
}

Status checkName(const QString &name)
{
    if (name.trimmed().isEmpty())
        return Error::invalid(QStringLiteral("name must not be empty"));
    if (name.size() > kMaxNameChars)
        return Error::invalid(QStringLiteral("name is longer than %1 characters").arg(kMaxNameChars));
    return checkText(name, -1, QStringLiteral("name"));
}

} // namespace teehee::messagerules
