#include "chat/chatimport.h"

#include "chat/importdocument.h"
#include "core/logging.h"
#include "db/chatrepository.h"
#include "db/importrepository.h"
#include "db/messagerepository.h"
#include "db/sqlquery.h"

#include <QHash>
#include <QSet>

namespace teehee {

Result<ImportOutcome> ChatImport::importDocument(const QString &userId, const QByteArray &document) const
{
    // Each chat is stored as soon as it is read, inside the one transaction.
    ImportOutcome outcome;
    Transaction tx(m_db);
    if (auto st = tx.begin(); !st)
        return st.error();
    QSet<QString> seen;
    if (auto st = importdocument::forEachChat(document, [&](ImportedChat chat) { return add(userId, chat, seen, outcome); }); !st)
        return st.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    qCInfo(lcDb) << "imported" << outcome.imported << "chats, skipped" << outcome.skipped;
    return outcome;
}

Status ChatImport::add(const QString &userId, const ImportedChat &chat, QSet<QString> &seen, ImportOutcome &outcome) const
{
    ImportRepository imports(m_db);
    auto known = imports.contains(userId, chat.key);
    if (!known)
        return known.error();
    if (known.value() || seen.contains(chat.key)) {
        ++outcome.skipped;   // the same conversation twice in one document counts once
        return success();
    }
    seen.insert(chat.key);
    auto stored = store(userId, chat);
    if (!stored)
        return stored.error();
    if (auto st = imports.record(userId, chat.key, stored->id); !st)
        return st;
    ++outcome.imported;
    outcome.chats << std::move(stored).value();
    return success();
}

Result<ImportOutcome> ChatImport::importChats(const QString &userId, const QList<ImportedChat> &chats) const
{
    ImportOutcome outcome;
    Transaction tx(m_db);
    if (auto st = tx.begin(); !st)
        return st.error();
    QSet<QString> seen;
    for (const ImportedChat &chat : chats)
        if (auto st = add(userId, chat, seen, outcome); !st)
            return st.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    return outcome;
}

Result<ChatRecord> ChatImport::store(const QString &userId, const ImportedChat &chat) const
{
    QHash<QString, QString> newIds;
    newIds.reserve(chat.messages.size());
    for (const MessageRecord &m : chat.messages)
        newIds.insert(m.id, newUuid());
    ChatRecord record = chat.chat;
    record.id = newUuid();
    record.userId = userId;
    for (const MessageRecord &m : chat.messages)
        if (m.parentId.isEmpty()) {
            record.rootMessageId = newIds.value(m.id);
            break;
        }
    if (!chat.messages.isEmpty())
        record.activeLeafId = newIds.value(chat.activeLeafId.isEmpty() ? chat.messages.constLast().id : chat.activeLeafId);
    auto created = ChatRepository(m_db).create(record);
    if (!created)
        return created.error();
    MessageRepository messages(m_db);
    for (MessageRecord m : chat.messages) {
        m.id = newIds.value(m.id);
        m.parentId = m.parentId.isEmpty() ? QString() : newIds.value(m.parentId);
        m.chatId = created->id;
        m.seq = 0;   // a new sequence, in document order: siblings keep their order
        if (auto st = messages.insert(std::move(m)); !st)
            return st.error();
    }
    return created;
}

} // namespace teehee
