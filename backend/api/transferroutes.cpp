// Export and import of chats (spec/api.md, "Export and import"). The
// documents are made and read in the chat layer (chat/chatexport.h,
// chat/chatimport.h); here they go over HTTP. An export of every chat is
// written one chat at a time, as fast as the client reads it.
#include "api/apicontext.h"
#include "api/routes.h"
#include "backend.h"
#include "chat/chatexport.h"
#include "chat/chatimport.h"
#include "chat/chatservice.h"
#include "chat/exportstream.h"
#include "core/logging.h"

#include <QJsonArray>
#include <QPointer>

namespace teehee {
namespace {

// Unsent bytes above which the export waits for the client to read.
constexpr qint64 kExportBacklog = 1024 * 1024;

QByteArray attachment(const QString &fileName)
{
    return "attachment; filename=\"" + fileName.toUtf8() + '"';
}

// Writes an ExportStream to one response: a piece whenever less than
// kExportBacklog is waiting, one piece per turn of the event loop so other
// requests go on meanwhile. Deletes itself when done or when the client leaves.
class ExportWriter : public QObject {
public:
    ExportWriter(const ChatService &chats, const QString &userId, Responder res, QObject *parent)
        : QObject(parent), m_stream(chats, userId), m_res(std::move(res))
    {
        m_res.onBytesWritten(this, [this] { pump(); });
        m_res.onDisconnected(this, [this] { deleteLater(); });
    }

    void start()
    {
        m_res.beginStream(200, {{"Content-Disposition", attachment(QStringLiteral("teehee-export.json"))}},
                          QByteArrayLiteral("application/json"));
        pump();
    }

private:
    void pump()
    {
        m_scheduled = false;
        if (m_done || m_res.bytesToWrite() >= kExportBacklog)
            return;   // bytesWritten calls again
        auto piece = m_stream.next();
        if (!piece) {
            // The status is sent already: a cut connection is how the client learns of it.
            qCWarning(lcHttp).noquote() << "export failed:" << piece.error().message;
            return finish(false);
        }
        if (!m_res.writeChunk(piece.value()))
            return finish(false);
        if (m_stream.atEnd())
            return finish(true);
        if (!std::exchange(m_scheduled, true))
            QMetaObject::invokeMethod(this, [this] { pump(); }, Qt::QueuedConnection);
    }

    void finish(bool complete)
    {
        m_done = true;
        if (complete)
            m_res.endStream();
        else
            m_res.abortConnection();
        deleteLater();
    }

    ExportStream m_stream;
    Responder m_res;
    bool m_scheduled = false;
    bool m_done = false;
};

} // namespace

void registerTransferRoutes(ApiContext &ctx)
{
    Router &r = ctx.router();
    Backend &backend = ctx.backend();

    r.get(QStringLiteral("/chats/{chat_id:uuid}/export"),
          ctx.authed([&backend](const ApiRequest &req, const AuthUser &user, Responder res) {
        const QString format = req.query.queryItemValue(QStringLiteral("format"));
        if (!format.isEmpty() && format != QLatin1String("json") && format != QLatin1String("markdown"))
            return res.send(Error::invalid(QStringLiteral("format: must be json or markdown")));
        auto detail = backend.chats().chatDetail(user.id, req.param(QStringLiteral("chat_id")));
        if (!detail)
            return res.send(detail.error());
        HttpResponse out;
        if (format == QLatin1String("markdown")) {
            out.body = chatexport::markdown(detail.value());
            out.contentType = QByteArrayLiteral("text/markdown; charset=utf-8");
            out.withHeader("Content-Disposition", attachment(chatexport::fileName(detail->chat, QStringLiteral("md"))));
        } else {
            out.body = chatexport::chatDocument(detail.value());
            out.withHeader("Content-Disposition", attachment(chatexport::fileName(detail->chat, QStringLiteral("json"))));
        }
        res.send(out);
    }));

    r.get(QStringLiteral("/export"), ctx.authed([&backend](const ApiRequest &, const AuthUser &user, Responder res) {
        auto *writer = new ExportWriter(backend.chats(), user.id, std::move(res), &backend);
        writer->start();
    }));

    r.post(QStringLiteral("/import"), ctx.authed([&backend](const ApiRequest &req, const AuthUser &user, Responder res) {
        auto outcome = ChatImport(backend.database()).importDocument(user.id, req.body);
        if (!outcome)
            return res.send(outcome.error());
        QJsonArray ids;
        for (const ChatRecord &chat : outcome->chats) {
            ids.append(chat.id);
            Q_EMIT backend.chats().chatCreated(chat);   // open views and other devices list it
        }
        res.send(jsonResponse(QJsonObject{{QStringLiteral("imported"), outcome->imported},
                                          {QStringLiteral("skipped"), outcome->skipped},
                                          {QStringLiteral("chat_ids"), ids}},
                              201));
    }));
}

} // namespace teehee
