// RemoteChatClient's export and import (spec/api.md, "Export and import"):
// the documents go between the server and a file as they come, so memory
// stays flat whatever their size.
#include "remotechatclient.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkReply>
#include <QPointer>
#include <QSaveFile>
#include <QTimer>

namespace teehee::client {
namespace {

// Bytes of a refusal's body kept to read its reason; the rest is dropped.
constexpr qsizetype kMaxErrorBody = 64 * 1024;

ClientError fileError(const QFileDevice &file)
{
    return {Failure::FileAccess, QStringLiteral("%1: %2").arg(file.fileName(), file.errorString())};
}

// Answers on the caller's thread after the call returns, as the server's answers do.
void later(QObject *context, std::function<void()> fn)
{
    QTimer::singleShot(0, context, std::move(fn));
}

// Writes the answer of `reply` to `filePath` as it arrives; `done` once it is
// complete (the file then appears) or failed (the file is left as it was).
void download(QNetworkReply *reply, const QString &filePath, QObject *context, const ChatClient::Progress &progress,
              const ChatClient::Done &done)
{
    auto *file = new QSaveFile(filePath, reply);
    auto refusal = std::make_shared<QByteArray>();
    QPointer<QObject> alive(context);
    if (!file->open(QIODevice::WriteOnly)) {
        const ClientError error = fileError(*file);
        reply->abort();
        reply->deleteLater();
        return later(context, [done, error] { done(error); });
    }
    // The caller gone, the transfer stops (the half file is discarded).
    if (context)
        QObject::connect(context, &QObject::destroyed, reply, &QNetworkReply::abort);
    // What has come: into the file when the answer is a success, else kept as the refusal.
    auto drain = [reply, file, refusal, progress, alive] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray bytes = reply->readAll();
        if (bytes.isEmpty())
            return;
        if (status < 200 || status >= 300) {
            if (refusal->size() < kMaxErrorBody)
                refusal->append(bytes.left(kMaxErrorBody - refusal->size()));
            return;
        }
        if (file->write(bytes) != bytes.size())
            return reply->abort(); // finished() tells the file's error
        if (progress && alive)
            progress(file->pos(), reply->header(QNetworkRequest::ContentLengthHeader).toLongLong());
    };
    QObject::connect(reply, &QNetworkReply::readyRead, reply, drain);
    QObject::connect(reply, &QNetworkReply::finished, reply, [reply, file, refusal, done, alive, drain] {
        reply->deleteLater();
        drain();
        ClientError error = ServerLink::errorOf(reply, *refusal);
        if (file->error() != QFileDevice::NoError)
            error = fileError(*file);
        if (error.ok() && !file->commit())
            error = fileError(*file);
        if (!error.ok())
            file->cancelWriting();
        if (alive)
            done(error);
    });
}

} // namespace

void RemoteChatClient::exportChat(QObject *context, const QString &chatId, ExportFormat format,
                                  const QString &filePath, Done done)
{
    const QString path = QStringLiteral("/chats/%1/export?format=%2")
                             .arg(chatId, format == ExportFormat::Markdown ? QStringLiteral("markdown")
                                                                           : QStringLiteral("json"));
    download(m_link.openTransfer("GET", path, nullptr, {}), filePath, context, {}, done);
}

void RemoteChatClient::exportAll(QObject *context, const QString &filePath, Progress progress, Done done)
{
    download(m_link.openTransfer("GET", QStringLiteral("/export"), nullptr, {}), filePath, context, progress, done);
}

void RemoteChatClient::importFile(QObject *context, const QString &filePath, Progress progress,
                                  Reply<ImportResult> reply)
{
    auto *file = new QFile(filePath);
    if (!file->open(QIODevice::ReadOnly)) {
        const ClientError error = fileError(*file);
        delete file;
        return later(context, [reply, error] { reply({{}, error}); });
    }
    QNetworkReply *r = m_link.openTransfer("POST", QStringLiteral("/import"), file,
                                           QByteArrayLiteral("application/json"));
    file->setParent(r); // read while it is sent, closed with the reply
    QPointer<QObject> alive(context);
    if (context)
        QObject::connect(context, &QObject::destroyed, r, &QNetworkReply::abort);
    QObject::connect(r, &QNetworkReply::uploadProgress, r, [progress, alive](qint64 sent, qint64 total) {
        // The end of the upload comes as (0, 0) too: not a step back.
        if (progress && alive && total > 0)
            progress(sent, total);
    });
    QObject::connect(r, &QNetworkReply::finished, this, [r, reply, alive] {
        r->deleteLater();
        const QByteArray body = r->readAll(); // the server's short answer
        Outcome<ImportResult> out;
        out.error = ServerLink::errorOf(r, body);
        if (out.ok()) {
            const QJsonObject o = QJsonDocument::fromJson(body).object();
            out.value.imported = o.value(u"imported").toInt();
            out.value.skipped = o.value(u"skipped").toInt();
            for (const QJsonValue &id : o.value(u"chat_ids").toArray())
                out.value.chatIds << id.toString();
        }
        if (alive)
            reply(out);
    });
}

} // namespace teehee::client
