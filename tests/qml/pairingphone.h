#pragma once

// A phone that scanned the pairing QR code, for the QML tests: redeems the
// code in a pairing URL over HTTPS, trusting only the fingerprint in that URL.
#include <QObject>
#include <QString>

class PairingPhone : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    // The 6-digit number the phone would show; "" when refused.
    Q_INVOKABLE QString redeem(const QString &pairingUrl, const QString &deviceName);
};
