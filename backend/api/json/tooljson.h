#pragma once

#include "core/error.h"
#include "tools/approvalbroker.h"
#include "tools/toolhost.h"
#include "tools/toolserverservice.h"

#include <QJsonObject>

namespace teehee::tooljson {

// A server as GET /tools/servers shows it: never its environment or headers
// (their names only), with its state, tools and recent log.
QJsonObject server(const ToolServerSpec &spec, const ToolServerState &state);
// POST and PATCH bodies; every field optional here (the service says what is required).
Result<ToolServerInput> input(const QJsonObject &body);
QJsonObject approval(const ToolApprovalRecord &record, const QString &serverName);
QJsonObject pendingCall(const ApprovalRequest &request);

} // namespace teehee::tooljson
