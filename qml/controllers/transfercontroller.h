#pragma once

#include "chatclient.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QUrl>

// Settings → Data and the chat menu: exporting one chat or all of them to a
// file, and importing a file (a Teehee export or ChatGPT's
// conversations.json), with progress and a line that says how it went.
// One transfer at a time; the client does the work off the UI thread.
class TransferController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    // 0..1; -1 while how much is left is not known.
    Q_PROPERTY(double progress READ progress NOTIFY changed)
    // What the last transfer did, or why it failed (failed tells which).
    Q_PROPERTY(QString resultText READ resultText NOTIFY changed)
    Q_PROPERTY(bool failed READ failed NOTIFY changed)
    // "export" or "import": which one the line above is about.
    Q_PROPERTY(QString kind READ kind NOTIFY changed)
public:
    explicit TransferController(teehee::client::ChatClient *client, QObject *parent = nullptr);
    static TransferController *create(QQmlEngine *engine, QJSEngine *);

    bool busy() const { return m_busy; }
    double progress() const { return m_progress; }
    QString resultText() const { return m_result; }
    bool failed() const { return m_failed; }
    QString kind() const { return m_kind; }

    Q_INVOKABLE void exportAll(const QUrl &file);
    Q_INVOKABLE void importFile(const QUrl &file);
    // format: "markdown" or "json".
    Q_INVOKABLE void exportChat(const QString &chatId, const QString &format, const QUrl &file);
    // The chat menu asks; the window's file dialog answers (chatExportRequested).
    Q_INVOKABLE void requestChatExport(const QString &chatId, const QString &chatName, const QString &format);
    // "Notes on Qt.md": a chat's name as a file name.
    Q_INVOKABLE static QString fileNameFor(const QString &chatName, const QString &format);
    // Where a save dialog proposes `fileName`: the person's documents folder.
    Q_INVOKABLE static QUrl suggestedFile(const QString &fileName);

Q_SIGNALS:
    void changed();
    void chatExportRequested(const QString &chatId, const QUrl &file, const QString &format);
    // A transfer ended; `message` says how (for a toast).
    void finished(bool ok, const QString &message);

private:
    bool begin(const QString &kind);
    void end(bool ok, const QString &message);
    teehee::client::ChatClient::Progress progressReport();

    QPointer<teehee::client::ChatClient> m_client;
    bool m_busy = false;
    double m_progress = -1;
    QString m_result;
    bool m_failed = false;
    QString m_kind;
};
