#pragma once

#include "chat/chattransfer.h"
#include "core/error.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <functional>

namespace teehee::importdocument {

// Reads an import document: a `teehee.chat.v1` or `teehee.export.v1` object,
// or a ChatGPT `conversations.json` array. Anything malformed is InvalidInput
// naming where ("chats[2].messages[5].role: must be user, assistant or system").
// The chats are handed to `take` one at a time as they are read (a chat is
// parsed only when the one before was taken), so memory holds the document's
// bytes and one chat; the first error (the document's or take's) stops it.
Status forEachChat(const QByteArray &document, const std::function<Status(ImportedChat)> &take);

// One `teehee.chat.v1` object; `where` prefixes the errors' field names.
Result<ImportedChat> teeheeChat(const QJsonObject &object, const QString &where);
// One of ChatGPT's conversations (chatgptimport.cpp).
Result<ImportedChat> chatGptConversation(const QJsonObject &conversation, const QString &where);

// Puts parents before their children, keeping the order otherwise; refuses
// duplicate ids, unknown parents and cycles.
Status orderParentsFirst(ImportedChat &chat, const QString &where);

} // namespace teehee::importdocument
