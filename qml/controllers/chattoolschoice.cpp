#include "chattoolschoice.h"

#include <QSettings>

namespace chattoolschoice {
namespace {
QString key(const QString &chatId) { return QStringLiteral("tools/chats/") + chatId; }
}

bool enabled(const QString &chatId)
{
    return !chatId.isEmpty() && QSettings().value(key(chatId), false).toBool();
}

void setEnabled(const QString &chatId, bool on)
{
    if (chatId.isEmpty())
        return;
    QSettings settings;
    if (on)
        settings.setValue(key(chatId), true);
    else
        settings.remove(key(chatId)); // off is the default: nothing kept
}
} // namespace chattoolschoice
