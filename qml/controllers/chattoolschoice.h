#pragma once

#include <QString>

// Whether a chat offers the account's tools to the model (the composer's
// Tools chip), remembered per chat in this computer's settings.
namespace chattoolschoice {
bool enabled(const QString &chatId);
void setEnabled(const QString &chatId, bool enabled);
} // namespace chattoolschoice
