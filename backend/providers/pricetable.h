#pragma once

#include "core/error.h"

#include <QHash>
#include <QString>
#include <optional>

namespace teehee {

// What a reply cost: list prices per million tokens, per provider and model.
// The built-in table is dated and names its sources; PRICES_FILE (JSON, the
// same shape as builtInJson()) adds models or replaces their prices. An
// unknown model has no price: its cost stays unknown, never a guess.
class PriceTable {
public:
    struct Price {
        double input = 0;        // USD per 1M input tokens
        double output = 0;       // USD per 1M output tokens
        double cachedInput = -1; // USD per 1M cached input tokens (-1: as input)
    };

    static PriceTable builtIn();
    // The built-in table with the file's prices over it.
    static Result<PriceTable> withFile(const QString &path);
    static Result<PriceTable> fromJson(const QByteArray &json, const QString &what);

    // The price of `model` (its longest listed prefix: "gpt-4o-mini-2024-07-18"
    // is priced as "gpt-4o-mini"; "-latest" and dates are variants).
    std::optional<Price> price(const QString &provider, const QString &model) const;
    // Input tokens include the cached ones, as every provider reports them.
    std::optional<double> costUsd(const QString &provider, const QString &model, int inputTokens, int outputTokens,
                                  int cachedTokens) const;

    QString asOf() const { return m_asOf; }
    QString source() const { return m_source; }

    static QByteArray builtInJson();

private:
    Status merge(const QByteArray &json, const QString &what);

    QString m_asOf;
    QString m_source;
    QHash<QString, QHash<QString, Price>> m_prices; // provider → model → price
};

} // namespace teehee
