#pragma once

// Cuts a byte stream into pieces for the parsers' split and fuzz tests: the
// same bytes in pieces must parse as they do whole.
#include <QByteArrayView>
#include <QList>

namespace teehee::testing {

// Piece sizes cycle through 1..(k % 16 + 1) so that cuts land everywhere.
inline QList<QByteArrayView> piecesOf(QByteArrayView bytes, unsigned k)
{
    QList<QByteArrayView> pieces;
    const qsizetype period = qsizetype(k % 16 + 1);
    qsizetype len = 1 + qsizetype(k >> 4) % period;
    for (qsizetype off = 0; off < bytes.size();) {
        const qsizetype n = qMin(len, bytes.size() - off);
        pieces.append(bytes.sliced(off, n));
        off += n;
        len = len % period + 1;
    }
    return pieces;
}

} // namespace teehee::testing
