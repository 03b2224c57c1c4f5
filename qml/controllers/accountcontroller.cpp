#include "accountcontroller.h"

#include "clientprovider.h"
#include "failuretext.h"

using teehee::client::AccountClient;
using teehee::client::Failure;

AccountController::AccountController(AccountClient *account, QObject *parent) : QObject(parent), m_account(account)
{
    if (!account)
        return;
    connect(account, &AccountClient::changed, this, &AccountController::changed);
    connect(account, &AccountClient::foundServersChanged, this, &AccountController::foundServersChanged);
}

AccountController *AccountController::create(QQmlEngine *, QJSEngine *)
{
    ClientProvider::client(); // the client comes first
    return new AccountController(ClientProvider::account());
}

QString AccountController::step() const
{
    if (!m_account)
        return QStringLiteral("idle");
    switch (m_account->step()) {
    case AccountClient::Step::Idle: return QStringLiteral("idle");
    case AccountClient::Step::Checking: return QStringLiteral("checking");
    case AccountClient::Step::ConfirmCertificate: return QStringLiteral("confirm");
    case AccountClient::Step::Reachable: return QStringLiteral("reachable");
    case AccountClient::Step::SigningIn: return QStringLiteral("signingIn");
    case AccountClient::Step::WaitingForApproval: return QStringLiteral("waiting");
    case AccountClient::Step::Done: return QStringLiteral("done");
    case AccountClient::Step::Failed: return QStringLiteral("failed");
    }
    return QStringLiteral("idle");
}

QString AccountController::verification() const
{
    // "123456" reads as "123 456", as the phone and the Sharing panel show it.
    const QString v = m_account ? m_account->verification() : QString();
    return v.size() == 6 ? v.left(3) + u' ' + v.mid(3) : v;
}

QString AccountController::errorText() const
{
    if (!m_account || m_account->step() != AccountClient::Step::Failed)
        return {};
    const teehee::client::ClientError e = m_account->error();
    switch (e.reason) {
    case Failure::Unavailable:
        return tr("No Teehee server answered at that address. Check it, and that the server is running.");
    case Failure::Unauthorized:
        return tr("The server refused: check the email and password, or ask for a new code and approve it on your other device.");
    case Failure::NotFound:
        return tr("The pairing request ran out. Ask for a new code and try again.");
    case Failure::Invalid:
        return tr("That is not a server address. Type one such as 192.168.1.20:8765.");
    default:
        return failureText(e);
    }
}

QVariantList AccountController::foundServers() const
{
    QVariantList out;
    if (!m_account)
        return out;
    for (const AccountClient::FoundServer &s : m_account->foundServers())
        out << QVariantMap{{QStringLiteral("name"), s.name}, {QStringLiteral("url"), s.url}};
    return out;
}

void AccountController::check(const QString &address)
{
    if (m_account)
        m_account->check(address);
}

void AccountController::confirmCertificate()
{
    if (m_account)
        m_account->confirmCertificate();
}

void AccountController::signIn(const QString &email, const QString &password)
{
    if (m_account)
        m_account->signIn(email.trimmed(), password);
}

void AccountController::pair(const QString &code)
{
    if (m_account)
        m_account->pair(code);
}

void AccountController::cancel()
{
    if (m_account)
        m_account->cancel();
}

void AccountController::useThisComputer()
{
    if (m_account)
        m_account->useThisComputer();
}
