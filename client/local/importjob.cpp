#include "importjob.h"

#include "recordconversions.h"

#include "chat/chatimport.h"
#include "chat/importdocument.h"
#include "db/database.h"

#include <QFile>
#include <QThread>

namespace teehee::client {

ImportJobs::ImportJobs(const Database &db) : m_db(db) {}

ImportJobs::~ImportJobs()
{
    m_stopping->store(true);
    for (QThread *t : std::as_const(m_threads)) {
        t->wait();
        delete t;
    }
}

void ImportJobs::start(const QString &userId, const QString &filePath, Progress progress, Finished finished)
{
    // Ended threads are let go as new ones start (at most one lingers).
    for (auto it = m_threads.begin(); it != m_threads.end();) {
        if ((*it)->isFinished()) {
            delete *it;
            it = m_threads.erase(it);
        } else {
            ++it;
        }
    }
    QThread *thread = QThread::create([this, userId, filePath, progress, finished] {
        Database::markBackgroundWriter();
        const auto outcome = run(userId, filePath, progress);
        m_db.closeThreadConnection();
        finished(outcome);
    });
    thread->setObjectName(QStringLiteral("chat-import"));
    m_threads << thread;
    thread->start(QThread::LowPriority);
}

Outcome<ImportOutcome> ImportJobs::run(const QString &userId, const QString &filePath, const Progress &progress) const
{
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly))
        return {{}, {Failure::FileAccess, QStringLiteral("%1: %2").arg(filePath, file.errorString())}};
    // Mapped, not read: the pages are the system's cache, not this process's heap.
    const qint64 size = file.size();
    uchar *mapped = size > 0 ? file.map(0, size) : nullptr;
    QByteArray readCopy;
    if (!mapped && size > 0)
        readCopy = file.readAll();
    const QByteArray document = mapped ? QByteArray::fromRawData(reinterpret_cast<const char *>(mapped), size)
                                       : readCopy;
    progress(0, 0);
    qint64 total = 0;
    if (auto st = importdocument::forEachChat(document, [&total](const ImportedChat &) {
            ++total;
            return success();
        }); !st)
        return convert::failed<ImportOutcome>(st.error());
    ImportOutcome outcome;
    const ChatImport importer(m_db);
    qint64 done = 0;
    const auto stored = importdocument::forEachChat(document, [&](ImportedChat chat) -> Status {
        if (m_stopping->load())
            return Error{ErrorCode::Unavailable, QStringLiteral("the import was stopped")};
        auto one = importer.importChats(userId, {std::move(chat)});
        if (!one)
            return one.error();
        outcome.imported += one->imported;
        outcome.skipped += one->skipped;
        outcome.chats << one->chats;
        progress(++done, total);
        return success();
    });
    // Chats stored before a failure stay (a re-import skips them): they are told too.
    return {outcome, stored ? ClientError{} : convert::error(stored.error())};
}

} // namespace teehee::client
