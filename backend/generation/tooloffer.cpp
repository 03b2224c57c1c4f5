#include "generation/tooloffer.h"

#include "tools/toolhost.h"
#include "tools/toolserverservice.h"

#include <QSet>

namespace teehee {

ToolOffer::ToolOffer(ToolServerService &servers, ToolHost &host, ApprovalBroker &broker, int maxRounds, int callTimeoutMs)
    : m_servers(servers), m_host(host), m_broker(broker), m_maxRounds(maxRounds), m_callTimeoutMs(callTimeoutMs)
{
}

QString ToolOffer::providerName(const QString &server, const QString &tool)
{
    QString name;
    for (QChar c : server + u'_' + tool) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'_' || c == u'-';
        name += ok ? c : QChar(u'_');
    }
    return name.left(64);
}

ToolSetup ToolOffer::setupFor(const QString &userId, const QStringList &selection) const
{
    ToolSetup setup;
    setup.host = &m_host;
    setup.broker = &m_broker;
    setup.maxRounds = m_maxRounds;
    setup.callTimeoutMs = m_callTimeoutMs;
    auto servers = m_servers.list(userId);
    if (!servers)
        return setup;
    QSet<QString> taken;
    for (const ToolServerSpec &server : servers.value()) {
        if (!server.enabled)
            continue;
        const ToolServerState state = m_host.state(server.id);
        if (state.status != u"running")
            continue;
        for (const HostedTool &tool : state.tools) {
            if (!selection.isEmpty() && !selection.contains(server.name + u'/' + tool.name))
                continue;
            QString name = providerName(server.name, tool.name);
            for (int n = 2; taken.contains(name); ++n)
                name = providerName(server.name, tool.name).left(60) + u'_' + QString::number(n);
            taken.insert(name);
            OfferedTool offered;
            offered.spec = ToolSpec{name, tool.description, tool.inputSchema};
            offered.serverId = server.id;
            offered.serverName = server.name;
            offered.tool = tool.name;
            setup.tools << offered;
        }
    }
    return setup;
}

} // namespace teehee
