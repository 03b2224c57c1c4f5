#include "remotesignin.h"

#include <QJsonObject>
#include <QUrlQuery>

namespace teehee::client {
namespace {

QString grouped(const QString &hex)
{
    QStringList pairs;
    for (qsizetype i = 0; i + 1 < hex.size(); i += 2)
        pairs << hex.mid(i, 2).toUpper();
    return pairs.join(u':');
}

} // namespace

RemoteSignIn::RemoteSignIn(QObject *parent) : QObject(parent)
{
    // The server answers a poll at most once a second.
    m_poll.setInterval(1100);
    m_poll.setSingleShot(true);
    connect(&m_poll, &QTimer::timeout, this, &RemoteSignIn::poll);
}

RemoteSignIn::~RemoteSignIn() = default;

QUrl RemoteSignIn::normalized(const QString &address)
{
    QString text = address.trimmed();
    if (!text.contains(QStringLiteral("://")))
        text.prepend(QStringLiteral("https://"));
    QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"https" && url.scheme() != u"http"))
        return {};
    url.setFragment({});
    url.setQuery(QString());
    url.setPath(url.path().endsWith(u'/') ? url.path().chopped(1) : url.path());
    return url;
}

QString RemoteSignIn::fingerprint() const
{
    return grouped(m_candidate.isEmpty() ? m_pin : m_candidate);
}

void RemoteSignIn::setStep(Step step, const ClientError &error)
{
    m_step = step;
    m_error = error;
    Q_EMIT changed();
}

void RemoteSignIn::check(const QString &address)
{
    cancel();
    m_pin.clear();
    m_server = normalized(address);
    if (!m_server.isValid())
        return setStep(Step::Failed, {Failure::Invalid, QStringLiteral("not a server address")});
    const QUrlQuery fragment(QUrl(address.trimmed()).fragment());
    m_code = fragment.queryItemValue(QStringLiteral("pair"));
    // As good as confirmed: it came with the invitation, from the other screen.
    m_pin = fragment.queryItemValue(QStringLiteral("fp")).toLower();
    reach();
}

void RemoteSignIn::reach()
{
    m_link = std::make_unique<ServerLink>(m_server);
    m_link->setPinnedFingerprint(m_pin);
    setStep(Step::Checking);
    m_link->get(QStringLiteral("/health"), this, [this](const Outcome<QJsonDocument> &health) {
        if (health.ok())
            return setStep(Step::Reachable);
        const QString seen = m_link->refusedFingerprint();
        if (health.error.reason == Failure::CertificateRejected && m_pin.isEmpty() && !seen.isEmpty()) {
            m_candidate = seen;
            return setStep(Step::ConfirmCertificate);
        }
        setStep(Step::Failed, health.error);
    });
}

void RemoteSignIn::confirmCertificate()
{
    if (m_step != Step::ConfirmCertificate)
        return;
    m_pin = std::exchange(m_candidate, {});
    reach();
}

void RemoteSignIn::tokenFrom(const QJsonObject &answer)
{
    m_token = answer.value(u"access_token").toString().toUtf8();
    if (m_token.isEmpty())
        return setStep(Step::Failed, {Failure::Internal, QStringLiteral("the server sent no token")});
    setStep(Step::Done);
}

void RemoteSignIn::signIn(const QString &email, const QString &password, const QString &deviceName)
{
    if (m_step != Step::Reachable && m_step != Step::Failed)
        return;
    setStep(Step::SigningIn);
    const QJsonObject body{{QStringLiteral("email"), email}, {QStringLiteral("password"), password},
                           {QStringLiteral("device_name"), deviceName}};
    m_link->send("POST", QStringLiteral("/auth/signin"), QJsonDocument(body), this,
                 [this](const Outcome<QJsonDocument> &out) {
        if (!out.ok())
            return setStep(Step::Failed, out.error);
        tokenFrom(out.value.object());
    });
}

void RemoteSignIn::pair(const QString &code, const QString &deviceName)
{
    if ((m_step != Step::Reachable && m_step != Step::Failed) || !m_link)
        return;
    setStep(Step::SigningIn);
    const QJsonObject body{{QStringLiteral("code"), code.trimmed()}, {QStringLiteral("device_name"), deviceName}};
    m_link->send("POST", QStringLiteral("/pair"), QJsonDocument(body), this, [this](const Outcome<QJsonDocument> &out) {
        if (!out.ok())
            return setStep(Step::Failed, out.error);
        m_pairingId = out.value.object().value(u"pairing_id").toString();
        m_verification = out.value.object().value(u"verification").toString();
        setStep(Step::WaitingForApproval);
        m_poll.start();
    });
}

void RemoteSignIn::poll()
{
    m_link->get(QStringLiteral("/pair/%1").arg(m_pairingId), this, [this](const Outcome<QJsonDocument> &out) {
        if (m_step != Step::WaitingForApproval)
            return;
        const QJsonObject answer = out.value.object();
        const QString status = answer.value(u"status").toString();
        if (out.ok() && status == u"approved")
            return tokenFrom(answer);
        if (out.ok() && status == u"denied")
            return setStep(Step::Failed, {Failure::Unauthorized, QStringLiteral("the request was denied")});
        if ((out.ok() && status == u"expired") || out.error.reason == Failure::NotFound)
            return setStep(Step::Failed, {Failure::NotFound, QStringLiteral("the request expired")});
        m_poll.start(); // pending, or the network hiccupped: ask again
    });
}

void RemoteSignIn::cancel()
{
    m_poll.stop();
    m_link.reset();
    m_candidate.clear();
    m_pairingId.clear();
    m_verification.clear();
    m_token.clear();
    if (m_step != Step::Idle)
        setStep(Step::Idle);
}

} // namespace teehee::client
