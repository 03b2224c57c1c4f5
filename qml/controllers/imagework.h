#pragma once

#include <QByteArray>
#include <QMetaObject>
#include <QPointer>
#include <QString>
#include <QThreadPool>

#include <functional>

// Work on files and images that would stall the window (reading a file,
// decoding and scaling a photo) runs on the thread pool; its result comes
// back on the thread of `context`, and not at all once `context` is gone.
template <typename T>
void inBackground(QObject *context, std::function<T()> work, std::function<void(const T &)> done)
{
    QPointer<QObject> guard(context);
    QThreadPool::globalInstance()->start([guard, work = std::move(work), done = std::move(done)] {
        T result = work();
        if (!guard)
            return;
        QMetaObject::invokeMethod(guard.data(), [guard, done, result] {
            if (guard)
                done(result);
        }, Qt::QueuedConnection);
    });
}

namespace imagework {

// A small PNG of an image's bytes as a data: URL for an Image's source;
// empty when the bytes are no image Qt can read.
QString thumbnailUrl(const QByteArray &bytes, int edge = 320);
// The bytes themselves as a data: URL of type `mimeType`.
QString dataUrl(const QByteArray &bytes, const QString &mimeType);

} // namespace imagework
