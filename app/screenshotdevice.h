#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QSslSocket>
#include <QTimer>

#include <functional>

// For the screenshot tour: a second device of the owner's account. It redeems
// the pairing code (trusting only the certificate whose fingerprint the URL
// carries), waits until the tour approves it, then starts a chat and a reply
// that streams on, so that Settings → Sharing lists a paired device and a
// reply running from it. Asynchronous; one request at a time on one connection.
class ScreenshotDevice : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    // `approve` gets the 6-digit number the device shows, as the owner compares it.
    void pairAndStream(const QString &pairingUrl, const QString &deviceName, const QString &chatName,
                       const QString &prompt, std::function<void(const QString &verification)> approve);

private:
    using Answer = std::function<void(int status, const QJsonObject &body)>;
    void request(const QByteArray &method, const QString &path, const QJsonObject &body, Answer answer);
    void read();
    void poll();
    void stream();

    QSslSocket m_socket;
    QByteArray m_buffer;
    Answer m_answer;
    QString m_pairingId;
    QByteArray m_token;
    QString m_chatName;
    QString m_prompt;
    QTimer m_poll;
};
