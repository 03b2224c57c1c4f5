// libFuzzer target for the request parser (built with Clang by tests/fuzz/,
// run for a bounded time by scripts/test.sh): it must never crash, never
// break its promises (one framing header, no CR/LF/NUL in a value, bodies
// within the limit), and feeding the bytes in pieces must give exactly what
// feeding them whole gives. The first byte picks the pieces; small limits
// make the limit paths reachable.
#include "httpparsetrace.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace teehee;
    if (size < 1)
        return 0;
    const QByteArrayView bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const HttpParserLimits limits{512, 4096, 16};
    const QByteArrayList whole = testing::traceOf({bytes}, limits);
    const QByteArrayList pieces = testing::traceOf(testing::piecesOf(bytes, data[0]), limits);
    testing::require(whole == pieces);
    return 0;
}
