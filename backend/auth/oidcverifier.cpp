#include "auth/oidcverifier.h"

namespace teehee {

OidcVerifier::OidcVerifier(const Config &config, QObject *parent) : QObject(parent), m_config(config) {}
OidcVerifier::~OidcVerifier() = default;

void OidcVerifier::verify(const QString &, const QByteArray &, QObject *, std::function<void(Result<OidcIdentity>)> done)
{
    done(Error{ErrorCode::Unavailable, QStringLiteral("Single sign-on is not available yet")});
}

} // namespace teehee
