#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class ConversationController;
class QQmlApplicationEngine;
class QQuickWindow;

// `teehee --screenshots DIR`: drives the real window through a short
// conversation (a question, a reply with a code block, a regenerated second
// branch, a follow-up with a table), then saves it in the light and the dark
// theme as DIR/conversation-light.png and DIR/conversation-dark.png, the
// settings as DIR/settings-dark.png, and quits.
// Without any key it saves the first-run welcome card (welcome-light.png).
// Used by scripts/screenshots.sh under Xvfb against a fake provider.
class ScreenshotTour : public QObject {
    Q_OBJECT
public:
    ScreenshotTour(QQmlApplicationEngine &engine, QString directory, QObject *parent = nullptr);
    void start();

private:
    void step();
    void grab(const QString &name);
    void fail(const QString &why);

    QQmlApplicationEngine &m_engine;
    QString m_dir;
    QQuickWindow *m_window = nullptr;
    QPointer<ConversationController> m_conversation; // the window's
    int m_step = 0;
};
