#pragma once

#include "clienttypes.h"

#include <QString>

// What a refusal tells the person, in their language. The backend's English
// detail is only a fallback for failures without a reason of their own.
QString failureText(const teehee::client::ClientError &error);
// The machine name QML compares against: "no_key", "not_found", ...
QString failureName(teehee::client::Failure failure);
