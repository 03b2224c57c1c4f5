#include "screenshotdevice.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QUrl>
#include <QUrlQuery>

#include <utility>

void ScreenshotDevice::pairAndStream(const QString &pairingUrl, const QString &deviceName, const QString &chatName,
                                     const QString &prompt, std::function<void(const QString &)> approve)
{
    const QUrl url(pairingUrl);
    const QUrlQuery fragment(url.fragment());
    const QString pinned = fragment.queryItemValue(QStringLiteral("fp"));
    const QString code = fragment.queryItemValue(QStringLiteral("pair"));
    m_chatName = chatName;
    m_prompt = prompt;
    connect(&m_socket, &QSslSocket::sslErrors, this, [this, pinned](const QList<QSslError> &errors) {
        if (QString::fromLatin1(m_socket.peerCertificate().digest(QCryptographicHash::Sha256).toHex()) == pinned)
            m_socket.ignoreSslErrors(errors);
    });
    connect(&m_socket, &QSslSocket::readyRead, this, &ScreenshotDevice::read);
    connect(&m_socket, &QSslSocket::encrypted, this, [this, code, deviceName, approve] {
        request("POST", QStringLiteral("/pair"), {{QStringLiteral("code"), code}, {QStringLiteral("device_name"), deviceName}},
                [this, approve](int status, const QJsonObject &body) {
            if (status != 202) {
                qWarning("screenshots: the device was not let in to pair (%d)", status);
                return;
            }
            m_pairingId = body.value(QStringLiteral("pairing_id")).toString();
            approve(body.value(QStringLiteral("verification")).toString());
            m_poll.setInterval(1000); // as a pairing device polls: at most once a second
            connect(&m_poll, &QTimer::timeout, this, &ScreenshotDevice::poll);
            m_poll.start();
        });
    });
    // Reached over loopback: the tour's device is on this machine.
    m_socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), quint16(url.port()));
}

void ScreenshotDevice::poll()
{
    if (m_answer)
        return; // the last poll is still out
    request("GET", QStringLiteral("/pair/") + m_pairingId, {}, [this](int, const QJsonObject &body) {
        const QString token = body.value(QStringLiteral("access_token")).toString();
        if (token.isEmpty())
            return;
        m_poll.stop();
        m_token = token.toUtf8();
        stream();
    });
}

void ScreenshotDevice::stream()
{
    request("POST", QStringLiteral("/chats"), {{QStringLiteral("name"), m_chatName}}, [this](int status, const QJsonObject &chat) {
        if (status != 201) {
            qWarning("screenshots: the device's chat was not made (%d)", status);
            return;
        }
        // The answer comes when the reply ends; the tour has its picture by then.
        request("POST", QStringLiteral("/chats/%1/stream").arg(chat.value(QStringLiteral("id")).toString()),
                {{QStringLiteral("role"), QStringLiteral("user")}, {QStringLiteral("content"), m_prompt},
                 {QStringLiteral("provider"), QStringLiteral("openai")}, {QStringLiteral("model"), QStringLiteral("gpt-4o-mini")}},
                {});
    });
}

void ScreenshotDevice::request(const QByteArray &method, const QString &path, const QJsonObject &body, Answer answer)
{
    const QByteArray bytes = body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    QByteArray head = method + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: localhost\r\n";
    if (!m_token.isEmpty())
        head += "Authorization: Bearer " + m_token + "\r\n";
    if (method == "POST")
        head += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(bytes.size()) + "\r\n";
    m_answer = std::move(answer);
    m_socket.write(head + "\r\n" + bytes);
}

void ScreenshotDevice::read()
{
    m_buffer += m_socket.readAll();
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0 || !m_answer)
        return;
    const QList<QByteArray> lines = m_buffer.left(end).split('\n');
    qsizetype length = 0;
    for (const QByteArray &line : lines) {
        if (line.toLower().startsWith("content-length:"))
            length = line.mid(15).trimmed().toLongLong();
    }
    if (m_buffer.size() < end + 4 + length)
        return;
    const int status = lines.constFirst().split(' ').value(1).toInt();
    const QJsonObject body = QJsonDocument::fromJson(m_buffer.mid(end + 4, length)).object();
    m_buffer.remove(0, end + 4 + length);
    std::exchange(m_answer, {})(status, body);
}
