#pragma once

#include "chatclient.h"
#include "models/conversationmodel.h"

#include <QObject>
#include <QPointer>

// A message asked for by a search hit: shown (revealed()) once the chat's
// whole active path is loaded. A message on another branch first has its
// branch made the active one; the reload that follows then shows it.
class WantedMessage : public QObject {
    Q_OBJECT
public:
    explicit WantedMessage(ConversationModel &model, QObject *parent = nullptr) : QObject(parent), m_model(model) {}

    // `loaded`: the chat's path is shown already (else pathLoaded() follows).
    void want(teehee::client::ChatClient *client, const QString &chatId, const QString &messageId, bool loaded);
    bool pending() const { return !m_messageId.isEmpty(); }
    QString chatId() const { return m_chatId; }
    // The whole active path of `chatId` is in the model now (another chat's: forgotten).
    void pathLoaded(const QString &chatId);

Q_SIGNALS:
    // The model's row of the message, rows above it loaded as needed.
    void revealed(int row);
    void failed(const teehee::client::ClientError &error);

private:
    ConversationModel &m_model;
    QPointer<teehee::client::ChatClient> m_client;
    QString m_chatId;
    QString m_messageId;
    bool m_activating = false; // a path loaded meanwhile is the old branch's
    bool m_activated = false;
};
