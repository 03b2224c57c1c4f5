#pragma once

namespace teehee {

class ApiContext;

// One function per route file; HttpServer calls each once at start-up.
void registerSystemRoutes(ApiContext &ctx);
void registerAuthRoutes(ApiContext &ctx);
void registerKeyRoutes(ApiContext &ctx);
void registerChatRoutes(ApiContext &ctx);
void registerSearchRoutes(ApiContext &ctx);
void registerStreamRoutes(ApiContext &ctx);
void registerProviderRoutes(ApiContext &ctx);
void registerDeviceRoutes(ApiContext &ctx);
void registerPairRoutes(ApiContext &ctx);
void registerUsageRoutes(ApiContext &ctx);
void registerTransferRoutes(ApiContext &ctx);
void registerAttachmentRoutes(ApiContext &ctx);
void registerToolRoutes(ApiContext &ctx);
// Last: the web client's files never shadow an API path.
void registerWebClientRoutes(ApiContext &ctx);

} // namespace teehee
