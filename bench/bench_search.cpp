// Search figures: fills a SQLite database with 100,000 messages of varied text
// (500 chats; words drawn with a Zipf-like skew from a vocabulary of common
// English, accented and made-up words, and one message in ten in Japanese),
// then prints p50/p99 of ChatSearch::search (what GET /search runs, snippets
// included) for several kinds of query. Target: under 50 ms on SQLite. Also on
// a fresh PostgreSQL database when TEEHEE_BENCH_PG_URL names a server.
// Usage: bench_search [messages]
#include "chat/chatsearch.h"
#include "db/chatrepository.h"
#include "db/messagerepository.h"
#include "db/migrations.h"
#include "db/sqlquery.h"
#include "db/userrepository.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cmath>

using namespace teehee;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

double percentile(QList<double> v, double p)
{
    std::sort(v.begin(), v.end());
    if (v.isEmpty())
        return 0;
    return v[std::min<qsizetype>(v.size() - 1, qsizetype(std::ceil(p * double(v.size()))) - 1)];
}

const QStringList kCommon = QStringLiteral(
    "the of and to in is you that it for on with as are this be at have from or one had by but not what all were "
    "we when your can said there use an each which she do how their if will up other about out many then them these "
    "so some her would make like him into time has look two more write go see number no way could people my than "
    "first water been call who oil its now find long down day did get come made may part code function error server "
    "database query index search message chat reply model token stream branch python rust javascript compile build "
    "test deploy network memory thread cache latency request response json schema table column migration").split(u' ');
const QStringList kAccented = QStringLiteral(
    "café crème brûlée naïve résumé façade déjà vu über straße zürich müller señor año jalapeño piñata "
    "mañana coração não português élève forêt hôtel garçon").split(u' ');
const QStringList kJapanese = {
    QStringLiteral("東京タワーに行きました"), QStringLiteral("今日はいい天気ですね"), QStringLiteral("京都の寺を見学しました"),
    QStringLiteral("データベースの索引を作成する"), QStringLiteral("北京市是中国的首都"), QStringLiteral("検索が速いです"),
    QStringLiteral("新しいモデルを試してみた"), QStringLiteral("東京駅で待ち合わせ"),
};

// Made-up words make the vocabulary large, as real conversations are.
QString madeUpWord(QRandomGenerator &rng)
{
    static const char *syllables[] = {"ka", "lo", "mi", "ne", "ra", "tu", "vo", "shi", "pre", "dan", "qui", "ber", "gor", "zel", "fin", "tro"};
    QString w;
    const int n = 2 + int(rng.bounded(3));
    for (int i = 0; i < n; ++i)
        w += QLatin1String(syllables[rng.bounded(16)]);
    return w;
}

QString sentence(QRandomGenerator &rng, const QStringList &rare)
{
    if (rng.bounded(10) == 0)
        return kJapanese[rng.bounded(kJapanese.size())] + kJapanese[rng.bounded(kJapanese.size())];
    QStringList words;
    const int n = 8 + int(rng.bounded(60));
    for (int i = 0; i < n; ++i) {
        const quint32 r = rng.bounded(100);
        if (r < 70) {
            // Zipf-like: low indexes far more often.
            const double u = rng.generateDouble();
            words << kCommon[qsizetype(std::pow(u, 2.5) * kCommon.size())];
        } else if (r < 73) {
            words << kAccented[rng.bounded(kAccented.size())];
        } else {
            words << rare[rng.bounded(rare.size())];
        }
    }
    return words.join(u' ') + u'.';
}

