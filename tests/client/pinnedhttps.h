#pragma once

// A test's HTTPS connection that trusts one certificate only: the one whose
// SHA-256 fingerprint it was given (as a phone that scanned the QR code
// does). Keep-alive: one request after another on the same connection.
// Waiting spins the event loop (the shared server runs on the backend thread).
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslSocket>
#include <QTest>
#include <QWebSocket>

struct PinnedAnswer {
    int status = 0; // 0: no complete answer
    QByteArray body;
    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
};

inline QString sha256Of(const QSslCertificate &certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex()).toLower();
}

// Accepts the certificate only when it is the pinned one.
inline void pin(QSslSocket &socket, const QString &fingerprintHex)
{
    QObject::connect(&socket, &QSslSocket::sslErrors, &socket, [&socket, fingerprintHex](const QList<QSslError> &errors) {
        if (sha256Of(socket.peerCertificate()) == fingerprintHex)
            socket.ignoreSslErrors(errors);
    });
}

inline void pin(QWebSocket &socket, const QString &fingerprintHex)
{
    QObject::connect(&socket, &QWebSocket::sslErrors, &socket, [&socket, fingerprintHex](const QList<QSslError> &errors) {
        if (sha256Of(socket.sslConfiguration().peerCertificate()) == fingerprintHex)
            socket.ignoreSslErrors(errors);
    });
}

class PinnedHttps {
public:
    PinnedHttps(quint16 port, const QString &fingerprintHex)
    {
        pin(m_socket, fingerprintHex);
        m_socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
        (void)QTest::qWaitFor([this] { return m_socket.isEncrypted() || m_socket.state() == QAbstractSocket::UnconnectedState; }, 10000);
    }

    bool isEncrypted() const { return m_socket.isEncrypted(); }
    bool isOpen() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    QSslSocket &socket() { return m_socket; }

    PinnedAnswer request(const QByteArray &method, const QString &path, const QByteArray &token = {},
                         const QJsonObject &json = {})
    {
        const QByteArray body = json.isEmpty() ? QByteArray() : QJsonDocument(json).toJson(QJsonDocument::Compact);
        QByteArray head = method + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
        if (!token.isEmpty())
            head += "Authorization: Bearer " + token + "\r\n";
        if (!body.isEmpty() || method == "POST")
            head += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
        m_socket.write(head + "\r\n" + body);
        PinnedAnswer answer;
        (void)QTest::qWaitFor([&] {
            m_buffer += m_socket.readAll();
            return parse(answer) || m_socket.state() == QAbstractSocket::UnconnectedState;
        }, 10000);
        return answer;
    }

private:
    bool parse(PinnedAnswer &answer)
    {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        qsizetype length = 0;
        for (const QByteArray &line : lines) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (m_buffer.size() < end + 4 + length)
            return false;
        answer.status = lines.constFirst().split(' ').value(1).toInt();
        answer.body = m_buffer.mid(end + 4, length);
        m_buffer.remove(0, end + 4 + length);
        return true;
    }

    QSslSocket m_socket;
    QByteArray m_buffer;
};
