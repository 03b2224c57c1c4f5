#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

namespace teehee {

// The web client as the build embedded it (web/bundle.cmake): each file by
// the URL path it is served at ("/" for index.html, "/app/<version>/main.js"),
// with its content type, ETag and the pre-compressed variants that are
// smaller than it.
class WebClientFiles {
public:
    struct File {
        QByteArray identity;
        QByteArray gzip;   // empty: no smaller gzip variant
        QByteArray brotli; // empty: no smaller brotli variant
        QByteArray contentType;
        QByteArray etag;   // quoted, of the identity bytes
        bool immutable = false; // under /app/<version>/: its URL changes with its content
    };

    // What a build of the server embedded; empty when it embedded none.
    static const WebClientFiles &embedded();
    // Reads a tree laid out as web/bundle.cmake writes it (a resource or a folder).
    static WebClientFiles load(const QString &root);

    bool isEmpty() const { return m_files.isEmpty(); }
    const QByteArray &version() const { return m_version; }
    const File *find(const QString &urlPath) const;
    // The paths outside /app/: the page, the manifest, the icon, the service worker.
    QStringList topLevelPaths() const;

private:
    QByteArray m_version;
    QHash<QString, File> m_files;
};

} // namespace teehee
