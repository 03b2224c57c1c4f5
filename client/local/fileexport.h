#pragma once

#include "clienttypes.h"

#include "chat/exportstream.h"

#include <QObject>
#include <QSaveFile>

#include <functional>

namespace teehee {
class ChatService;
}

namespace teehee::client {

// Writes every chat of a user to a file, on the backend thread: one chat per
// turn of its event loop, so replies and other calls go on between them, and
// memory holds one chat however many there are. The file appears only when
// complete (QSaveFile). Deletes itself when done; dies with its parent.
class FileExport : public QObject {
    Q_OBJECT
public:
    using Progress = std::function<void(qint64 chatsWritten, qint64 chats)>;
    using Finished = std::function<void(const ClientError &)>;

    FileExport(const ChatService &chats, const QString &userId, const QString &filePath, Progress progress,
               Finished finished, QObject *parent);

    void start();

private:
    void pump();
    void finish(const ClientError &error);

    const ChatService &m_chats;
    QString m_userId;
    ExportStream m_stream;
    QSaveFile m_file;
    Progress m_progress;
    Finished m_finished;
    qint64 m_total = 0;
    qint64 m_pieces = 0;
};

} // namespace teehee::client
