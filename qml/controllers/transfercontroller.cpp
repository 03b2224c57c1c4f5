#include "transfercontroller.h"

#include "clientprovider.h"
#include "failuretext.h"

#include <QFileInfo>
#include <QLocale>
#include <QStandardPaths>
#include <QRegularExpression>

using teehee::client::ChatClient;
using teehee::client::ClientError;
using teehee::client::ExportFormat;
using teehee::client::Failure;
using teehee::client::ImportResult;
using teehee::client::Outcome;

namespace {

QString pathOf(const QUrl &file)
{
    return file.isLocalFile() ? file.toLocalFile() : file.toString();
}

} // namespace

TransferController::TransferController(ChatClient *client, QObject *parent) : QObject(parent), m_client(client) {}

TransferController *TransferController::create(QQmlEngine *, QJSEngine *)
{
    return new TransferController(ClientProvider::client());
}

bool TransferController::begin(const QString &kind)
{
    if (m_busy || !m_client || m_client->state() != ChatClient::State::Ready)
        return false;
    m_busy = true;
    m_kind = kind;
    m_progress = -1;
    m_result.clear();
    m_failed = false;
    Q_EMIT changed();
    return true;
}

void TransferController::end(bool ok, const QString &message)
{
    m_busy = false;
    m_failed = !ok;
    m_progress = ok ? 1 : -1;
    m_result = message;
    Q_EMIT changed();
    Q_EMIT finished(ok, message);
}

ChatClient::Progress TransferController::progressReport()
{
    return [this](qint64 done, qint64 total) {
        m_progress = total > 0 ? qBound(0.0, double(done) / double(total), 1.0) : -1;
        Q_EMIT changed();
    };
}

void TransferController::exportAll(const QUrl &file)
{
    if (!begin(QStringLiteral("export")))
        return;
    const QString path = pathOf(file);
    m_client->exportAll(this, path, progressReport(), [this, path](const ClientError &error) {
        end(error.ok(), error.ok() ? tr("All chats exported to %1").arg(QFileInfo(path).fileName()) : failureText(error));
    });
}

void TransferController::importFile(const QUrl &file)
{
    if (!begin(QStringLiteral("import")))
        return;
    m_client->importFile(this, pathOf(file), progressReport(), [this](const Outcome<ImportResult> &out) {
        if (!out.ok()) {
            // The file's own fault: say what it should have been, then the detail.
            if (out.error.reason == Failure::Invalid)
                return end(false, tr("This file is not a Teehee export or a ChatGPT conversations.json (%1).")
                                      .arg(out.error.detail));
            return end(false, failureText(out.error));
        }
        const QLocale locale;
        QString text = out.value.imported == 1 ? tr("1 chat imported")
                                               : tr("%1 chats imported").arg(locale.toString(out.value.imported));
        if (out.value.skipped > 0)
            text = tr("%1, %2 already there").arg(text, locale.toString(out.value.skipped));
        end(true, text);
    });
}

void TransferController::exportChat(const QString &chatId, const QString &format, const QUrl &file)
{
    if (!begin(QStringLiteral("export")))
        return;
    const QString path = pathOf(file);
    const ExportFormat f = format == QLatin1String("markdown") ? ExportFormat::Markdown : ExportFormat::Json;
    m_client->exportChat(this, chatId, f, path, [this, path](const ClientError &error) {
        end(error.ok(), error.ok() ? tr("Chat exported to %1").arg(QFileInfo(path).fileName()) : failureText(error));
    });
}

void TransferController::requestChatExport(const QString &chatId, const QString &chatName, const QString &format)
{
    Q_EMIT chatExportRequested(chatId, suggestedFile(fileNameFor(chatName, format)), format);
}

QUrl TransferController::suggestedFile(const QString &fileName)
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty())
        folder = QStandardPaths::writableLocation(QStandardPaths::HomeLocation);
    return QUrl::fromLocalFile(folder + u'/' + fileName);
}

QString TransferController::fileNameFor(const QString &chatName, const QString &format)
{
    // Characters no file system minds; the rest become spaces.
    static const QRegularExpression unsafe(QStringLiteral("[\\\\/:*?\"<>|\\x00-\\x1f]+"));
    QString base = chatName;
    base.replace(unsafe, QStringLiteral(" "));
    base = base.simplified().left(80);
    if (base.isEmpty() || base.startsWith(u'.'))
        base = QStringLiteral("chat");
    return base + (format == QLatin1String("markdown") ? QStringLiteral(".md") : QStringLiteral(".json"));
}
