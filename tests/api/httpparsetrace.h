#pragma once

// What HttpRequestParser makes of a byte stream given in pieces, as one line
// per event: the differential check (pieces against whole) of the fuzz target
// and of tst_httprequestparser, and the corpus expectations, read it.
#include "api/httprequestparser.h"
#include "support/pieces.h"

#include <QByteArrayList>
#include <cstdlib>

namespace teehee::testing {

inline QByteArray describeHead(const HttpRequestHead &h)
{
    QByteArray out = "head " + h.method + ' ' + h.target + (h.http10 ? " 1.0" : " 1.1");
    out += " len=" + QByteArray::number(h.contentLength) + (h.chunked ? " chunked" : "") + (h.keepAlive ? "" : " close");
    for (const auto &[name, value] : h.headers)
        out += " | " + name + ": " + value;
    return out;
}

// Aborts on a broken promise of the parser, so that the fuzzer reports it.
inline void require(bool condition)
{
    if (!condition)
        std::abort();
}

// The largest body limit that may apply to some request.
inline qint64 largestBodyLimit(const HttpParserLimits &limits)
{
    qint64 most = limits.maxBodyBytes;
    for (const HttpRouteBodyLimit &l : limits.routeBodyLimits)
        most = qMax(most, l.maxBodyBytes);
    return most;
}

inline void checkHead(const HttpRequestHead &h, const HttpParserLimits &limits)
{
    require(h.contentLength >= 0 && h.contentLength <= largestBodyLimit(limits));
    require(!(h.chunked && h.contentLength > 0));
    int lengths = 0, encodings = 0;
    for (const auto &[name, value] : h.headers) {
        require(!name.isEmpty());
        for (char c : value)
            require(c != '\r' && c != '\n' && c != '\0');
        lengths += name == "content-length";
        encodings += name == "transfer-encoding";
    }
    require(lengths <= 1 && encodings <= 1 && !(lengths && encodings));
}

inline QByteArrayList traceOf(const QList<QByteArrayView> &pieces, const HttpParserLimits &limits)
{
    HttpRequestParser parser(limits);
    QByteArrayList events;
    for (QByteArrayView piece : pieces) {
        qsizetype offset = 0;
        while (true) {
            qsizetype used = 0;
            const auto step = parser.feed(piece.sliced(offset), used);
            require(used >= 0 && offset + used <= piece.size());
            offset += used;
            if (step == HttpRequestParser::Step::NeedMore) {
                require(offset == piece.size()); // "more" means every byte was taken
                break;
            }
            if (step == HttpRequestParser::Step::Failed) {
                events << "fail " + QByteArray::number(parser.error().status);
                return events;
            }
            if (step == HttpRequestParser::Step::HeadReady) {
                checkHead(parser.head(), limits);
                events << describeHead(parser.head());
            } else {
                const QByteArray body = parser.takeBody();
                require(body.size() <= largestBodyLimit(limits));
                events << "body " + QByteArray::number(body.size()) + ' ' + body.toHex();
            }
        }
    }
    return events;
}

} // namespace teehee::testing
