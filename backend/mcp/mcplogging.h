#pragma once

#include "core/logging.h"

Q_DECLARE_LOGGING_CATEGORY(lcMcp)