void benchmark(const QString &label, const DatabaseUrl &url, int total)
{
    const int chats = 500;
    Database db(url);
    if (auto st = db.open(); !st || !Migrator(db).migrate()) {
        out() << label << ": cannot open or migrate the database" << Qt::endl;
        return;
    }
    const QString user = UserRepository(db).create(UserRecord{{}, QStringLiteral("bench@example.com"), {}, {}, {}})->id;
    QRandomGenerator rng(42);
    QStringList rare;
    for (int i = 0; i < 5000; ++i)
        rare << madeUpWord(rng);
    QStringList chatIds;
    for (int c = 0; c < chats; ++c)
        chatIds << ChatRepository(db).create(ChatRecord{{}, user, QStringLiteral("Chat %1 about %2").arg(c).arg(rare[c]), {}, {}, {}, {}, {}})->id;

    QElapsedTimer timer;
    timer.start();
    MessageRepository messages(db);
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-365);
    for (int done = 0; done < total;) {
        Transaction tx(db.connection().value());
        (void)tx.begin();
        for (int i = 0; i < 1000 && done < total; ++i, ++done) {
            MessageRecord m;
            m.chatId = chatIds[done % chats];
            m.role = done % 2 ? QStringLiteral("assistant") : QStringLiteral("user");
            m.content = QJsonObject{{QStringLiteral("text"), sentence(rng, rare)}};
            m.timestamp = start.addSecs(done * 300);
            if (!messages.insert(m)) {
                out() << label << ": insert failed" << Qt::endl;
                return;
            }
        }
        (void)tx.commit();
    }
    const double insertMs = double(timer.nsecsElapsed()) / 1e6;
    out() << QStringLiteral("%1: insert %2 messages (indexed as they are written): %3 s (%4 µs/message)\n")
                 .arg(label).arg(total).arg(insertMs / 1000, 0, 'f', 1).arg(insertMs * 1000 / total, 0, 'f', 1);

    struct Case { const char *label; QString q; QString chatId; };
    const QList<Case> cases{
        {"common word", QStringLiteral("the"), {}},
        {"two common words", QStringLiteral("database query"), {}},
        {"two frequent words, seldom as a phrase", QStringLiteral("of the"), {}},
        {"three common words", QStringLiteral("water memory code"), {}},
        {"rare word", rare[123], {}},
        {"short prefix", QStringLiteral("se"), {}},
        {"prefix", QStringLiteral("migr"), {}},
        {"accent-free for an accented word", QStringLiteral("cafe creme"), {}},
        {"Japanese, 2 characters", QStringLiteral("東京"), {}},
        {"Japanese, 3 words", QStringLiteral("東京 行き ました"), {}},
        {"no match", QStringLiteral("xylophonequartz"), {}},
        {"one chat, common word", QStringLiteral("the"), chatIds[7]},
    };
    ChatSearch search(db);
    for (const Case &c : cases) {
        QList<double> times;
        int hits = 0;
        QString cursor;
        for (int i = 0; i < 100; ++i) {
            timer.restart();
            auto page = search.search(user, SearchRequest{c.q, 20, {}, c.chatId});
            times << double(timer.nsecsElapsed()) / 1e6;
            if (!page) {
                out() << label << ": " << c.label << ": " << page.error().message << Qt::endl;
                break;
            }
            hits = int(page->results.size());
            cursor = page->nextCursor;
        }
        // The second page, as a client scrolling on asks for it.
        QList<double> nextTimes;
        for (int i = 0; i < 50 && !cursor.isEmpty(); ++i) {
            timer.restart();
            (void)search.search(user, SearchRequest{c.q, 20, cursor, c.chatId});
            nextTimes << double(timer.nsecsElapsed()) / 1e6;
        }
        out() << QStringLiteral("%1: search %2 (\"%3\"): %4 results, p50 %5 ms, p99 %6 ms; next page p50 %7 ms (target < 50 ms)\n")
                     .arg(label, QLatin1String(c.label), c.q).arg(hits)
                     .arg(percentile(times, 0.5), 0, 'f', 2).arg(percentile(times, 0.99), 0, 'f', 2)
                     .arg(percentile(nextTimes, 0.5), 0, 'f', 2);
    }
    out().flush();
}

bool runAdmin(const DatabaseUrl &admin, const QString &sql)
{
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("bench-admin"));
        db.setHostName(admin.host);
        db.setPort(admin.port);
        db.setUserName(admin.user);
        db.setPassword(admin.password);
        db.setDatabaseName(admin.database);
        ok = db.open() && QSqlQuery(db).exec(sql);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench-admin"));
    return ok;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int total = argc > 1 ? QString::fromLatin1(argv[1]).toInt() : 100000;
    {
        QTemporaryDir dir;
        benchmark(QStringLiteral("sqlite"), DatabaseUrl::sqliteFile(dir.filePath(QStringLiteral("bench.db"))), total);
    }
    const QString pg = qEnvironmentVariable("TEEHEE_BENCH_PG_URL");
    if (pg.isEmpty()) {
        out() << "postgres: skipped (set TEEHEE_BENCH_PG_URL=postgresql://user@host:port/db)" << Qt::endl;
        return 0;
    }
    auto admin = DatabaseUrl::parse(pg);
    if (!admin || admin->isSqlite()) {
        out() << "postgres: TEEHEE_BENCH_PG_URL is not a PostgreSQL URL" << Qt::endl;
        return 1;
    }
    const QString name = QStringLiteral("teehee_search_bench_%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(12));
    if (!runAdmin(admin.value(), QStringLiteral("CREATE DATABASE %1").arg(name))) {
        out() << "postgres: cannot create a bench database" << Qt::endl;
        return 1;
    }
    DatabaseUrl url = admin.value();
    url.database = name;
    benchmark(QStringLiteral("postgres"), url, total);
    runAdmin(admin.value(), QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name));
    return 0;
}
