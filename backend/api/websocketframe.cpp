#include "api/websocketframe.h"

namespace teehee::websocketframe {

QByteArray text(QByteArrayView utf8)
{
    const quint64 size = quint64(utf8.size());
    QByteArray frame;
    frame.reserve(utf8.size() + 10);
    frame.append(char(0x81)); // FIN + text
    if (size < 126) {
        frame.append(char(size));
    } else if (size <= 0xffff) {
        frame.append(char(126));
        frame.append(char(size >> 8));
        frame.append(char(size & 0xff));
    } else {
        frame.append(char(127));
        for (int shift = 56; shift >= 0; shift -= 8)
            frame.append(char((size >> shift) & 0xff));
    }
    frame.append(utf8);
    return frame;
}

} // namespace teehee::websocketframe
