#include "api/httprequestparser.h"

#include "api/httpsyntax.h"

namespace teehee {

QByteArray HttpRequestHead::header(QByteArrayView name) const
{
    for (const auto &[n, v] : headers) {
        if (n == name)
            return v;
    }
    return {};
}

bool HttpRequestHead::headerHasToken(QByteArrayView name, QByteArrayView token) const
{
    for (const auto &[n, v] : headers) {
        if (n != name)
            continue;
        for (const QByteArray &part : v.split(',')) {
            if (httpsyntax::trimmedOws(part).compare(token, Qt::CaseInsensitive) == 0)
                return true;
        }
    }
    return false;
}

bool HttpRequestHead::isWebSocketHandshake() const
{
    if (method != "GET" || http10 || chunked || contentLength != 0)
        return false;
    if (!headerHasToken("upgrade", "websocket") || !headerHasToken("connection", "upgrade"))
        return false;
    if (header("sec-websocket-version") != "13")
        return false;
    const QByteArray key = header("sec-websocket-key");
    return key.size() == 24 && QByteArray::fromBase64(key).size() == 16;
}

} // namespace teehee
