#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QStringList>

namespace teehee {

class ChatService;

// A `teehee.export.v1` document of every chat of a user, handed out piece by
// piece (the head, then one chat at a time, then the end) so that a writer
// sends each piece before the next is read: memory holds one chat, however
// many the user has. The chats are those the user had when the first piece
// was asked for; one deleted meanwhile is left out.
class ExportStream {
public:
    ExportStream(const ChatService &chats, QString userId);

    // The next piece; empty once the document is complete.
    Result<QByteArray> next();
    bool atEnd() const { return m_state == State::Done; }

private:
    enum class State { Start, Chats, Done };

    const ChatService &m_chats;
    QString m_userId;
    State m_state = State::Start;
    QStringList m_chatIds;
    qsizetype m_next = 0;
    bool m_wroteChat = false;
};

} // namespace teehee
