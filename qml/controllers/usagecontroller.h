#pragma once

#include "chatclient.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QVariantList>

// The Usage section of Settings: what replies used and cost over the last
// days, in totals, per model and per day, from the client (this computer's
// database or the server's /usage). Formats money and token counts for the
// whole UI, a reply's tooltip included.
class UsageController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(int days READ days WRITE setDays NOTIFY changed)
    Q_PROPERTY(bool loading READ loading NOTIFY changed)
    Q_PROPERTY(QString errorText READ errorText NOTIFY changed)
    Q_PROPERTY(double inputTokens READ inputTokens NOTIFY changed)
    Q_PROPERTY(double outputTokens READ outputTokens NOTIFY changed)
    Q_PROPERTY(double costUsd READ costUsd NOTIFY changed) // -1: no price known
    // [{key, label, inputTokens, outputTokens, costUsd, replies, share}], share 0..1 of the largest
    Q_PROPERTY(QVariantList byModel READ byModel NOTIFY changed)
    Q_PROPERTY(QVariantList byDay READ byDay NOTIFY changed)
    Q_PROPERTY(QString pricesAsOf READ pricesAsOf NOTIFY changed)
    // The Usage panel is on screen: only then do ended replies ask again (two
    // queries each); shown, it asks once.
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)
public:
    explicit UsageController(teehee::client::ChatClient *client, QObject *parent = nullptr);
    static UsageController *create(QQmlEngine *engine, QJSEngine *);

    int days() const { return m_days; }
    void setDays(int days);
    bool loading() const { return m_pending > 0; }
    QString errorText() const { return m_error; }
    double inputTokens() const { return double(m_report.inputTokens); }
    double outputTokens() const { return double(m_report.outputTokens); }
    double costUsd() const { return m_report.costUsd; }
    QVariantList byModel() const { return m_byModel; }
    QVariantList byDay() const { return m_byDay; }
    QString pricesAsOf() const { return m_report.pricesAsOf; }
    bool active() const { return m_active; }
    void setActive(bool active);

    // Asks again (Settings opened, a reply ended).
    Q_INVOKABLE void refresh();
    // "$0.42", "$0.0031", "< $0.0001": in the person's locale.
    Q_INVOKABLE QString money(double usd) const;
    Q_INVOKABLE QString count(double tokens) const;

Q_SIGNALS:
    void changed();
    void activeChanged();

private:
    static QVariantList rows(const QList<teehee::client::UsageGroup> &groups);

    QPointer<teehee::client::ChatClient> m_client;
    int m_days = 30;
    int m_pending = 0;
    bool m_active = false;
    QString m_error;
    teehee::client::UsageReport m_report;
    QVariantList m_byModel;
    QVariantList m_byDay;
};
