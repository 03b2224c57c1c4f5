#pragma once

#include "core/config.h"
#include "core/error.h"

#include <QObject>
#include <functional>

namespace teehee {

struct OidcIdentity {
    QString issuer;
    QString subject;
    QString email;
};

// Verifies OpenID Connect ID tokens (see oidcverifier.cpp for the rules).
class OidcVerifier : public QObject {
    Q_OBJECT
public:
    OidcVerifier(const Config &config, QObject *parent = nullptr);
    ~OidcVerifier() override;

    void verify(const QString &provider, const QByteArray &idToken, QObject *context,
                std::function<void(Result<OidcIdentity>)> done);

private:
    const Config &m_config;
};

} // namespace teehee
