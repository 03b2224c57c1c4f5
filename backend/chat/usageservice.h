#pragma once

#include "core/error.h"
#include "db/usagerepository.h"

#include <QDate>

namespace teehee {

class Database;

// "What did my replies use and cost?": totals and groups per day, model or
// chat over a range of days (UTC), for the API's /usage and the apps' Usage
// pages.
class UsageService {
public:
    struct Report {
        QDate from;
        QDate to; // inclusive
        qint64 inputTokens = 0;
        qint64 outputTokens = 0;
        std::optional<double> costUsd;
        QList<UsageRepository::Group> groups;
    };

    explicit UsageService(const Database &db) : m_db(db) {}

    // `from`/`to` ("YYYY-MM-DD", inclusive; empty: the last 30 days up to
    // today), `groupBy` "day", "model" or "chat" (empty: day).
    Result<Report> report(const QString &userId, const QString &from, const QString &to, const QString &groupBy) const;

private:
    const Database &m_db;
};

} // namespace teehee
