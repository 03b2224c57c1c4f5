#include "chat/exportstream.h"

#include "chat/chatexport.h"
#include "chat/chatservice.h"

namespace teehee {

ExportStream::ExportStream(const ChatService &chats, QString userId) : m_chats(chats), m_userId(std::move(userId)) {}

Result<QByteArray> ExportStream::next()
{
    switch (m_state) {
    case State::Start: {
        auto list = m_chats.listChats(m_userId);
        if (!list)
            return list.error();
        for (const ChatRecord &c : list.value())
            m_chatIds << c.id;
        m_state = State::Chats;
        return chatexport::exportHeader(QDateTime::currentDateTimeUtc());
    }
    case State::Chats:
        while (m_next < m_chatIds.size()) {
            auto detail = m_chats.chatDetail(m_userId, m_chatIds.at(m_next++));
            if (!detail && detail.error().code == ErrorCode::NotFound)
                continue;   // deleted since the export began
            if (!detail)
                return detail.error();
            QByteArray piece = chatexport::chatDocument(detail.value());
            if (std::exchange(m_wroteChat, true))
                piece.prepend(',');
            return piece;
        }
        m_state = State::Done;
        return chatexport::exportFooter();
    case State::Done:
        break;
    }
    return QByteArray();
}

} // namespace teehee
