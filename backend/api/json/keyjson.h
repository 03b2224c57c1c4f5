#pragma once

#include "db/records.h"

#include <QJsonObject>

namespace teehee::keyjson {

// A stored provider key as GET/POST /user/keys show it: never the key itself,
// only its masked hint.
QJsonObject toJson(const KeyRecord &key);

} // namespace teehee::keyjson
