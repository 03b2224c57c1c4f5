#include "screenshottour.h"

#include "appstatus.h"
#include "chatlistcontroller.h"
#include "conversationcontroller.h"
#include "settingscontroller.h"

#include <QCoreApplication>
#include <QDir>
#include <QMetaObject>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTimer>

namespace {
template <typename T>
T *singleton(QQmlEngine &engine, const char *name)
{
    return engine.singletonInstance<T *>(qmlTypeId("Teehee", 1, 0, name));
}
} // namespace

ScreenshotTour::ScreenshotTour(QQmlApplicationEngine &engine, QString directory, QObject *parent)
    : QObject(parent), m_engine(engine), m_dir(std::move(directory))
{
}

void ScreenshotTour::start()
{
    m_window = qobject_cast<QQuickWindow *>(m_engine.rootObjects().value(0));
    if (!m_window)
        return fail(QStringLiteral("no window"));
    QDir().mkpath(m_dir);
    m_conversation = m_window->property("conversation").value<ConversationController *>();
    if (!m_conversation)
        return fail(QStringLiteral("no conversation"));
    // Each finished reply moves the tour on.
    connect(m_conversation, &ConversationController::replyFinished, this, [this] { QTimer::singleShot(400, this, &ScreenshotTour::step); });
    connect(m_conversation, &ConversationController::errorOccurred, this, &ScreenshotTour::fail);
    QTimer::singleShot(60'000, this, [this] { fail(QStringLiteral("timed out at step %1").arg(m_step)); });
    step();
}

void ScreenshotTour::step()
{
    auto *status = singleton<AppStatus>(m_engine, "AppStatus");
    auto *chats = singleton<ChatListController>(m_engine, "ChatListController");
    auto *gen = m_conversation.data();
    auto *settings = singleton<SettingsController>(m_engine, "SettingsController");
    switch (m_step) {
    case 0: // wait for the backend and the chat list
        if (!status->ready() || !chats->listLoaded() || gen->loading()) {
            QTimer::singleShot(100, this, &ScreenshotTour::step);
            return;
        }
        if (!settings->keysLoaded()) {
            QTimer::singleShot(100, this, &ScreenshotTour::step);
            return;
        }
        if (!settings->canChat()) { // first run without a key: the welcome card is the picture
            settings->setTheme(QStringLiteral("light"));
            QTimer::singleShot(1500, this, [this] { grab(QStringLiteral("welcome-light")); QCoreApplication::exit(0); });
            m_step = 99;
            return;
        }
        ++m_step;
        gen->chooseModel(QStringLiteral("openai"), QStringLiteral("gpt-4o-mini"));
        settings->setTheme(QStringLiteral("light"));
        chats->newChat();
        QTimer::singleShot(500, this, &ScreenshotTour::step);
        return;
    case 1:
        ++m_step;
        gen->send(QStringLiteral("How do I read a text file line by line in Python?"));
        return; // replyFinished continues
    case 2:
        ++m_step;
        gen->regenerate(gen->messages()->get(gen->messages()->rowCount() - 1).value(QStringLiteral("id")).toString());
        return;
    case 3:
        ++m_step;
        gen->send(QStringLiteral("Compare that with reading it all at once."));
        return;
    case 4:
        ++m_step;
        grab(QStringLiteral("conversation-light"));
        settings->setTheme(QStringLiteral("dark"));
        QTimer::singleShot(600, this, &ScreenshotTour::step);
        return;
    case 5:
        ++m_step;
        grab(QStringLiteral("conversation-dark"));
        QMetaObject::invokeMethod(m_window, "openSettings");
        QTimer::singleShot(800, this, &ScreenshotTour::step);
        return;
    case 6:
        ++m_step;
        grab(QStringLiteral("settings-dark"));
        settings->setTheme(QStringLiteral("system"));
        QCoreApplication::exit(0);
        return;
    }
}

void ScreenshotTour::grab(const QString &name)
{
    const QString path = QDir(m_dir).filePath(name + QStringLiteral(".png"));
    if (!m_window->grabWindow().save(path))
        return fail(QStringLiteral("cannot save %1").arg(path));
    qInfo().noquote() << "saved" << path;
}

void ScreenshotTour::fail(const QString &why)
{
    qCritical().noquote() << "screenshot tour failed:" << why;
    QCoreApplication::exit(3);
}
