// The desktop app's "Share on this network" without its window, for the browser
// tests (tests/web, run.mjs --desktop-share): a LocalChatClient on the data
// directory the environment names, the owner's OpenAI key saved for the local
// user (TEEHEE_OWNER_OPENAI_KEY), sharing turned on with its self-signed
// certificate through SharingClient, exactly as Settings → Sharing does.
//
// It speaks in lines. Out (stdout):
//   share https://127.0.0.1:<port> <sha-256 fingerprint, hex>
//   pairing-url <url>            (after start and after each "invite")
//   request <6 digits> <device name>
//   approved <6 digits> | account-made <name> | key-shared <provider> | error <text>
// In (stdin): "invite", "approve <6 digits>" (what the owner's Approve
// button does, after comparing the numbers), "account <password> <name>"
// (an account for another person), "share-key <provider>" (the owner lets
// other accounts use that key), "quit"; end of input quits too.
#include "localchatclient.h"
#include "sharingclient.h"

#include <QCoreApplication>
#include <QDir>
#include <QSet>
#include <QSettings>
#include <QSocketNotifier>

#include <cstdio>
#include <unistd.h>

using namespace teehee::client;

namespace {

void say(const QString &line)
{
    std::fputs(line.toUtf8().append('\n').constData(), stdout);
    std::fflush(stdout);
}

class WebShareHost : public QObject {
public:
    WebShareHost() : m_client(QString()), m_sharing(m_client.sharing()), m_stdin(STDIN_FILENO, QSocketNotifier::Read)
    {
        connect(&m_client, &ChatClient::stateChanged, this, &WebShareHost::clientStateChanged);
        connect(m_sharing, &SharingClient::stateChanged, this, &WebShareHost::sharingStateChanged);
        connect(m_sharing, &SharingClient::invitationChanged, this, [this] {
            if (m_announced && !m_sharing->pairingUrl().isEmpty())
                say(QStringLiteral("pairing-url ") + m_sharing->pairingUrl());
            else
                announceWhenReady();
        });
        connect(m_sharing, &SharingClient::pendingRequestsChanged, this, [this] {
            for (const PairingRequestInfo &r : m_sharing->pendingRequests()) {
                if (!m_told.contains(r.pairingId)) {
                    m_told.insert(r.pairingId);
                    say(QStringLiteral("request %1 %2").arg(r.verification, r.deviceName));
                }
            }
        });
        connect(&m_stdin, &QSocketNotifier::activated, this, &WebShareHost::readInput);
        m_sharing->setPort(quint16(qEnvironmentVariableIntValue("TEEHEE_SHARE_PORT")));
        m_sharing->setEnabled(true);
        m_client.start();
    }

private:
    void clientStateChanged()
    {
        if (m_client.state() == ChatClient::State::Failed)
            return fail(QStringLiteral("the backend did not start: ") + m_client.statusText());
        if (m_client.state() != ChatClient::State::Ready)
            return;
        const QString key = qEnvironmentVariable("TEEHEE_OWNER_OPENAI_KEY");
        if (key.isEmpty()) {
            m_keySaved = true;
            return announceWhenReady();
        }
        // Saved as the owner saves it in Settings → Providers & keys.
        m_client.saveKey(this, QStringLiteral("openai"), key, [this](const ClientError &error) {
            if (!error.ok())
                return fail(QStringLiteral("the owner's key was not saved: ") + error.detail);
            m_keySaved = true;
            announceWhenReady();
        });
    }

    void sharingStateChanged()
    {
        if (m_sharing->sharingState() == SharingClient::State::Failed)
            return fail(QStringLiteral("sharing did not start: ") + m_sharing->failureReason());
        announceWhenReady();
    }

    void announceWhenReady()
    {
        if (m_announced || !m_keySaved || m_sharing->sharingState() != SharingClient::State::On
            || m_sharing->pairingUrl().isEmpty())
            return;
        m_announced = true;
        say(QStringLiteral("share https://127.0.0.1:%1 %2").arg(m_sharing->port())
                .arg(m_sharing->fingerprint().remove(u':').toLower()));
        say(QStringLiteral("pairing-url ") + m_sharing->pairingUrl());
    }

    void readInput()
    {
        char chunk[512];
        const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
        if (n <= 0) {
            m_stdin.setEnabled(false);
            return QCoreApplication::quit(); // the test runner went away
        }
        m_input.append(chunk, n);
        qsizetype end;
        while ((end = m_input.indexOf('\n')) >= 0) {
            const QString line = QString::fromUtf8(m_input.left(end)).trimmed();
            m_input.remove(0, end + 1);
            command(line);
        }
    }

    void command(const QString &line)
    {
        const QStringList words = line.split(u' ', Qt::SkipEmptyParts);
        if (words.isEmpty())
            return;
        if (words[0] == u"quit")
            return QCoreApplication::quit();
        if (words[0] == u"invite")
            return m_sharing->newInvitation();
        if (words[0] == u"approve" && words.size() == 2) {
            for (const PairingRequestInfo &r : m_sharing->pendingRequests()) {
                if (r.verification == words[1]) {
                    const QString number = words[1];
                    m_sharing->approve(this, r.pairingId, [number](const ClientError &error) {
                        say(error.ok() ? QStringLiteral("approved ") + number : QStringLiteral("error ") + error.detail);
                    });
                    return;
                }
            }
            return say(QStringLiteral("error no pending request shows %1").arg(words[1]));
        }
        if (words[0] == u"account" && words.size() >= 3) {
            const QString name = QStringList(words.mid(2)).join(u' ');
            m_sharing->createAccount(this, name, words[1], [name](const ClientError &error) {
                say(error.ok() ? QStringLiteral("account-made ") + name : QStringLiteral("error ") + error.detail);
            });
            return;
        }
        if (words[0] == u"share-key" && words.size() == 2) {
            const QString provider = words[1];
            m_sharing->setKeyShared(this, provider, true, [provider](const ClientError &error) {
                say(error.ok() ? QStringLiteral("key-shared ") + provider : QStringLiteral("error ") + error.detail);
            });
            return;
        }
        say(QStringLiteral("error unknown command: ") + line);
    }

    void fail(const QString &why)
    {
        say(QStringLiteral("error ") + why);
        QCoreApplication::exit(1);
    }

    LocalChatClient m_client;
    SharingClient *m_sharing;
    QSocketNotifier m_stdin;
    QByteArray m_input;
    QSet<QString> m_told;
    bool m_keySaved = false;
    bool m_announced = false;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("TeeheeWebShare"));
    // The settings (the sharing port) stay with the throwaway data directory.
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                       QDir(qEnvironmentVariable("TEEHEE_DATA_DIR", QDir::tempPath())).filePath(QStringLiteral("settings")));
    WebShareHost host;
    return app.exec();
}
