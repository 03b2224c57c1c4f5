#include "attachmentpreview.h"

#include "clientprovider.h"
#include "imagework.h"

#include <QCache>

using teehee::client::Outcome;

namespace {

// Thumbnails by attachment id (an attachment never changes once stored).
QCache<QString, QString> &thumbnails()
{
    static QCache<QString, QString> cache(400);
    return cache;
}

} // namespace

AttachmentPreview::AttachmentPreview(QObject *parent) : QObject(parent), m_client(ClientProvider::client())
{
}

void AttachmentPreview::setAttachmentId(const QString &id)
{
    if (id == m_id)
        return;
    m_id = id;
    m_thumbnail.clear();
    m_full.clear();
    m_failed = false;
    Q_EMIT attachmentIdChanged();
    if (const QString *known = thumbnails().object(id)) {
        m_thumbnail = *known;
        return Q_EMIT loaded();
    }
    Q_EMIT loaded();
    if (id.isEmpty() || !m_client)
        return;
    m_client->attachmentBytes(this, id, [this, id](const Outcome<QByteArray> &r) {
        if (id != m_id)
            return;
        if (!r.ok()) {
            m_failed = true;
            return Q_EMIT loaded();
        }
        inBackground<QString>(this, [bytes = r.value] { return imagework::thumbnailUrl(bytes); },
                              [this, id](const QString &url) {
            if (!url.isEmpty())
                thumbnails().insert(id, new QString(url));
            if (id != m_id)
                return;
            m_thumbnail = url;
            m_failed = url.isEmpty();
            Q_EMIT loaded();
        });
    });
}

void AttachmentPreview::loadFull()
{
    if (!m_full.isEmpty() || m_id.isEmpty() || !m_client)
        return;
    const QString id = m_id;
    m_client->attachmentBytes(this, id, [this, id](const Outcome<QByteArray> &r) {
        if (id != m_id || !r.ok())
            return;
        inBackground<QString>(this, [bytes = r.value, type = m_mimeType] { return imagework::dataUrl(bytes, type); },
                              [this, id](const QString &url) {
            if (id != m_id)
                return;
            m_full = url;
            Q_EMIT loaded();
        });
    });
}
