#include "sharingdesk.h"

#include "localchatclient.h"
#include "sharingclient.h"

#include <QTest>

namespace teehee::test {

QString startSharing(client::LocalChatClient &desk)
{
    client::SharingClient *sharing = desk.sharing();
    sharing->setPort(0);
    sharing->setEnabled(true);
    desk.start();
    if (!QTest::qWaitFor([&] { return sharing->sharingState() != client::SharingClient::State::Starting; }, 20000))
        return QStringLiteral("sharing still starting after 20 s");
    if (sharing->sharingState() != client::SharingClient::State::On)
        return QStringLiteral("sharing did not start: %1").arg(sharing->failureReason());
    if (!QTest::qWaitFor([&] { return !sharing->pairingUrl().isEmpty(); }, 10000))
        return QStringLiteral("sharing has no invitation after 10 s");
    return {};
}

} // namespace teehee::test
