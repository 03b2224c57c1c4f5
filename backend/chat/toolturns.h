#pragma once

#include "db/records.h"
#include "providers/chatrequest.h"

#include <QList>

namespace teehee::toolturns {

// An assistant message that called tools, as the provider saw it: the text
// of each round with its calls, then their results, round by round, then the
// text after the last round (its `content.tool_calls` entries say where each
// round's calls were made in the text). A call saved without a result (the
// reply ended mid-call) is answered as interrupted.
QList<ChatMessage> expand(const MessageRecord &message);

} // namespace teehee::toolturns
