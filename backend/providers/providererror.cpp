#include "providers/providererror.h"

#include <QMetaEnum>
#include <QRegularExpression>

namespace teehee {

bool ProviderError::isTransient() const
{
    switch (kind) {
    case RateLimited:
    case Overloaded:
    case ServerError:
    case Network:
    case Timeout:
    case UpstreamClosed:
        return true;
    default:
        return false;
    }
}

Error ProviderError::toError() const
{
    switch (kind) {
    case None:
        return Error::internal(message);
    case Authentication:
        return {ErrorCode::Unauthorized, message};
    case PermissionDenied:
    case QuotaExceeded:
    case EndpointRefused:
        return {ErrorCode::Forbidden, message};
    case ModelNotFound:
        return {ErrorCode::NotFound, message};
    case BadRequest:
        return {ErrorCode::InvalidInput, message};
    case NoVision:
        return {ErrorCode::UnsupportedType, message, ErrorReason::NoVision};
    case RateLimited:
        return {ErrorCode::RateLimited, message};
    case Overloaded:
    case ServerError:
    case Network:
    case Timeout:
    case UpstreamClosed:
    case Protocol:
        return {ErrorCode::Unavailable, message};
    }
    return Error::internal(message);
}

ProviderError ProviderError::make(Kind kind, QString message, int httpStatus, int retryAfterMs)
{
    ProviderError e;
    e.kind = kind;
    e.message = redactSecrets(std::move(message));
    e.httpStatus = httpStatus;
    e.retryAfterMs = retryAfterMs;
    return e;
}

QString ProviderError::kindName(Kind kind)
{
    return QString::fromLatin1(QMetaEnum::fromType<Kind>().valueToKey(kind));
}

QString redactSecrets(QString text, const QString &secret)
{
    if (!secret.isEmpty())
        text.replace(secret, QStringLiteral("[redacted]"));
    // Provider key shapes: sk-..., sk-ant-..., sk-proj-..., or-v1-..., long bearer tokens.
    static const QRegularExpression keyShape(
        QStringLiteral("\\b(?:sk|rk|pk)-[A-Za-z0-9_\\-*]{6,}|\\bBearer\\s+\\S+|\\b[A-Za-z0-9]{32,}\\b"));
    text.replace(keyShape, QStringLiteral("[redacted]"));
    return text;
}

} // namespace teehee
