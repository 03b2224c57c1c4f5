#pragma once

#include "chat/chattransfer.h"
#include "core/error.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>

namespace teehee::importdocument {

// Reads an import document: a `teehee.chat.v1` or `teehee.export.v1` object,
// or a ChatGPT `conversations.json` array. Anything malformed is InvalidInput
// naming where ("chats[2].messages[5].role: must be user, assistant or system").
Result<QList<ImportedChat>> read(const QByteArray &document);

// One `teehee.chat.v1` object; `where` prefixes the errors' field names.
Result<ImportedChat> teeheeChat(const QJsonObject &object, const QString &where);
// ChatGPT's conversations (chatgptimport.cpp).
Result<QList<ImportedChat>> chatGptConversations(const QJsonArray &conversations);

// Puts parents before their children, keeping the order otherwise; refuses
// duplicate ids, unknown parents and cycles.
Status orderParentsFirst(ImportedChat &chat, const QString &where);

} // namespace teehee::importdocument
