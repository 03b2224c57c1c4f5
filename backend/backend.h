#pragma once

#include "core/config.h"
#include "core/error.h"
#include "db/database.h"

#include <QObject>
#include <memory>

namespace teehee {

class ChatService;
class UsageService;
class AttachmentService;
class AuthService;
class DeviceService;
class PairingService;
class KeyService;
class ProviderService;
class GenerationManager;
class WalCheckpointer;
class ServerPresence;
class AccountEvents;
class ToolServerService;
class ToolRegistry;
class ApprovalBroker;
class ToolOffer;
class PgNotifications;
class RemoteStreams;
class ClusterLink;
class RemoteReplies;

// The running backend: configuration, the database (migrated and recovered)
// and, as they are added, the services every front end calls. It lives on
// the backend thread; front ends reach it through that thread's event loop.
class Backend : public QObject {
    Q_OBJECT
public:
    explicit Backend(Config config, QObject *parent = nullptr);
    ~Backend() override;

    // Fills in generated secrets, opens and migrates the database, recovers
    // interrupted streams. Asynchronous because the keychain is.
    void start(std::function<void(Status)> done);
    // The same without the keychain: secrets must already be set (tests, tools).
    Status startWithConfig();

    const Config &config() const { return m_config; }
    Database &database() { return *m_database; }
    // Valid once the database is open.
    ChatService &chats() { return *m_chats; }
    const UsageService &usage() const { return *m_usage; }
    // Files users upload for their messages.
    AttachmentService &attachments() { return *m_attachments; }
    AuthService &auth() { return *m_auth; }
    // The signed-in devices of each account, and pairing new ones.
    DeviceService &devices() { return *m_devices; }
    PairingService &pairing() { return *m_pairing; }
    KeyService &keys() { return *m_keys; }
    ProviderService &providers() { return *m_providers; }
    GenerationManager &generations() { return *m_generations; }
    // MCP servers: their settings, the running ones, and the calls waiting for approval.
    ToolServerService &toolServers() { return *m_toolServers; }
    ToolRegistry &toolRegistry() { return *m_toolRegistry; }
    ApprovalBroker &approvals() { return *m_approvals; }
    // What happens in each account (chats, replies), for all its devices.
    AccountEvents &accountEvents() { return *m_accountEvents; }
    // Replies other servers sharing the PostgreSQL database stream; null on SQLite.
    RemoteReplies *remoteReplies() { return m_remoteReplies.get(); }

private:
    Status openDatabase();
    // PostgreSQL: hear and tell the other servers sharing the database.
    void joinOtherServers();

    Config m_config;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<WalCheckpointer> m_checkpointer; // SQLite only; stops before the database closes
    std::unique_ptr<ServerPresence> m_presence;
    std::unique_ptr<ChatService> m_chats;
    std::unique_ptr<UsageService> m_usage;
    std::unique_ptr<AttachmentService> m_attachments;
    std::unique_ptr<DeviceService> m_devices;
    std::unique_ptr<AuthService> m_auth;
    std::unique_ptr<PairingService> m_pairing;
    std::unique_ptr<KeyService> m_keys;
    std::unique_ptr<ProviderService> m_providers;
    std::unique_ptr<ToolServerService> m_toolServers;
    std::unique_ptr<ApprovalBroker> m_approvals;
    std::unique_ptr<ToolRegistry> m_toolRegistry;
    std::unique_ptr<ToolOffer> m_toolOffer;
    // Destroyed early (after the event bus only), saving running replies while the services still exist.
    std::unique_ptr<GenerationManager> m_generations;
    // Destroyed before the services it listens to.
    std::unique_ptr<AccountEvents> m_accountEvents;
    // PostgreSQL only: what the servers sharing the database tell each other.
    std::unique_ptr<PgNotifications> m_notifications;
    std::unique_ptr<RemoteStreams> m_remoteStreams;
    std::unique_ptr<ClusterLink> m_clusterLink;
    std::unique_ptr<RemoteReplies> m_remoteReplies;
};

} // namespace teehee
