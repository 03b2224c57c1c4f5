#include "backend.h"

#include "auth/authservice.h"
#include "auth/deviceservice.h"
#include "auth/pairingservice.h"
#include "chat/attachmentservice.h"
#include "chat/chatservice.h"
#include "chat/usageservice.h"
#include "keys/keyservice.h"
#include "keys/providerservice.h"
#include "generation/generationmanager.h"
#include "generation/accountevents.h"
#include "generation/tooloffer.h"
#include "tools/approvalbroker.h"
#include "tools/toolregistry.h"
#include "tools/toolserverservice.h"
#include "core/logging.h"
#include "core/privatefiles.h"
#include "core/secretstore.h"
#include "db/migrations.h"
#include "db/records.h"
#include "db/serverpresence.h"
#include "db/pgnotifications.h"
#include "generation/remotestreams.h"
#include "generation/remotereplies.h"
#include "generation/savewriter.h"
#include "clusterlink.h"
#include "db/walcheckpointer.h"

namespace teehee {

Backend::Backend(Config config, QObject *parent)
    : QObject(parent), m_config(std::move(config))
{
}

Backend::~Backend() = default;

void Backend::start(std::function<void(Status)> done)
{
    tightenDataDirectory(m_config.dataDir); // left too open by an older version or another umask
    auto *secrets = new SecretStore(m_config.dataDir, SecretStore::Backend::Auto, this);
    // Obtain the missing secrets one after the other, then open the database.
    auto finish = [this, secrets, done] {
        secrets->deleteLater();
        done(openDatabase());
    };
    auto obtainEncryption = [this, secrets, done, finish] {
        if (!m_config.encryptionKey.isEmpty())
            return finish();
        secrets->obtain(QStringLiteral("encryption-key"), [this, done, finish](Result<QByteArray> key) {
            if (!key)
                return done(Error{key.error().code, QStringLiteral("ENCRYPTION_KEY: cannot obtain the kept key: %1 (or set ENCRYPTION_KEY)").arg(key.error().message)});
            m_config.encryptionKey = key.value();
            finish();
        });
    };
    if (!m_config.secretKey.isEmpty())
        return obtainEncryption();
    secrets->obtain(QStringLiteral("secret-key"), [this, done, obtainEncryption](Result<QByteArray> key) {
        if (!key)
            return done(Error{key.error().code, QStringLiteral("SECRET_KEY: cannot obtain the kept key: %1 (or set SECRET_KEY)").arg(key.error().message)});
        m_config.secretKey = key.value();
        obtainEncryption();
    });
}

Status Backend::startWithConfig()
{
    if (m_config.secretKey.isEmpty() || m_config.encryptionKey.isEmpty())
        return Error::internal(QStringLiteral("SECRET_KEY and ENCRYPTION_KEY must be set"));
    return openDatabase();
}

Status Backend::openDatabase()
{
    m_database = std::make_unique<Database>(m_config.database);
    if (auto st = m_database->open(); !st)
        return st;
    Migrator migrator(*m_database);
    auto version = migrator.migrate();
    if (!version)
        return version.error();
    m_database->setServerId(ServerPresence::idFor(m_config.serverId, m_config.dataDir));
    m_presence = std::make_unique<ServerPresence>(*m_database);
    auto recovered = m_presence->start();
    if (!recovered)
        return recovered.error();
    if (recovered.value() > 0)
        qCInfo(lcDb) << recovered.value() << "interrupted replies marked as aborted; they can be continued";
    qCInfo(lcDb).noquote() << "database" << m_config.database.redacted() << "at schema version" << version.value();
    if (m_config.database.isSqlite()) {
        if (auto writer = m_database->connection())
            m_checkpointer = std::make_unique<WalCheckpointer>(*m_database, writer.value());
    }
    m_chats = std::make_unique<ChatService>(*m_database, m_config);
    m_usage = std::make_unique<UsageService>(*m_database);
    m_attachments = std::make_unique<AttachmentService>(*m_database, m_config);
    m_devices = std::make_unique<DeviceService>(*m_database, m_config.deviceTokenDays);
    // The sign-in and pairing limits count in the database when servers may share it.
    const AttemptStores attempts = AttemptStores::forDatabase(*m_database, m_config.secretKey);
    m_auth = std::make_unique<AuthService>(m_config, *m_database, *m_devices, attempts);
    m_pairing = std::make_unique<PairingService>(*m_database, *m_auth, attempts);
    m_keys = std::make_unique<KeyService>(m_config, *m_database);
    // Keys stored before they were bound to their rows are bound now (once; idempotent).
    if (auto upgraded = m_keys->upgradeStoredKeys(); !upgraded)
        qCWarning(lcDb).noquote() << "stored keys not upgraded:" << upgraded.error().message;
    m_providers = std::make_unique<ProviderService>(m_config, *m_keys);
    m_toolServers = std::make_unique<ToolServerService>(m_config, *m_database, *m_keys);
    m_approvals = std::make_unique<ApprovalBroker>(*m_toolServers, m_config.toolApprovalTimeoutSeconds * 1000);
    m_toolRegistry = std::make_unique<ToolRegistry>(*m_toolServers, *m_keys);
    m_toolOffer = std::make_unique<ToolOffer>(*m_toolServers, *m_toolRegistry, *m_approvals, m_config.maxToolRounds,
                                              m_config.toolCallTimeoutSeconds * 1000);
    m_generations = std::make_unique<GenerationManager>(m_config, *m_database, *m_chats, *m_keys, m_providers->registry());
    m_generations->setTools(m_toolOffer.get());
    // The servers every account may run now; the desktop's own account's stdio
    // servers start once it is trusted with this machine (ToolRegistry::startFor).
    m_toolRegistry->start();
    m_accountEvents = std::make_unique<AccountEvents>(*m_chats, *m_generations);
    // Every device of the account may answer a tool call: they hear of it on the bus.
    connect(m_approvals.get(), &ApprovalBroker::requested, m_accountEvents.get(), [this](const ApprovalRequest &request) {
        AccountEvent e;
        e.type = AccountEvent::Type::ToolApprovalRequested;
        e.userId = request.userId;
        e.chatId = request.chatId;
        e.messageId = request.messageId;
        e.approval = request;
        m_accountEvents->publish(e);
    });
    connect(m_approvals.get(), &ApprovalBroker::answered, m_accountEvents.get(),
            [this](const QString &userId, const QString &callId, ApprovalDecision decision) {
        AccountEvent e;
        e.type = AccountEvent::Type::ToolApprovalAnswered;
        e.userId = userId;
        e.approval.callId = callId;
        e.status = approvalDecisionName(decision);
        m_accountEvents->publish(e);
    });
    // Devices and pairing reach every device of the account through the same bus. Connected
    // before any session watches a device, so device_revoked goes out before its sockets close.
    connect(m_devices.get(), &DeviceService::deviceRevoked, m_accountEvents.get(),
            [this](const QString &userId, const QString &deviceId) {
        AccountEvent e;
        e.type = AccountEvent::Type::DeviceRevoked;
        e.userId = userId;
        e.deviceId = deviceId;
        m_accountEvents->publish(e);
    });
    if (m_database->dialect() == Dialect::Postgres)
        joinOtherServers();
    connect(m_pairing.get(), &PairingService::pairRequested, m_accountEvents.get(),
            [this](const PairingRequestRecord &request) {
        AccountEvent e;
        e.type = AccountEvent::Type::PairRequested;
        e.userId = request.userId;
        e.pairing = request;
        m_accountEvents->publish(e);
    });
    return success();
}

void Backend::joinOtherServers()
{
    m_notifications = std::make_unique<PgNotifications>(
        *m_database, QStringList{RemoteStreams::kAbortChannel, ClusterLink::kEventsChannel, ClusterLink::kRevokedChannel,
                                ClusterLink::kDevicesChannel, SaveWriter::kSavedChannel});
    // A first failure is retried by the notifications' own check.
    if (auto st = m_notifications->start(); !st)
        qCWarning(lcDb).noquote() << "not listening to the other servers yet:" << st.error().message;
    m_remoteStreams = std::make_unique<RemoteStreams>(*m_database, *m_notifications);
    m_generations->setRemoteStreams(m_remoteStreams.get());
    m_generations->setOthersAlive(m_presence->othersAlive());
    connect(m_presence.get(), &ServerPresence::othersAliveChanged, m_generations.get(), &GenerationManager::setOthersAlive);
    m_clusterLink = std::make_unique<ClusterLink>(*m_notifications, *m_chats, *m_auth, *m_accountEvents);
    // A dead server's replies, ended here by a sweep: every device and server hears of it.
    connect(m_presence.get(), &ServerPresence::repliesEnded, m_accountEvents.get(),
            [this](const QList<ServerPresence::EndedReply> &replies) {
        for (const ServerPresence::EndedReply &r : replies) {
            AccountEvent e;
            e.type = AccountEvent::Type::StreamEnded;
            e.userId = r.userId;
            e.chatId = r.chatId;
            e.messageId = r.messageId;
            e.status = MessageStatus::Aborted;
            m_accountEvents->publish(e);
            m_remoteReplies->onRemoteEvent(e); // this server's sockets that followed it
        }
    });
    m_remoteReplies = std::make_unique<RemoteReplies>(*m_database, *m_notifications,
                                                      [this] { return m_generations->takeSeq(); });
    connect(m_clusterLink.get(), &ClusterLink::received, m_remoteReplies.get(), &RemoteReplies::onRemoteEvent);
}

} // namespace teehee
