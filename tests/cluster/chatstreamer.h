#pragma once

// One client sending messages in one chat, one after another, each over a new
// WebSocket (so that behind the round-robin proxy consecutive replies land on
// different servers), checking every reply as it ends: the token events and
// the stream_complete content must both be exactly the expected text.
// Asynchronous (signals only): many run side by side in the test's thread.
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <functional>

class QWebSocket;

class ChatStreamer : public QObject {
public:
    // `expected(question)`: the reply the fake provider gives to that question.
    ChatStreamer(quint16 port, QString chatId, QByteArray token, QString tag, int count,
                 std::function<QString(const QString &)> expected, QObject *parent = nullptr);

    void start();
    bool isDone() const { return m_done; }
    int completed() const { return m_completed; }
    QStringList failures() const { return m_failures; }
    // Where it is, for a time-out's message.
    QString progress() const;
    QString chatId() const { return m_chatId; }

private:
    void next();
    void onText(const QString &text);
    void fail(const QString &why);

    quint16 m_port;
    QString m_chatId;
    QByteArray m_token;
    QString m_tag;
    int m_count;
    std::function<QString(const QString &)> m_expected;

    QWebSocket *m_ws = nullptr;
    int m_sent = 0;
    int m_completed = 0;
    QString m_question;
    QString m_messageId;
    QString m_tokens;
    QStringList m_types; // of the current socket
    QStringList m_failures;
    bool m_done = false;
};
