#pragma once

#include "chatclient.h"
#include "chatlistcontroller.h" // before conversationcontroller.h, whose inline getter needs it
#include "conversationcontroller.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>

// How much of the chosen model's context window the conversation's active
// path fills: the last reply's input and output tokens where the provider
// told them (plus what was written since, estimated), else an estimate from
// the characters (about four a token). Unknown window: not `known`.
class ContextMeter : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ConversationController *conversation READ conversation WRITE setConversation NOTIFY conversationChanged)
    Q_PROPERTY(bool known READ known NOTIFY changed)
    Q_PROPERTY(double usedTokens READ usedTokens NOTIFY changed)
    Q_PROPERTY(double contextTokens READ contextTokens NOTIFY changed)
    Q_PROPERTY(double fraction READ fraction NOTIFY changed) // 0..1
    Q_PROPERTY(bool warning READ warning NOTIFY changed)     // above 80 %
    Q_PROPERTY(bool estimated READ estimated NOTIFY changed) // no token count from the provider yet
    Q_PROPERTY(QString text READ text NOTIFY changed)        // "12,345 of 128,000 tokens"
public:
    static constexpr double kWarnAbove = 0.8;
    static constexpr int kCharsPerToken = 4;

    explicit ContextMeter(QObject *parent = nullptr);

    ConversationController *conversation() const { return m_conversation; }
    void setConversation(ConversationController *conversation);
    bool known() const { return m_context > 0; }
    double usedTokens() const { return double(m_used); }
    double contextTokens() const { return double(m_context); }
    double fraction() const { return m_context > 0 ? qMin(1.0, double(m_used) / double(m_context)) : 0.0; }
    bool warning() const { return known() && double(m_used) > kWarnAbove * double(m_context); }
    bool estimated() const { return m_estimated; }
    QString text() const;

Q_SIGNALS:
    void conversationChanged();
    void changed();

private:
    void recount();

    QPointer<ConversationController> m_conversation;
    QPointer<teehee::client::ChatClient> m_client;
    qint64 m_used = 0;
    qint64 m_context = 0;
    bool m_estimated = true;
};
