#include "core/jsonescape.h"

#include <QChar>

namespace teehee {

// Straight from UTF-16 into UTF-8, without a temporary per string. Input is
// valid UTF-16 (MessageRules refuses lone surrogates); a stray one is written
// as U+FFFD like QString::toUtf8 does.
void appendJsonEscaped(QByteArray &out, QStringView s)
{
    static constexpr char hex[] = "0123456789abcdef";
    const char16_t *p = s.utf16();
    const char16_t *end = p + s.size();
    const qsizetype start = out.size();
    out.resize(start + s.size() * 3); // worst case without escapes; grown below for those
    char *w = out.data() + start;
    auto ensure = [&](qsizetype more) {
        const qsizetype used = w - out.data();
        if (used + more > out.size()) {
            out.resize(used + more + (end - p) * 3 + 16);
            w = out.data() + used;
        }
    };
    for (; p < end; ++p) {
        const char16_t c = *p;
        if (c < 0x80) {
            if (c >= 0x20 && c != u'"' && c != u'\\') {
                *w++ = char(c);
                continue;
            }
            ensure(6);
            *w++ = '\\';
            switch (c) {
            case u'"': *w++ = '"'; break;
            case u'\\': *w++ = '\\'; break;
            case u'\n': *w++ = 'n'; break;
            case u'\r': *w++ = 'r'; break;
            case u'\t': *w++ = 't'; break;
            case u'\b': *w++ = 'b'; break;
            case u'\f': *w++ = 'f'; break;
            default:
                *w++ = 'u', *w++ = '0', *w++ = '0', *w++ = hex[c >> 4], *w++ = hex[c & 15];
            }
        } else if (c < 0x800) {
            *w++ = char(0xc0 | (c >> 6));
            *w++ = char(0x80 | (c & 0x3f));
        } else if (QChar::isHighSurrogate(c) && p + 1 < end && QChar::isLowSurrogate(p[1])) {
            const char32_t u = QChar::surrogateToUcs4(c, p[1]);
            ++p;
            *w++ = char(0xf0 | (u >> 18));
            *w++ = char(0x80 | ((u >> 12) & 0x3f));
            *w++ = char(0x80 | ((u >> 6) & 0x3f));
            *w++ = char(0x80 | (u & 0x3f));
        } else {
            const char16_t v = QChar::isSurrogate(c) ? char16_t(0xfffd) : c;
            *w++ = char(0xe0 | (v >> 12));
            *w++ = char(0x80 | ((v >> 6) & 0x3f));
            *w++ = char(0x80 | (v & 0x3f));
        }
    }
    out.resize(w - out.data());
}

} // namespace teehee
