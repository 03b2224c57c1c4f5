#pragma once

#include <QObject>
#include <QSslSocket>

// For the screenshot tour: a phone that scanned the pairing QR code. It
// redeems the code over HTTPS, trusting only the certificate whose fingerprint
// the URL carries, so that the Sharing panel shows a request waiting for
// Approve. Asynchronous; nothing is read back.
class ScreenshotPhone : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    void redeem(const QString &pairingUrl, const QString &deviceName);

private:
    QSslSocket m_socket;
};
