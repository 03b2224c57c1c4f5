#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <vector>

class ConversationController;
class SharingController;
class ScreenshotDevice;
class ScreenshotPhone;
class QQmlApplicationEngine;
class QQuickItem;
class QQuickWindow;

// `teehee --screenshots DIR`: drives the real window through a short
// conversation (a question answered after some thinking, with a code block;
// a regenerated second branch; a follow-up with a table), a message sent to a
// provider without a key, the model popup with its parameters, and Settings →
// Sharing with its QR code, a phone's request waiting, a paired device
// streaming a reply, the owner's key shared and an account for another person,
// the sidebar's search (Ctrl+K) with message hits, Settings → Usage, and a
// question carrying an image with its answer; saves
// each in the light and the dark theme and in German as DIR/<name>-<look>.png,
// then quits. Without any key it saves the first-run welcome card
// (welcome-light.png). Used by scripts/screenshots.sh under Xvfb against a
// fake provider.
class ScreenshotTour : public QObject {
    Q_OBJECT
public:
    ScreenshotTour(QQmlApplicationEngine &engine, QString directory, QObject *parent = nullptr);
    void start();

private:
    // A step runs, then the tour waits `pauseMs` (or for the reply it started) before the next.
    struct Step {
        std::function<void()> run;
        int pauseMs = 600;
        bool waitsForReply = false;
    };
    void plan();
    void next();
    void grab(const QString &name);
    void fail(const QString &why);
    QQuickItem *item(const char *objectName) const;
    void planSearch();
    void planUsage();
    void planSharing();
    void planAccount(SharingController *sharing);
    void planAttachment();
    void planTools(); // screenshottools.cpp
    void scrollTo(const char *objectName);

    QQmlApplicationEngine &m_engine;
    QString m_dir;
    QQuickWindow *m_window = nullptr;
    QPointer<ConversationController> m_conversation; // the window's
    std::vector<Step> m_steps;
    size_t m_next = 0;
    bool m_waitingForReply = false;
    QString m_codeChat;
    QString m_keylessChat;
    ScreenshotPhone *m_phone = nullptr; // a child
    ScreenshotDevice *m_device = nullptr; // a child: a paired device streaming a reply
};
