#pragma once

#include "wsloadclient.h"

#include <QUrl>

// Signs up users at `base` and creates `chats` chats, `perUser` per user (at
// most MAX_GENERATIONS_PER_USER replies of one user run at once). Each user
// signs up from an address of its own (X-Forwarded-For, believed from
// loopback), as many people would: the sign-up limit is per address.
// Empty on failure, with the reason on stderr.
QList<benchws::Account> makeAccounts(const QUrl &base, int chats, int perUser);
