#pragma once

#include "providers/errormapping.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace teehee {

// An HTTP/1.1 request (`method`: POST, or GET without a body) to `url`, as it goes on the wire: request line,
// Host, the given headers, a User-Agent and "Accept-Encoding: identity" unless
// given, Content-Length, and "Connection: close" when `closeAfter`. Empty,
// with `*problem` set, for a URL that is not http(s) or a header value with a
// line break (a pasted key would smuggle in headers of its own).
QByteArray httpRequestBytes(const QByteArray &method, const QUrl &url, const RawHeaders &headers, const QByteArray &body, bool closeAfter,
                            QString *problem);

} // namespace teehee
