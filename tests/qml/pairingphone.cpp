#include "pairingphone.h"

#include "../client/pinnedhttps.h"

#include <QUrl>
#include <QUrlQuery>

QString PairingPhone::redeem(const QString &pairingUrl, const QString &deviceName)
{
    const QUrl url(pairingUrl);
    const QUrlQuery fragment(url.fragment());
    // The phone reaches the desktop over loopback here, whatever LAN address the URL names.
    PinnedHttps phone(quint16(url.port()), fragment.queryItemValue(QStringLiteral("fp")));
    if (!phone.isEncrypted())
        return {};
    const PinnedAnswer answer = phone.request("POST", QStringLiteral("/pair"), {},
        {{QStringLiteral("code"), fragment.queryItemValue(QStringLiteral("pair"))},
         {QStringLiteral("device_name"), deviceName}});
    return answer.status == 202 ? answer.object().value(QStringLiteral("verification")).toString() : QString();
}
