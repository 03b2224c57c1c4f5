#pragma once

#include "core/error.h"

#include <QString>

namespace teehee {

// What the product accepts as message text, chat names and roles. Checked
// before anything is written so SQLite and PostgreSQL answer alike
// (PostgreSQL refuses NUL characters that SQLite would store).
namespace messagerules {

inline constexpr qsizetype kMaxNameChars = 500;

bool isRole(const QString &role);
// `field` names the offending field in the error, as the API reports it.
Status checkText(const QString &text, qint64 maxBytes, const QString &field);
Status checkRole(const QString &role);
Status checkName(const QString &name);

} // namespace messagerules
} // namespace teehee
