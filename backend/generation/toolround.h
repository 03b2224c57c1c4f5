#pragma once

#include "generation/generationevent.h"
#include "providers/chatrequest.h"
#include "providers/toolcall.h"

#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

namespace teehee {

class ApprovalBroker;
class ToolHost;
class ToolRun;

// A tool offered to the model: its provider-safe name, and where it lives.
struct OfferedTool {
    ToolSpec spec;
    QString serverId;
    QString serverName;
    QString tool; // its name on its server
};

// What a reply that may call tools needs besides its first request.
struct ToolSetup {
    QList<OfferedTool> tools;
    ToolHost *host = nullptr;
    ApprovalBroker *broker = nullptr;
    int maxRounds = 8;
    int callTimeoutMs = 120'000;
};

// The calls of one round, from the model's request to every result: each
// call is approved (or covered by a standing approval), run, and answered;
// a call with malformed arguments or an unknown tool is answered with an
// error without asking anyone. Every step goes out as a ToolCall or
// ToolResult event and into `entries()` (the message's `content.tool_calls`).
// Emits done() once every call has a result, also after cancel().
class ToolRound : public QObject {
    Q_OBJECT
public:
    struct Context {
        QString userId;
        QString chatId;
        QString messageId;
        int round = 0;
        int textOffset = 0; // where in the reply's text the calls were made (UTF-16 units)
    };

    ToolRound(const ToolSetup &setup, Context context, QList<ToolCall> calls,
              std::function<void(GenerationEvent)> publish, QObject *parent = nullptr);
    ~ToolRound() override;

    void start();
    // Withdraws the approvals asked for and cancels the running calls: every
    // call without a result gets one ("error", cancelled), then done().
    void cancel();

    bool isDone() const { return m_open == 0; }
    const QList<ToolCall> &calls() const { return m_calls; }
    QList<ToolResult> results() const;
    // The saved form of each call so far, oldest first.
    QJsonArray entries() const;

    // The saved form's result for a call that has none (a reply that ended
    // mid-call), as the model is told on a continue.
    static QString interruptedText();

Q_SIGNALS:
    void changed(); // a call's state moved: the caller saves entries()
    void done();

private:
    struct Call {
        ToolCall call;
        const OfferedTool *offered = nullptr;
        QString state; // "awaiting_approval", "running", "ok", "error", "denied"
        QString content;
        QPointer<ToolRun> run;
        bool finished = false;
    };
    void ask(int index);
    void run(int index);
    void finish(int index, const QString &status, const QString &content);
    void announce(int index);

    ToolSetup m_setup;
    Context m_context;
    QList<ToolCall> m_calls;
    QList<Call> m_state;
    std::function<void(GenerationEvent)> m_publish;
    int m_open = 0;
    bool m_cancelled = false;
};

} // namespace teehee
