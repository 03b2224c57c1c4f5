#include "api/apicontext.h"
#include "api/routes.h"

namespace teehee {

void registerKeyRoutes(ApiContext &)
{
}

} // namespace teehee
