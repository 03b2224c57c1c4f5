#pragma once

#include <QJsonValue>

namespace teehee::jwtclaims {

// A JWT time claim (exp, iat, nbf): seconds since the epoch as a JSON number.
// Beyond year 9999, negative or not finite, it is refused before it becomes an
// integer (converting 1e300 would be undefined behaviour).
// Our tokens and identity providers' ID tokens are read by this one rule.
inline bool epochSeconds(const QJsonValue &v, qint64 *out)
{
    constexpr double kMaxEpochSeconds = 253402300799.0;
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    if (!(d >= 0 && d <= kMaxEpochSeconds)) // NaN fails too
        return false;
    *out = qint64(d);
    return true;
}

} // namespace teehee::jwtclaims
