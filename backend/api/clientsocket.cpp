#include "api/clientsocket.h"

namespace teehee {

qint64 ClientSocket::writeData(const char *data, qint64 size)
{
    const QByteArrayView bytes(data, size);
    if (!m_upgradeCors || !bytes.startsWith("HTTP/1.1 101 "))
        return QTcpSocket::writeData(data, size);
    const qsizetype end = bytes.indexOf("\r\n\r\n");
    if (end < 0)
        return QTcpSocket::writeData(data, size);
    QByteArray answer;
    answer.reserve(size + m_upgradeCors->size());
    for (const QByteArray &line : bytes.first(end).toByteArray().split('\n')) {
        if (!line.trimmed().toLower().startsWith("access-control-"))
            answer += line.trimmed() + "\r\n";
    }
    answer += *std::exchange(m_upgradeCors, std::nullopt) + "\r\n";
    answer += bytes.sliced(end + 4);
    const qint64 written = QTcpSocket::writeData(answer.constData(), answer.size());
    // The caller counts its own bytes: all of them, or what failed.
    return written == answer.size() ? size : qMin(written, size);
}

} // namespace teehee
