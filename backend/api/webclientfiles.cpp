#include "api/webclientfiles.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>

namespace teehee {
namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray contentTypeOf(const QString &name)
{
    static const QList<QPair<QString, QByteArray>> types = {
        {QStringLiteral(".html"), "text/html; charset=utf-8"},
        {QStringLiteral(".js"), "text/javascript; charset=utf-8"},
        {QStringLiteral(".css"), "text/css; charset=utf-8"},
        {QStringLiteral(".json"), "application/json"},
        {QStringLiteral(".webmanifest"), "application/manifest+json"},
        {QStringLiteral(".svg"), "image/svg+xml"},
        {QStringLiteral(".png"), "image/png"},
    };
    for (const auto &[suffix, type] : types)
        if (name.endsWith(suffix))
            return type;
    return "application/octet-stream";
}

// A variant is worth sending only when it is smaller than the file itself.
QByteArray smallerVariant(const QString &path, qsizetype than)
{
    QByteArray bytes = readAll(path);
    return bytes.size() < than ? bytes : QByteArray();
}

} // namespace

const WebClientFiles &WebClientFiles::embedded()
{
    static const WebClientFiles files = load(QStringLiteral(":/web"));
    return files;
}

WebClientFiles WebClientFiles::load(const QString &root)
{
    WebClientFiles out;
    out.m_version = readAll(root + QStringLiteral("/version")).trimmed();
    if (out.m_version.isEmpty())
        return out;
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString rel = path.mid(root.size() + 1);
        if (rel == u"version" || rel.endsWith(u".gz") || rel.endsWith(u".br"))
            continue;
        File file;
        file.identity = readAll(path);
        file.gzip = smallerVariant(path + QStringLiteral(".gz"), file.identity.size());
        file.brotli = smallerVariant(path + QStringLiteral(".br"), file.identity.size());
        file.contentType = contentTypeOf(rel);
        file.etag = '"' + QCryptographicHash::hash(file.identity, QCryptographicHash::Sha256).toHex().left(24) + '"';
        QString urlPath;
        if (rel.startsWith(u"app/")) {
            file.immutable = true;
            urlPath = QStringLiteral("/app/") + QString::fromLatin1(out.m_version) + rel.mid(3);
        } else {
            urlPath = rel == u"index.html" ? QStringLiteral("/") : u'/' + rel;
        }
        out.m_files.insert(urlPath, std::move(file));
    }
    return out;
}

const WebClientFiles::File *WebClientFiles::find(const QString &urlPath) const
{
    const auto it = m_files.constFind(urlPath);
    return it == m_files.cend() ? nullptr : &*it;
}

QStringList WebClientFiles::topLevelPaths() const
{
    QStringList out;
    for (auto it = m_files.cbegin(); it != m_files.cend(); ++it)
        if (!it->immutable)
            out << it.key();
    out.sort();
    return out;
}

} // namespace teehee
