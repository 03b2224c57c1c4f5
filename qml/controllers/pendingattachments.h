#pragma once

#include "chatclient.h"

#include <QImage>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QUrl>
#include <QVariantList>

// The files waiting in the composer for the next message: picked, dropped or
// pasted. Each is checked (size, type, how many) before it is read, read off
// the window's thread, and uploaded at once; a refusal is told in the
// person's language and the file leaves the tray.
class PendingAttachments : public QObject {
    Q_OBJECT
    QML_ELEMENT
    // [{key, name, mimeType, size, isImage, thumbnail (data: URL or ""), ready}]
    Q_PROPERTY(QVariantList items READ items NOTIFY changed)
    Q_PROPERTY(int count READ count NOTIFY changed)
    Q_PROPERTY(bool uploading READ uploading NOTIFY changed)
    Q_PROPERTY(bool hasImages READ hasImages NOTIFY changed)
public:
    static constexpr int kMaxPerMessage = 20; // the server's limit per message

    explicit PendingAttachments(QObject *parent = nullptr);

    QVariantList items() const;
    int count() const { return int(m_items.size()); }
    bool uploading() const;
    bool hasImages() const;

    // Local files (a file dialog's or a drop's URLs); others are refused.
    Q_INVOKABLE void addFiles(const QList<QUrl> &urls);
    // Ctrl+V: an image (or copied files) on the clipboard joins the tray;
    // false when the clipboard holds neither (the text field pastes then).
    Q_INVOKABLE bool pasteFromClipboard();
    void addImage(const QImage &image, const QString &name);
    Q_INVOKABLE void remove(int key);
    Q_INVOKABLE void clear();
    // The uploaded files' ids, for ConversationController::send.
    Q_INVOKABLE QStringList ids() const;
    // Why these files cannot go to that model (images to one that takes
    // none), worded for the person; empty when they can.
    Q_INVOKABLE QString visionRefusal(const QString &provider, const QString &model) const;

Q_SIGNALS:
    void changed();
    // A file was refused (too large, of a kind not taken, too many, unreadable).
    void refused(const QString &message);

private:
    struct Item {
        int key = 0;
        QString name;
        QString mimeType;
        qint64 size = 0;
        QString thumbnail;
        QString id; // empty while uploading
    };
    // Reads and uploads one file (off the window's thread, then through the client).
    void read(const QString &path, const QString &name);
    void upload(int key, const QByteArray &bytes);
    void refuse(int key, const QString &message);
    QString tooLarge(const QString &name) const;
    bool roomForMore();

    QPointer<teehee::client::ChatClient> m_client;
    QList<Item> m_items;
    int m_nextKey = 0;
};
