#pragma once

#include "chat/chattransfer.h"
#include "core/error.h"
#include "db/database.h"

#include <QByteArray>
#include <QSet>

namespace teehee {

// Imports a document (importdocument.h) into a user's chats: all of it in one
// transaction or nothing. Each chat gets new ids; its tree, active leaf,
// texts, usage, statuses and times are kept. A conversation the user already
// imported (same source key) is skipped.
class ChatImport {
public:
    explicit ChatImport(const Database &db) : m_db(db) {}

    Result<ImportOutcome> importDocument(const QString &userId, const QByteArray &document) const;
    Result<ImportOutcome> importChats(const QString &userId, const QList<ImportedChat> &chats) const;

private:
    // Stores the chat unless the user has it already (or `seen` has its key).
    Status add(const QString &userId, const ImportedChat &chat, QSet<QString> &seen, ImportOutcome &outcome) const;
    Result<ChatRecord> store(const QString &userId, const ImportedChat &chat) const;

    const Database &m_db;
};

} // namespace teehee
