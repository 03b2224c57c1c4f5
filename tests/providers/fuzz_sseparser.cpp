// libFuzzer target (built when the compiler is Clang; see CMakeLists.txt):
// SseParser and NdjsonParser must never crash, and feeding an input in
// pieces must give exactly what feeding it whole gives. The first input byte
// picks the fragmentation; the rest is the stream. tst_ssefuzz does the same
// (plus the providers' event decoding) as a randomized QtTest for GCC builds.
#include "providers/ndjsonparser.h"
#include "providers/sseparser.h"
#include "support/pieces.h"

#include <cstdint>
#include <cstdlib>

using namespace teehee;
using teehee::testing::piecesOf;

namespace {

struct SseResult {
    QList<SseEvent> events;
    QString lastId;
    qint64 retry = -1;
    bool dropped = false;
    bool operator==(const SseResult &) const = default;
};

SseResult sse(const QList<QByteArrayView> &pieces)
{
    SseParser p;
    SseResult r;
    for (QByteArrayView piece : pieces)
        p.feed(piece, r.events);
    r.lastId = p.lastEventId();
    r.retry = p.reconnectionTimeMs();
    r.dropped = p.finish();
    return r;
}

QList<QByteArray> ndjson(const QList<QByteArrayView> &pieces)
{
    NdjsonParser p;
    QList<QByteArray> lines;
    for (QByteArrayView piece : pieces)
        p.feed(piece, lines);
    lines.append(p.finish());
    return lines;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1)
        return 0;
    const QByteArrayView bytes(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    const QList<QByteArrayView> pieces = piecesOf(bytes, data[0]);
    if (!(sse({bytes}) == sse(pieces)))
        std::abort();
    if (ndjson({bytes}) != ndjson(pieces))
        std::abort();
    return 0;
}
