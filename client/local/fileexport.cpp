#include "fileexport.h"

#include "recordconversions.h"

#include "chat/chatservice.h"

namespace teehee::client {

FileExport::FileExport(const ChatService &chats, const QString &userId, const QString &filePath, Progress progress,
                       Finished finished, QObject *parent)
    : QObject(parent), m_chats(chats), m_userId(userId), m_stream(chats, userId), m_file(filePath),
      m_progress(std::move(progress)), m_finished(std::move(finished))
{
}

void FileExport::start()
{
    if (!m_file.open(QIODevice::WriteOnly))
        return finish({Failure::FileAccess, QStringLiteral("%1: %2").arg(m_file.fileName(), m_file.errorString())});
    // How many there are, for the progress only: the stream counts them again.
    if (auto list = m_chats.listChats(m_userId))
        m_total = list->size();
    pump();
}

void FileExport::pump()
{
    auto piece = m_stream.next();
    if (!piece)
        return finish(convert::error(piece.error()));
    if (m_file.write(piece.value()) != piece->size())
        return finish({Failure::FileAccess, QStringLiteral("%1: %2").arg(m_file.fileName(), m_file.errorString())});
    if (m_stream.atEnd()) {
        if (!m_file.commit())
            return finish({Failure::FileAccess, QStringLiteral("%1: %2").arg(m_file.fileName(), m_file.errorString())});
        m_progress(m_total, m_total);
        return finish({});
    }
    // The head comes first, then one chat a piece.
    if (m_pieces++ > 0)
        m_progress(qMin(m_pieces - 1, m_total), m_total);
    QMetaObject::invokeMethod(this, &FileExport::pump, Qt::QueuedConnection);
}

void FileExport::finish(const ClientError &error)
{
    if (!error.ok())
        m_file.cancelWriting();
    m_finished(error);
    deleteLater();
}

} // namespace teehee::client
