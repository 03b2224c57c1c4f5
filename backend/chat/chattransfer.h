#pragma once

#include "db/records.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace teehee {

// A chat read from an import document, before it is stored: ids are the
// source's, messages come parents first, in the order they are to be stored.
struct ImportedChat {
    QString key;                   // stable per source conversation: a re-import skips it
    ChatRecord chat;               // name, system prompt, settings and times (ids not used)
    QList<MessageRecord> messages; // source ids and parent ids
    QString activeLeafId;          // a source id, or empty (then the last message)
};

// What an import did.
struct ImportOutcome {
    int imported = 0;
    int skipped = 0;
    QList<ChatRecord> chats;       // the new chats, in document order
};

namespace transferformat {
inline const QString Chat = QStringLiteral("teehee.chat.v1");
inline const QString Export = QStringLiteral("teehee.export.v1");
}

} // namespace teehee
