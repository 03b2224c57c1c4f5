#pragma once

#include "chatclient.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>

// The picture of one sent image attachment, for a message's thumbnail and
// its larger preview: its bytes come from the client (this computer's
// database or the server) and are decoded off the window's thread.
// Thumbnails are kept for the session, so scrolling back costs nothing.
class AttachmentPreview : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString attachmentId READ attachmentId WRITE setAttachmentId NOTIFY attachmentIdChanged)
    Q_PROPERTY(QString mimeType MEMBER m_mimeType NOTIFY attachmentIdChanged)
    Q_PROPERTY(QString thumbnail READ thumbnail NOTIFY loaded)  // data: URL, empty until loaded
    Q_PROPERTY(QString full READ full NOTIFY loaded)            // after loadFull()
    Q_PROPERTY(bool failed READ failed NOTIFY loaded)           // gone or unreadable
public:
    explicit AttachmentPreview(QObject *parent = nullptr);

    QString attachmentId() const { return m_id; }
    void setAttachmentId(const QString &id);
    QString thumbnail() const { return m_thumbnail; }
    QString full() const { return m_full; }
    bool failed() const { return m_failed; }

    // The image at its own size, for the preview.
    Q_INVOKABLE void loadFull();

Q_SIGNALS:
    void attachmentIdChanged();
    void loaded();

private:
    QPointer<teehee::client::ChatClient> m_client;
    QString m_id;
    QString m_mimeType;
    QString m_thumbnail;
    QString m_full;
    bool m_failed = false;
};
