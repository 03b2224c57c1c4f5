// LocalChatClient's export and import (spec/api.md, "Export and import"):
// documents are made and read by the chat layer, as for the server's routes.
#include "localchatclient.h"

#include "backendcalls.h"
#include "fileexport.h"
#include "importjob.h"
#include "recordconversions.h"

#include "chat/chatexport.h"
#include "chat/chatservice.h"

#include <QSaveFile>

namespace teehee::client {

void LocalChatClient::exportChat(QObject *context, const QString &chatId, ExportFormat format,
                                 const QString &filePath, Done done)
{
    run(context, [chatId, format, filePath](Backend &b, const QString &uid) {
        auto detail = b.chats().chatDetail(uid, chatId);
        if (!detail)
            return convert::error(detail.error());
        const QByteArray bytes = format == ExportFormat::Markdown ? chatexport::markdown(detail.value())
                                                                  : chatexport::chatDocument(detail.value());
        QSaveFile file(filePath);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
            return ClientError{Failure::FileAccess, QStringLiteral("%1: %2").arg(filePath, file.errorString())};
        return ClientError{};
    }, done);
}

void LocalChatClient::exportAll(QObject *context, const QString &filePath, Progress progress, Done done)
{
    if (m_state != State::Ready)
        return;
    QPointer<QObject> guard(context);
    auto toCaller = [this, guard](auto fn) {
        QMetaObject::invokeMethod(this, [guard, fn] {
            if (guard)
                fn();
        }, Qt::QueuedConnection);
    };
    QMetaObject::invokeMethod(m_backend, [this, filePath, progress, done, toCaller] {
        auto *job = new FileExport(
            m_backend->chats(), m_userId, filePath,
            [progress, toCaller](qint64 written, qint64 total) {
                if (progress)
                    toCaller([progress, written, total] { progress(written, total); });
            },
            [done, toCaller](const ClientError &error) { toCaller([done, error] { done(error); }); },
            m_backend); // gone with the backend: an unfinished file is then discarded
        job->start();
    }, Qt::QueuedConnection);
}

void LocalChatClient::importFile(QObject *context, const QString &filePath, Progress progress,
                                 Reply<ImportResult> reply)
{
    if (m_state != State::Ready)
        return;
    if (!m_imports)
        m_imports = std::make_unique<ImportJobs>(m_backend->database());
    QPointer<QObject> guard(context);
    m_imports->start(m_userId, filePath,
        [this, guard, progress](qint64 stored, qint64 total) {
            QMetaObject::invokeMethod(this, [guard, progress, stored, total] {
                if (guard && progress)
                    progress(stored, total);
            }, Qt::QueuedConnection);
        },
        [this, guard, reply](const Outcome<ImportOutcome> &outcome) {
            ImportResult result;
            result.imported = outcome.value.imported;
            result.skipped = outcome.value.skipped;
            for (const ChatRecord &c : outcome.value.chats)
                result.chatIds << c.id;
            // On the import's thread, which ends before the backend does (~LocalChatClient).
            // Told as the server tells them: open views and shared devices list the new chats.
            const QList<ChatRecord> made = outcome.value.chats;
            QMetaObject::invokeMethod(m_backend, [b = m_backend, made] {
                for (const ChatRecord &c : made)
                    Q_EMIT b->chats().chatCreated(c);
            }, Qt::QueuedConnection);
            const Outcome<ImportResult> answer{result, outcome.error};
            // After the chatCreated events above have been queued to this thread.
            QMetaObject::invokeMethod(m_backend, [this, guard, reply, answer] {
                QMetaObject::invokeMethod(this, [guard, reply, answer] {
                    if (guard)
                        reply(answer);
                }, Qt::QueuedConnection);
            }, Qt::QueuedConnection);
        });
}

} // namespace teehee::client
