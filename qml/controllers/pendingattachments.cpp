#include "pendingattachments.h"

#include "clientprovider.h"
#include "failuretext.h"
#include "imagework.h"

#include <QBuffer>
#include <algorithm>
#include <QClipboard>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLocale>
#include <QMimeData>
#include <QMimeDatabase>

using teehee::client::AttachmentInfo;
using teehee::client::Failure;
using teehee::client::ModelInfo;
using teehee::client::Outcome;

namespace {

bool isImageType(const QString &type)
{
    return type == u"image/png" || type == u"image/jpeg" || type == u"image/gif" || type == u"image/webp";
}

// What the server takes (it judges the bytes again): images, PDF, and text.
bool acceptedType(const QMimeType &type)
{
    return isImageType(type.name()) || type.name() == u"application/pdf" || type.inherits(QStringLiteral("text/plain"))
        || type.name() == u"application/json";
}

struct ReadFile {
    QByteArray bytes;
    QString mimeType;
    QString thumbnail;
    bool readable = false;
};

} // namespace

PendingAttachments::PendingAttachments(QObject *parent) : QObject(parent), m_client(ClientProvider::client())
{
}

QVariantList PendingAttachments::items() const
{
    QVariantList out;
    for (const Item &i : m_items)
        out << QVariantMap{{QStringLiteral("key"), i.key}, {QStringLiteral("name"), i.name},
                           {QStringLiteral("mimeType"), i.mimeType}, {QStringLiteral("size"), double(i.size)},
                           {QStringLiteral("isImage"), isImageType(i.mimeType)},
                           {QStringLiteral("thumbnail"), i.thumbnail}, {QStringLiteral("ready"), !i.id.isEmpty()}};
    return out;
}

bool PendingAttachments::uploading() const
{
    return std::any_of(m_items.cbegin(), m_items.cend(), [](const Item &i) { return i.id.isEmpty(); });
}

bool PendingAttachments::hasImages() const
{
    return std::any_of(m_items.cbegin(), m_items.cend(), [](const Item &i) { return isImageType(i.mimeType); });
}

QStringList PendingAttachments::ids() const
{
    QStringList out;
    for (const Item &i : m_items)
        if (!i.id.isEmpty())
            out << i.id;
    return out;
}

QString PendingAttachments::tooLarge(const QString &name) const
{
    const qint64 most = m_client ? m_client->attachmentMaxBytes() : 0;
    return tr("“%1” is too large: a file may have at most %2.").arg(name, QLocale().formattedDataSize(most));
}

bool PendingAttachments::roomForMore()
{
    if (m_items.size() < kMaxPerMessage)
        return true;
    Q_EMIT refused(tr("A message can carry at most %n files.", nullptr, kMaxPerMessage));
    return false;
}

void PendingAttachments::addFiles(const QList<QUrl> &urls)
{
    static const QMimeDatabase mimes;
    for (const QUrl &url : urls) {
        if (!roomForMore())
            return;
        const QFileInfo file(url.toLocalFile());
        if (!url.isLocalFile() || !file.isFile()) {
            Q_EMIT refused(tr("“%1” is not a file on this computer.").arg(url.fileName()));
            continue;
        }
        if (m_client && file.size() > m_client->attachmentMaxBytes()) {
            Q_EMIT refused(tooLarge(file.fileName()));
            continue;
        }
        if (!acceptedType(mimes.mimeTypeForFile(file))) {
            Q_EMIT refused(tr("“%1” cannot be attached: images (PNG, JPEG, GIF, WebP), PDF and text files can.")
                               .arg(file.fileName()));
            continue;
        }
        read(file.absoluteFilePath(), file.fileName());
    }
}

