// Usage and cost of replies: cached tokens as each provider reports them,
// cost_usd from the built-in, dated price table (or PRICES_FILE over it),
// no cost for a model without a price, and GET /usage summing what the
// replies stored, per day, model and chat, for their owner only.
#include "generationfixture.h"

#include "providers/pricetable.h"

#include <QTemporaryFile>

using namespace genfixture;

namespace {

QJsonObject usageOf(const MessageRecord &m)
{
    return m.content.value(QStringLiteral("usage")).toObject();
}

// OpenAI's stream with `cached` of the prompt's tokens read from its cache.
QByteArray openAiWithCache(const QStringList &pieces, int prompt, int completion, int cached)
{
    return wire::openAiStream(pieces, prompt, completion)
        .replace("\"cached_tokens\":0", "\"cached_tokens\":" + QByteArray::number(cached));
}

} // namespace

class TestUsageCost : public QObject {
    Q_OBJECT

    Fixture f;
    QString m_chat;

    MessageRecord run(Generation *g)
    {
        Recorder r;
        r.attach(g);
        if (!r.waitFinished())
            return {};
        return f.stored(r.last().messageId);
    }

private Q_SLOTS:
    void initTestCase()
    {
        GEN_SETUP(f);
        m_chat = f.newChat();
        QVERIFY(!m_chat.isEmpty());
    }

    void theBuiltInTableIsDatedAndPricesModelVariants()
    {
        const PriceTable t = PriceTable::builtIn();
        QVERIFY(QDate::fromString(t.asOf(), Qt::ISODate).isValid());
        QVERIFY(t.source().startsWith(QStringLiteral("https://")));
        // A dated variant is priced as its model; a longer listed name wins.
        QCOMPARE(t.price(QStringLiteral("openai"), QStringLiteral("gpt-4o-mini-2024-07-18"))->input, 0.15);
        QCOMPARE(t.price(QStringLiteral("openai"), QStringLiteral("gpt-4o"))->input, 2.5);
        QCOMPARE(t.price(QStringLiteral("anthropic"), QStringLiteral("claude-sonnet-4-5-20250929"))->output, 15.0);
        QCOMPARE(t.price(QStringLiteral("mistral"), QStringLiteral("mistral-small-latest"))->output, 0.3);
        // Not a prefix at a dash: no price.
        QVERIFY(!t.price(QStringLiteral("openai"), QStringLiteral("gpt-4ox")));
        QVERIFY(!t.price(QStringLiteral("openai"), QStringLiteral("my-own-model")));
        QVERIFY(!t.price(QStringLiteral("custom:1234"), QStringLiteral("gpt-4o")));
        // Cached input at its own price; the rest at the input price.
        QCOMPARE(*t.costUsd(QStringLiteral("openai"), QStringLiteral("gpt-4o-mini"), 1000, 500, 200),
                 (800 * 0.15 + 200 * 0.075 + 500 * 0.6) / 1e6);
        QVERIFY(!t.costUsd(QStringLiteral("openai"), QStringLiteral("gpt-4o-mini"), -1, 500, 0));
    }

    void aMalformedPricesFileIsRefusedWithWhy()
    {
        QVERIFY(!PriceTable::fromJson("[1,2]", QStringLiteral("PRICES_FILE")));
        auto negative = PriceTable::fromJson("{\"prices\":{\"openai\":{\"x\":{\"input\":-1,\"output\":2}}}}", QStringLiteral("PRICES_FILE"));
        QVERIFY(!negative);
        QVERIFY(negative.error().message.contains(QStringLiteral("openai/x")));
        QVERIFY(!PriceTable::withFile(QStringLiteral("/nonexistent/prices.json")));
    }

    void anOpenAiReplyCostsWhatItsTokensCost()
    {
        f.fake.enqueue(FakeResponse::sse().send(openAiWithCache({QStringLiteral("Hi")}, 1000, 500, 200)));
        const MessageRecord m = run(f.send(m_chat, QStringLiteral("hello")));
        const QJsonObject usage = usageOf(m);
        QCOMPARE(usage.value(u"input_tokens").toInt(), 1000);
        QCOMPARE(usage.value(u"output_tokens").toInt(), 500);
        QCOMPARE(usage.value(u"cached_tokens").toInt(), 200);
        QCOMPARE(usage.value(u"cost_usd").toDouble(), (800 * 0.15 + 200 * 0.075 + 500 * 0.6) / 1e6);
    }

    void anAnthropicReplyCountsItsCacheReads()
    {
        QByteArray stream = wire::anthropicStream({QStringLiteral("Hi")}, 100, 50);
        stream.replace("\"cache_read_input_tokens\":0", "\"cache_read_input_tokens\":400");
        f.fake.enqueue(FakeResponse::sse().send(stream));
        const MessageRecord m = run(f.send(m_chat, QStringLiteral("hello again"), QStringLiteral("anthropic")));
        const QJsonObject usage = usageOf(m);
        QCOMPARE(usage.value(u"input_tokens").toInt(), 500);
        QCOMPARE(usage.value(u"cached_tokens").toInt(), 400);
        QCOMPARE(usage.value(u"cost_usd").toDouble(), (100 * 3.0 + 400 * 0.3 + 50 * 15.0) / 1e6);
    }

