#include "appstatus.h"

#include "controllers/clientprovider.h"
#include "controllers/failuretext.h"

using teehee::client::ChatClient;

AppStatus::AppStatus(ChatClient *client, QObject *parent) : QObject(parent), m_client(client)
{
    connect(client, &ChatClient::stateChanged, this, &AppStatus::statusChanged);
}

AppStatus *AppStatus::create(QQmlEngine *, QJSEngine *)
{
    return new AppStatus(ClientProvider::client());
}

bool AppStatus::ready() const
{
    return m_client && m_client->state() == ChatClient::State::Ready;
}

bool AppStatus::failed() const
{
    return !m_client || m_client->state() == ChatClient::State::Failed;
}

QString AppStatus::statusText() const
{
    if (!m_client)
        return {};
    switch (m_client->state()) {
    case ChatClient::State::Starting: return tr("Starting…");
    case ChatClient::State::Ready: return tr("Ready");
    case ChatClient::State::Failed: break;
    }
    if (const auto why = m_client->failure(); !why.ok())
        return failureText(why); // a typed reason, in the person's language
    return m_client->statusText(); // why, as the client says it
}

QString AppStatus::databaseLocation() const
{
    return m_client ? m_client->location() : QString();
}

QString AppStatus::dataDirectory() const
{
    return m_client ? m_client->dataDirectory() : QString();
}
