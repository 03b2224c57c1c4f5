#include "core/logging.h"

Q_LOGGING_CATEGORY(lcConfig, "teehee.config", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDb, "teehee.db", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "teehee.secrets", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHttp, "teehee.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "teehee.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcProviders, "teehee.providers", QtInfoMsg)
Q_LOGGING_CATEGORY(lcGeneration, "teehee.generation", QtInfoMsg)
Q_LOGGING_CATEGORY(lcEventLoop, "teehee.eventloop", QtInfoMsg)
