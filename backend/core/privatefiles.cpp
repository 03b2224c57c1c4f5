#include "core/privatefiles.h"

#include "core/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace teehee {
namespace {

constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
constexpr QFileDevice::Permissions kGroupOther = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
                                                 | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;

Status restrict(const QString &path, QFileDevice::Permissions wanted)
{
    if ((QFileInfo(path).permissions() & (kOwnerOnly | kGroupOther)) == wanted)
        return success();
    if (!QFile::setPermissions(path, wanted))
        return Error::internal(QStringLiteral("cannot restrict the access to %1 to its owner").arg(path));
    return success();
}

} // namespace

Status makePrivateDirectory(const QString &dir, bool tighten)
{
    const QString target = QDir::cleanPath(QDir(dir).absolutePath());
    QStringList missing;
    for (QString p = target; !QFileInfo::exists(p);) {
        missing.prepend(p);
        const QString parent = QFileInfo(p).path();
        if (parent == p)
            break;
        p = parent;
    }
    for (const QString &d : std::as_const(missing)) {
        // mkdir() applies the umask, which may leave group or others in: set the mode after.
        if (!QDir().mkdir(d) && !QFileInfo(d).isDir())
            return Error::internal(QStringLiteral("cannot create the folder %1").arg(d));
        if (auto st = restrict(d, kOwnerOnly); !st)
            return st;
    }
    if (!QFileInfo(target).isDir())
        return Error::internal(QStringLiteral("%1 is not a folder").arg(target));
    if (tighten && missing.isEmpty()) {
        const auto perms = QFileInfo(target).permissions();
        if (perms & kGroupOther)
            return restrict(target, kOwnerOnly);
    }
    return success();
}

Status makePrivateFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return success();
    const auto perms = info.permissions();
    if (!(perms & kGroupOther))
        return success();
    return restrict(path, perms & ~kGroupOther);
}

void tightenDataDirectory(const QString &dir)
{
    if (dir.isEmpty() || !QFileInfo(dir).isDir())
        return; // created private by whoever needs it first
    Status st = makePrivateDirectory(dir, true);
    for (const char *name : {"teehee.db", "teehee.db-wal", "teehee.db-shm", "teehee.db-journal", "server-id", "secrets.json"}) {
        if (!st)
            break;
        st = makePrivateFile(QDir(dir).filePath(QLatin1String(name)));
    }
    if (!st)
        qCWarning(lcConfig).noquote() << st.error().message;
}

} // namespace teehee
