#pragma once

#include "generation/toolround.h"

#include <QStringList>

namespace teehee {

class ApprovalBroker;
class ToolHost;
class ToolServerService;

// Which tools a reply offers the model: the account's enabled servers that
// run, their tools under names every provider accepts (^[a-zA-Z0-9_-]{1,64}$,
// unique), with what the tool loop needs to ask for approval and run them.
class ToolOffer {
public:
    ToolOffer(ToolServerService &servers, ToolHost &host, ApprovalBroker &broker, int maxRounds, int callTimeoutMs);

    // `selection`: "server/tool" names, or empty for every tool.
    ToolSetup setupFor(const QString &userId, const QStringList &selection) const;

    // "server_tool" cut to the providers' alphabet and length.
    static QString providerName(const QString &server, const QString &tool);

private:
    ToolServerService &m_servers;
    ToolHost &m_host;
    ApprovalBroker &m_broker;
    int m_maxRounds;
    int m_callTimeoutMs;
};

} // namespace teehee
