#include "api/clientsocket.h"

namespace teehee {

std::optional<QByteArray> UpgradeCorsFilter::rewritten(QByteArrayView bytes)
{
    if (!m_upgradeCors || !bytes.startsWith("HTTP/1.1 101 "))
        return std::nullopt;
    const qsizetype end = bytes.indexOf("\r\n\r\n");
    if (end < 0)
        return std::nullopt;
    QByteArray answer;
    answer.reserve(bytes.size() + m_upgradeCors->size());
    for (const QByteArray &line : bytes.first(end).toByteArray().split('\n')) {
        if (!line.trimmed().toLower().startsWith("access-control-"))
            answer += line.trimmed() + "\r\n";
    }
    answer += *std::exchange(m_upgradeCors, std::nullopt) + "\r\n";
    answer += bytes.sliced(end + 4);
    return answer;
}

namespace {
// The caller counts its own bytes: all of them, or what failed.
qint64 countedAsCallers(qint64 written, qint64 rewrittenSize, qint64 size)
{
    return written == rewrittenSize ? size : qMin(written, size);
}
} // namespace

qint64 ClientSocket::writeData(const char *data, qint64 size)
{
    const auto answer = rewritten(QByteArrayView(data, size));
    if (!answer)
        return QTcpSocket::writeData(data, size);
    return countedAsCallers(QTcpSocket::writeData(answer->constData(), answer->size()), answer->size(), size);
}

qint64 TlsClientSocket::writeData(const char *data, qint64 size)
{
    const auto answer = rewritten(QByteArrayView(data, size));
    if (!answer)
        return QSslSocket::writeData(data, size);
    return countedAsCallers(QSslSocket::writeData(answer->constData(), answer->size()), answer->size(), size);
}

} // namespace teehee