void PendingAttachments::read(const QString &path, const QString &name)
{
    Item item;
    item.key = ++m_nextKey;
    item.name = name;
    item.size = QFileInfo(path).size();
    m_items << item;
    Q_EMIT changed();
    const int key = item.key;
    inBackground<ReadFile>(this, [path] {
        ReadFile r;
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return r;
        r.bytes = f.readAll();
        r.readable = true;
        r.mimeType = QMimeDatabase().mimeTypeForFileNameAndData(path, r.bytes).name();
        if (isImageType(r.mimeType))
            r.thumbnail = imagework::thumbnailUrl(r.bytes, 160);
        return r;
    }, [this, key, name](const ReadFile &r) {
        if (!r.readable)
            return refuse(key, tr("“%1” could not be read.").arg(name));
        for (Item &i : m_items) {
            if (i.key == key) {
                i.mimeType = r.mimeType;
                i.thumbnail = r.thumbnail;
                i.size = r.bytes.size();
            }
        }
        Q_EMIT changed();
        upload(key, r.bytes);
    });
}

bool PendingAttachments::pasteFromClipboard()
{
    const QMimeData *data = QGuiApplication::clipboard()->mimeData();
    if (!data)
        return false;
    if (data->hasImage()) {
        addImage(qvariant_cast<QImage>(data->imageData()),
                 tr("Pasted image %1.png").arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH.mm.ss"))));
        return true;
    }
    QList<QUrl> files;
    for (const QUrl &url : data->urls())
        if (url.isLocalFile())
            files << url;
    if (files.isEmpty())
        return false;
    addFiles(files);
    return true;
}

void PendingAttachments::addImage(const QImage &image, const QString &name)
{
    if (image.isNull() || !roomForMore())
        return;
    Item item;
    item.key = ++m_nextKey;
    item.name = name;
    item.mimeType = QStringLiteral("image/png");
    m_items << item;
    Q_EMIT changed();
    const int key = item.key;
    struct Encoded { QByteArray png; QString thumbnail; };
    inBackground<Encoded>(this, [image] {
        Encoded e;
        QBuffer buffer(&e.png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        e.thumbnail = imagework::thumbnailUrl(e.png, 160);
        return e;
    }, [this, key, name](const Encoded &e) {
        if (m_client && e.png.size() > m_client->attachmentMaxBytes())
            return refuse(key, tooLarge(name));
        for (Item &i : m_items) {
            if (i.key == key) {
                i.thumbnail = e.thumbnail;
                i.size = e.png.size();
            }
        }
        Q_EMIT changed();
        upload(key, e.png);
    });
}

void PendingAttachments::upload(int key, const QByteArray &bytes)
{
    auto found = std::find_if(m_items.cbegin(), m_items.cend(), [key](const Item &i) { return i.key == key; });
    if (found == m_items.cend() || !m_client)
        return; // taken out while it was read
    const QString name = found->name;
    m_client->uploadAttachment(this, name, found->mimeType, bytes, [this, key, name](const Outcome<AttachmentInfo> &r) {
        if (!r.ok()) {
            switch (r.error.reason) {
            case Failure::TooLarge: return refuse(key, tooLarge(name));
            case Failure::UnsupportedType:
                return refuse(key, tr("“%1” cannot be attached: images (PNG, JPEG, GIF, WebP), PDF and text files can.").arg(name));
            default: return refuse(key, tr("“%1” was not attached: %2").arg(name, failureText(r.error)));
            }
        }
        for (Item &i : m_items) {
            if (i.key == key) {
                i.id = r.value.id;
                i.mimeType = r.value.mimeType; // as the server judged the bytes
            }
        }
        Q_EMIT changed();
    });
}

void PendingAttachments::refuse(int key, const QString &message)
{
    remove(key);
    Q_EMIT refused(message);
}

void PendingAttachments::remove(int key)
{
    const qsizetype before = m_items.size();
    m_items.removeIf([key](const Item &i) { return i.key == key; });
    if (m_items.size() != before)
        Q_EMIT changed();
}

void PendingAttachments::clear()
{
    if (m_items.isEmpty())
        return;
    m_items.clear();
    Q_EMIT changed();
}

QString PendingAttachments::visionRefusal(const QString &provider, const QString &model) const
{
    if (!hasImages() || !m_client)
        return {};
    // As the server decides: only a model the catalogue knows to take no images is refused.
    const std::optional<ModelInfo> known = m_client->catalogueModel(provider, model);
    if (known && known->takesImages == std::optional<bool>(false))
        return tr("%1 cannot read images. Choose a model that can, or remove the images.").arg(model);
    return {};
}
