#include "core/jsonescape.h"

namespace teehee {

void appendJsonEscaped(QByteArray &out, QStringView s)
{
    static constexpr char hex[] = "0123456789abcdef";
    const QByteArray utf8 = s.toUtf8();
    out.reserve(out.size() + utf8.size());
    for (const char ch : utf8) {
        const auto u = uchar(ch);
        if (u >= 0x20 && u != '"' && u != '\\') {
            out.append(ch);
            continue;
        }
        out.append('\\');
        switch (u) {
        case '"': out.append('"'); break;
        case '\\': out.append('\\'); break;
        case '\b': out.append('b'); break;
        case '\f': out.append('f'); break;
        case '\n': out.append('n'); break;
        case '\r': out.append('r'); break;
        case '\t': out.append('t'); break;
        default:
            out.append("u00");
            out.append(hex[u >> 4]);
            out.append(hex[u & 0xf]);
        }
    }
}

} // namespace teehee
