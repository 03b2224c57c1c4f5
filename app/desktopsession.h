#pragma once

#include "localchatclient.h"
#include "remotechatclient.h"
#include "serveraccounts.h"

#include <QObject>
#include <QQmlApplicationEngine>

#include <memory>

class ScreenshotTour;

// The desktop's composition root while it runs: which client the views talk
// to — this computer's backend or an account on a Teehee server — and the
// QML over it. Settings → Account switches; the window is then built again
// over the other client, whose chats it shows.
class DesktopSession : public QObject {
    Q_OBJECT
public:
    // `screenshots`: the directory of `--screenshots` (empty: a normal run).
    explicit DesktopSession(QString screenshots, QObject *parent = nullptr);
    ~DesktopSession() override;

    // Restores the account of the last run and opens the window.
    void start();

private:
    void open();
    void useThisComputer();
    void useServer(const teehee::client::RemoteChatClient::Account &account);
    void load();
    void close();

    QString m_screenshots;
    teehee::client::ServerAccounts m_accounts;
    // The window goes before the client it shows.
    std::unique_ptr<teehee::client::LocalChatClient> m_local;
    std::unique_ptr<teehee::client::RemoteChatClient> m_remote;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    std::unique_ptr<ScreenshotTour> m_tour;
};