    void aModelWithoutAPriceHasNoCost()
    {
        f.fake.enqueue(FakeResponse::sse().send(wire::openAiStream({QStringLiteral("Hi")}, 10, 20)));
        auto g = f.gens().sendMessage(f.user, m_chat, QStringLiteral("which model?"), MessageParent::activeLeaf(),
                                      {QStringLiteral("openai"), QStringLiteral("someone-elses-model")});
        QVERIFY(g);
        const MessageRecord m = run(g.value());
        QCOMPARE(usageOf(m).value(u"output_tokens").toInt(), 20);
        QVERIFY(!usageOf(m).contains(u"cost_usd"));
    }

    void usageSumsTheRepliesPerModelDayAndChat()
    {
        HttpTestClient http(f.port());
        const auto byModel = http.get(QStringLiteral("/usage?group_by=model"), f.token);
        QCOMPARE(byModel.status, 200);
        const QJsonObject body = byModel.object();
        const QJsonObject totals = body.value(u"totals").toObject();
        QCOMPARE(totals.value(u"input_tokens").toInt(), 1000 + 500 + 10);
        QCOMPARE(totals.value(u"output_tokens").toInt(), 500 + 50 + 20);
        const double cost = (800 * 0.15 + 200 * 0.075 + 500 * 0.6) / 1e6 + (100 * 3.0 + 400 * 0.3 + 50 * 15.0) / 1e6;
        QVERIFY(qAbs(totals.value(u"cost_usd").toDouble() - cost) < 1e-12);
        QHash<QString, QJsonObject> groups;
        for (const QJsonValue &g : body.value(u"groups").toArray())
            groups.insert(g.toObject().value(u"key").toString(), g.toObject());
        QCOMPARE(groups.size(), 3);
        QCOMPARE(groups.value(QStringLiteral("gpt-4o-mini")).value(u"provider").toString(), QStringLiteral("openai"));
        QCOMPARE(groups.value(QStringLiteral("someone-elses-model")).value(u"output_tokens").toInt(), 20);
        QVERIFY(!groups.value(QStringLiteral("someone-elses-model")).contains(u"cost_usd"));
        QVERIFY(body.value(u"prices").toObject().value(u"as_of").toString().size() == 10);

        const QJsonArray byDay = http.get(QStringLiteral("/usage"), f.token).object().value(u"groups").toArray();
        // Today (UTC), or yesterday and today when midnight fell between the replies.
        QVERIFY(byDay.size() == 1 || byDay.size() == 2);
        QCOMPARE(byDay.last().toObject().value(u"key").toString(), QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate));
        int replies = 0;
        for (const QJsonValue &d : byDay)
            replies += d.toObject().value(u"replies").toInt();
        QCOMPARE(replies, 3);

        const QJsonArray byChat = http.get(QStringLiteral("/usage?group_by=chat"), f.token).object().value(u"groups").toArray();
        QCOMPARE(byChat.size(), 1);
        QCOMPARE(byChat.first().toObject().value(u"key").toString(), m_chat);
        QCOMPARE(byChat.first().toObject().value(u"name").toString(), QStringLiteral("test"));

        // A range without replies, another account, and bad questions.
        const QJsonObject past = http.get(QStringLiteral("/usage?from=2020-01-01&to=2020-01-31"), f.token).object();
        QCOMPARE(past.value(u"totals").toObject().value(u"output_tokens").toInt(), 0);
        QVERIFY(!past.value(u"totals").toObject().contains(u"cost_usd"));
        const auto other = f.newAccount();
        QCOMPARE(http.get(QStringLiteral("/usage"), other.second).object().value(u"groups").toArray().size(), 0);
        QCOMPARE(http.get(QStringLiteral("/usage")).status, 401);
        for (const QString &bad : {QStringLiteral("/usage?from=yesterday"), QStringLiteral("/usage?to=2026-13-01"),
                                   QStringLiteral("/usage?from=2026-02-01&to=2026-01-01"),
                                   QStringLiteral("/usage?group_by=week")}) {
            const auto answer = http.get(bad, f.token);
            QCOMPARE(answer.status, 422);
            QVERIFY(!answer.detail().isEmpty());
        }
    }

    void aPricesFileAddsAndReplacesPrices()
    {
        QTemporaryFile file;
        QVERIFY(file.open());
        file.write(QJsonDocument(QJsonObject{
            {QStringLiteral("as_of"), QStringLiteral("2026-12-01")}, {QStringLiteral("source"), QStringLiteral("our contract")},
            {QStringLiteral("prices"), QJsonObject{{QStringLiteral("openai"), QJsonObject{{QStringLiteral("someone-elses-model"),
                QJsonObject{{QStringLiteral("input"), 1.0}, {QStringLiteral("output"), 2.0}}}}}}}}).toJson());
        file.close();
        Fixture g;
        const QString error = g.setUp([&](Config &c) { c.pricesFile = file.fileName(); });
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(g.gens().prices().asOf(), QStringLiteral("2026-12-01"));
        const QString chat = g.newChat();
        g.fake.enqueue(FakeResponse::sse().send(wire::openAiStream({QStringLiteral("Hi")}, 1000, 2000)));
        auto reply = g.gens().sendMessage(g.user, chat, QStringLiteral("priced now"), MessageParent::activeLeaf(),
                                          {QStringLiteral("openai"), QStringLiteral("someone-elses-model")});
        QVERIFY(reply);
        Recorder r;
        r.attach(reply.value());
        QVERIFY(r.waitFinished());
        QCOMPARE(r.last().costUsd, (1000 * 1.0 + 2000 * 2.0) / 1e6);
        QCOMPARE(usageOf(g.stored(r.last().messageId)).value(u"cost_usd").toDouble(), (1000 * 1.0 + 2000 * 2.0) / 1e6);
    }
};

QTEST_MAIN(TestUsageCost)
#include "tst_usagecost.moc"
