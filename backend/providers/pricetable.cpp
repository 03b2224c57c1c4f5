#include "providers/pricetable.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace teehee {

QByteArray PriceTable::builtInJson()
{
    // List prices in USD per million tokens from the providers' own pricing
    // pages on the date below; batch and regional prices are not applied.
    return QByteArrayLiteral(R"({
 "as_of": "2025-10-15",
 "source": "https://openai.com/api/pricing/ https://docs.anthropic.com/en/docs/about-claude/pricing https://mistral.ai/pricing#api-pricing",
 "prices": {
  "openai": {
   "gpt-5": {"input": 1.25, "output": 10.0, "cached_input": 0.125},
   "gpt-5-mini": {"input": 0.25, "output": 2.0, "cached_input": 0.025},
   "gpt-4.1": {"input": 2.0, "output": 8.0, "cached_input": 0.5},
   "gpt-4.1-mini": {"input": 0.4, "output": 1.6, "cached_input": 0.1},
   "gpt-4.1-nano": {"input": 0.1, "output": 0.4, "cached_input": 0.025},
   "gpt-4o": {"input": 2.5, "output": 10.0, "cached_input": 1.25},
   "gpt-4o-mini": {"input": 0.15, "output": 0.6, "cached_input": 0.075},
   "gpt-4-turbo": {"input": 10.0, "output": 30.0},
   "gpt-4": {"input": 30.0, "output": 60.0},
   "gpt-3.5-turbo": {"input": 0.5, "output": 1.5}
  },
  "anthropic": {
   "claude-opus-4-1": {"input": 15.0, "output": 75.0, "cached_input": 1.5},
   "claude-opus-4": {"input": 15.0, "output": 75.0, "cached_input": 1.5},
   "claude-sonnet-4-5": {"input": 3.0, "output": 15.0, "cached_input": 0.3},
   "claude-sonnet-4": {"input": 3.0, "output": 15.0, "cached_input": 0.3},
   "claude-haiku-4-5": {"input": 1.0, "output": 5.0, "cached_input": 0.1},
   "claude-3-7-sonnet": {"input": 3.0, "output": 15.0, "cached_input": 0.3},
   "claude-3-5-sonnet": {"input": 3.0, "output": 15.0, "cached_input": 0.3},
   "claude-3-5-haiku": {"input": 0.8, "output": 4.0, "cached_input": 0.08},
   "claude-3-opus": {"input": 15.0, "output": 75.0, "cached_input": 1.5},
   "claude-3-haiku": {"input": 0.25, "output": 1.25, "cached_input": 0.03}
  },
  "mistral": {
   "mistral-large": {"input": 2.0, "output": 6.0},
   "mistral-medium": {"input": 0.4, "output": 2.0},
   "mistral-small": {"input": 0.1, "output": 0.3},
   "codestral": {"input": 0.3, "output": 0.9},
   "magistral-medium": {"input": 2.0, "output": 5.0},
   "ministral-8b": {"input": 0.1, "output": 0.1},
   "open-mistral-7b": {"input": 0.25, "output": 0.25},
   "open-mixtral-8x7b": {"input": 0.7, "output": 0.7}
  }
 }
})");
}

PriceTable PriceTable::builtIn()
{
    PriceTable t;
    (void)t.merge(builtInJson(), QStringLiteral("the built-in price table"));
    return t;
}

Result<PriceTable> PriceTable::withFile(const QString &path)
{
    PriceTable t = builtIn();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::invalid(QStringLiteral("PRICES_FILE: cannot read %1: %2").arg(path, file.errorString()));
    if (auto st = t.merge(file.read(4 * 1024 * 1024), QStringLiteral("PRICES_FILE")); !st)
        return st.error();
    return t;
}

Result<PriceTable> PriceTable::fromJson(const QByteArray &json, const QString &what)
{
    PriceTable t;
    if (auto st = t.merge(json, what); !st)
        return st.error();
    return t;
}

Status PriceTable::merge(const QByteArray &json, const QString &what)
{
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(json, &error).object();
    if (error.error != QJsonParseError::NoError || !root.value(u"prices").isObject())
        return Error::invalid(QStringLiteral("%1: expected {\"as_of\", \"source\", \"prices\": {provider: {model: "
                                             "{input, output, cached_input?}}}}").arg(what));
    if (root.contains(u"as_of"))
        m_asOf = root.value(u"as_of").toString();
    if (root.contains(u"source"))
        m_source = root.value(u"source").toString();
    const QJsonObject providers = root.value(u"prices").toObject();
    for (auto p = providers.begin(); p != providers.end(); ++p) {
        const QJsonObject models = p.value().toObject();
        for (auto m = models.begin(); m != models.end(); ++m) {
            const QJsonObject o = m.value().toObject();
            const double in = o.value(u"input").toDouble(-1), out = o.value(u"output").toDouble(-1);
            const double cached = o.value(u"cached_input").toDouble(-1);
            if (in < 0 || out < 0 || !qIsFinite(in) || !qIsFinite(out))
                return Error::invalid(QStringLiteral("%1: %2/%3 needs \"input\" and \"output\" prices (USD per 1M tokens, ≥ 0)")
                                          .arg(what, p.key().left(40), m.key().left(80)));
            m_prices[p.key().toLower()].insert(m.key().toLower(), Price{in, out, cached});
        }
    }
    return success();
}

std::optional<PriceTable::Price> PriceTable::price(const QString &provider, const QString &model) const
{
    const auto models = m_prices.constFind(provider.toLower());
    if (models == m_prices.cend())
        return std::nullopt;
    const QString name = model.toLower();
    // The longest listed name that is the model's, or the start of it at a dash.
    const Price *best = nullptr;
    qsizetype bestLength = -1;
    for (auto it = models->cbegin(); it != models->cend(); ++it) {
        const QString &key = it.key();
        const bool match = name == key || (name.startsWith(key) && name.at(key.size()) == u'-');
        if (match && key.size() > bestLength) {
            best = &it.value();
            bestLength = key.size();
        }
    }
    if (!best)
        return std::nullopt;
    return *best;
}

std::optional<double> PriceTable::costUsd(const QString &provider, const QString &model, int inputTokens,
                                          int outputTokens, int cachedTokens) const
{
    const auto p = price(provider, model);
    if (!p || inputTokens < 0 || outputTokens < 0)
        return std::nullopt;
    const int cached = qBound(0, cachedTokens, inputTokens);
    const double cachedPrice = p->cachedInput >= 0 ? p->cachedInput : p->input;
    return ((inputTokens - cached) * p->input + cached * cachedPrice + outputTokens * p->output) / 1e6;
}

} // namespace teehee
