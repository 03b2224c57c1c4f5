#include "mcp/mcplogging.h"

Q_LOGGING_CATEGORY(lcMcp, "teehee.mcp", QtInfoMsg)
