#include "usagecontroller.h"

#include "clientprovider.h"
#include "failuretext.h"

#include <QLocale>

using teehee::client::ChatClient;
using teehee::client::Outcome;
using teehee::client::UsageGroup;
using teehee::client::UsageReport;

UsageController::UsageController(ChatClient *client, QObject *parent) : QObject(parent), m_client(client)
{
    // A reply that ends adds to the totals on screen; hidden ones are asked
    // for when they are shown (setActive).
    connect(client, &ChatClient::turnEvent, this, [this](const teehee::client::TurnEvent &e) {
        if (e.type == teehee::client::TurnEvent::Type::Completed && m_active)
            refresh();
    });
}

void UsageController::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    Q_EMIT activeChanged();
    if (m_active)
        refresh();
}

UsageController *UsageController::create(QQmlEngine *, QJSEngine *)
{
    return new UsageController(ClientProvider::client());
}

void UsageController::setDays(int days)
{
    days = qBound(1, days, 3650);
    if (days == m_days)
        return;
    m_days = days;
    refresh();
}

QVariantList UsageController::rows(const QList<UsageGroup> &groups)
{
    double largest = 0;
    for (const UsageGroup &g : groups)
        largest = qMax(largest, double(g.inputTokens + g.outputTokens));
    QVariantList out;
    for (const UsageGroup &g : groups)
        out << QVariantMap{{QStringLiteral("key"), g.key},
                           {QStringLiteral("label"), g.label},
                           {QStringLiteral("inputTokens"), double(g.inputTokens)},
                           {QStringLiteral("outputTokens"), double(g.outputTokens)},
                           {QStringLiteral("costUsd"), g.costUsd},
                           {QStringLiteral("replies"), double(g.replies)},
                           {QStringLiteral("share"), largest > 0 ? double(g.inputTokens + g.outputTokens) / largest : 0.0}};
    return out;
}

void UsageController::refresh()
{
    if (!m_client || m_client->state() != ChatClient::State::Ready)
        return;
    const QDate to = QDateTime::currentDateTimeUtc().date();
    const QDate from = to.addDays(1 - m_days);
    m_pending = 2;
    m_error.clear();
    Q_EMIT changed();
    auto answered = [this](const Outcome<UsageReport> &out, bool models) {
        --m_pending;
        if (!out.ok()) {
            m_error = failureText(out.error);
        } else if (models) {
            m_report = out.value;
            m_byModel = rows(out.value.groups);
        } else {
            // The newest day first, as people read a usage page.
            QList<UsageGroup> days = out.value.groups;
            std::reverse(days.begin(), days.end());
            m_byDay = rows(days);
        }
        Q_EMIT changed();
    };
    m_client->usage(this, from, to, QStringLiteral("model"), [answered](const Outcome<UsageReport> &o) { answered(o, true); });
    m_client->usage(this, from, to, QStringLiteral("day"), [answered](const Outcome<UsageReport> &o) { answered(o, false); });
}

QString UsageController::money(double usd) const
{
    if (usd < 0)
        return {};
    const QLocale locale;
    if (usd > 0 && usd < 0.0001)
        return tr("< %1").arg(locale.toCurrencyString(0.0001, QStringLiteral("$"), 4));
    return locale.toCurrencyString(usd, QStringLiteral("$"), usd < 1 ? 4 : 2);
}

QString UsageController::count(double tokens) const
{
    return QLocale().toString(qint64(tokens));
}
