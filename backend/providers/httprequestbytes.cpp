#include "providers/httprequestbytes.h"

namespace teehee {

namespace {

bool hasHeader(const RawHeaders &headers, QByteArrayView name)
{
    for (const auto &h : headers) {
        if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

QByteArray httpRequestBytes(const QByteArray &method, const QUrl &url, const RawHeaders &headers, const QByteArray &body, bool closeAfter,
                            QString *problem)
{
    const QString scheme = url.scheme().toLower();
    if ((scheme != QLatin1String("http") && scheme != QLatin1String("https")) || url.host().isEmpty()) {
        *problem = QStringLiteral("not an http:// or https:// address");
        return {};
    }
    QByteArray target = url.path(QUrl::FullyEncoded).toLatin1();
    if (target.isEmpty())
        target = "/";
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']'; // IPv6 literal
    if (url.port() != -1)
        host += ':' + QByteArray::number(url.port());

    QByteArray out;
    out.reserve(512 + body.size());
    out += method + ' ' + target + " HTTP/1.1\r\nHost: " + host + "\r\n";
    for (const auto &[name, value] : headers) {
        // A line break in a value (say, a pasted key) would smuggle in headers of its own.
        if (name.contains('\r') || name.contains('\n') || value.contains('\r') || value.contains('\n')
            || name.contains('\0') || value.contains('\0')) {
            *problem = QStringLiteral("a request header contains a line break");
            return {};
        }
        out += name + ": " + value + "\r\n";
    }
    if (!hasHeader(headers, "User-Agent"))
        out += "User-Agent: Teehee/" TEEHEE_VERSION "\r\n";
    // The body is parsed as it comes; a compressed one could not be.
    if (!hasHeader(headers, "Accept-Encoding"))
        out += "Accept-Encoding: identity\r\n";
    if (method != "GET" || !body.isEmpty())
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    if (closeAfter)
        out += "Connection: close\r\n"; // HTTP/1.1 keeps it open otherwise
    out += "\r\n";
    out += body;
    return out;
}

} // namespace teehee
