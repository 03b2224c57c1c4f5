// The screenshot tour, continued: Settings → Tools with one MCP server (the
// fake one the tests use, given by TEEHEE_SCREENSHOT_MCP) and its tools, and
// a reply's tool call waiting for approval over the conversation.
#include "screenshottour.h"

#include "approvalcontroller.h"
#include "chatlistcontroller.h"
#include "conversationcontroller.h"
#include "settingscontroller.h"
#include "toolscontroller.h"

#include <QMetaObject>
#include <QQmlApplicationEngine>
#include <QQuickWindow>

namespace {
template <typename T>
T *instance(QQmlEngine &engine, const char *name)
{
    return engine.singletonInstance<T *>(qmlTypeId("Teehee", 1, 0, name));
}
} // namespace

void ScreenshotTour::planTools()
{
    const QString server = qEnvironmentVariable("TEEHEE_SCREENSHOT_MCP");
    if (server.isEmpty())
        return;
    auto *settings = instance<SettingsController>(m_engine, "SettingsController");
    auto *tools = instance<ToolsController>(m_engine, "ToolsController");
    auto *approvals = instance<ApprovalController>(m_engine, "ApprovalController");
    auto *chats = instance<ChatListController>(m_engine, "ChatListController");
    ConversationController *c = m_conversation;
    m_steps.push_back({[=] {
        settings->setTheme(QStringLiteral("light"));
        tools->addStdioServer(QStringLiteral("workbench"), server, {}, QStringLiteral("WORKBENCH_MODE=demo"));
    }, 3000}); // started, its tools listed
    m_steps.push_back({[this] { scrollTo("toolsSection"); }, 700});
    m_steps.push_back({[this] { grab(QStringLiteral("settings-tools-light")); }, 100});
    m_steps.push_back({[=, this] {
        QMetaObject::invokeMethod(m_window, "closeSettings");
        chats->newChat();
    }, 700});
    m_steps.push_back({[=] {
        c->chooseModel(QStringLiteral("openai"), QStringLiteral("gpt-4o-mini"));
        c->setProperty("toolsEnabled", true);
        c->send(QStringLiteral("What will the weather be like in Lisbon this weekend? #tool=workbench_echo"));
    }, 2500}); // the call waits for an answer
    m_steps.push_back({[=, this] {
        if (approvals->pending().isEmpty())
            qWarning("screenshots: no tool call waits for approval");
        grab(QStringLiteral("tools-approval-light"));
    }, 100});
    m_steps.push_back({[=] {
        if (!approvals->pending().isEmpty())
            approvals->answer(approvals->pending().constFirst().toMap().value(QStringLiteral("callId")).toString(),
                              QStringLiteral("allow_once"));
    }, 2500}); // the reply goes on with the tool's result
    m_steps.push_back({[=] { c->setProperty("toolsEnabled", false); }, 100});
}
