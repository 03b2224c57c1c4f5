#include "chat/usageservice.h"

namespace teehee {
namespace {

Result<QDate> day(const QString &field, const QString &text, const QDate &fallback)
{
    if (text.isEmpty())
        return fallback;
    const QDate d = QDate::fromString(text, Qt::ISODate);
    if (!d.isValid() || text.size() != 10)
        return Error::invalid(QStringLiteral("%1: a date such as 2026-12-06").arg(field));
    return d;
}

} // namespace

Result<UsageService::Report> UsageService::report(const QString &userId, const QString &from, const QString &to,
                                                 const QString &groupBy) const
{
    UsageRepository::GroupBy by = UsageRepository::GroupBy::Day;
    if (groupBy == u"model")
        by = UsageRepository::GroupBy::Model;
    else if (groupBy == u"chat")
        by = UsageRepository::GroupBy::Chat;
    else if (!groupBy.isEmpty() && groupBy != u"day")
        return Error::invalid(QStringLiteral("group_by: day, model or chat"));
    auto last = day(QStringLiteral("to"), to, QDateTime::currentDateTimeUtc().date());
    if (!last)
        return last.error();
    auto first = day(QStringLiteral("from"), from, last->addDays(-29));
    if (!first)
        return first.error();
    if (*first > *last)
        return Error::invalid(QStringLiteral("from: after to"));
    if (first->daysTo(*last) > 3660)
        return Error::invalid(QStringLiteral("from: at most ten years before to"));

    const QDateTime start(*first, QTime(0, 0), Qt::UTC);
    const QDateTime end(last->addDays(1), QTime(0, 0), Qt::UTC);
    auto groups = UsageRepository(m_db).summarize(userId, start, end, by);
    if (!groups)
        return groups.error();
    Report r{*first, *last, 0, 0, std::nullopt, groups.value()};
    for (const UsageRepository::Group &g : std::as_const(r.groups)) {
        r.inputTokens += g.inputTokens;
        r.outputTokens += g.outputTokens;
        if (g.costUsd)
            r.costUsd = r.costUsd.value_or(0) + *g.costUsd;
    }
    return r;
}

} // namespace teehee
