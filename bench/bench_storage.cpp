// Storage figures: builds a 10,000-message chat with branches and prints the
// time to insert it, to compute the path to the deepest message, and to load
// the whole chat. Runs on SQLite (temporary file) and, when TEEHEE_BENCH_PG_URL
// (or TEEHEE_TEST_PG_URL) names a server, on a fresh PostgreSQL database.
#include "db/chatrepository.h"
#include "db/messagerepository.h"
#include "db/migrations.h"
#include "db/sqlquery.h"
#include "db/userrepository.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QUuid>

#include <algorithm>

using namespace teehee;

namespace {

constexpr int kMessages = 10000;

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[v.size() / 2];
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

// A long, much-edited conversation: a main line of 250 messages and 39 edited
// branches of 250 messages each, forking from points along the main line, so
// the deepest message is a few hundred levels down (the realistic case).
// A second, linear chat of 10,000 messages gives the worst case for paths.
struct Built { QString chat; QString deepest; };

Built buildChat(Database &db, MessageRepository &messages, const QString &user, bool linear)
{
    const QString chat = ChatRepository(db).create(ChatRecord{{}, user, QStringLiteral("Bench"), {}, {}, {}, {}, {}})->id;
    Transaction tx(db.connection().value());
    (void)tx.begin();
    QStringList mainLine;
    QString deepest;
    int deepestDepth = -1;
    auto appendRun = [&](QString parent, int depth, int count, bool recordMain) {
        for (int i = 0; i < count; ++i) {
            MessageRecord m;
            m.chatId = chat;
            m.parentId = parent;
            m.role = (depth + i) % 2 ? QStringLiteral("assistant") : QStringLiteral("user");
            m.content = QJsonObject{{QStringLiteral("text"), QStringLiteral("Message %1 with a little text to make it realistic.").arg(depth + i)}};
            auto saved = messages.insert(m);
            if (!saved)
                return;
            parent = saved->id;
            if (recordMain)
                mainLine << parent;
            if (depth + i > deepestDepth) {
                deepestDepth = depth + i;
                deepest = parent;
            }
        }
    };
    if (linear) {
        appendRun({}, 0, kMessages, false);
    } else {
        const int run = 250;
        appendRun({}, 0, run, true);
        for (int b = 1; b < kMessages / run; ++b) {
            const int forkAt = (b * 6) % run; // spread along the main line
            appendRun(mainLine[forkAt], forkAt + 1, run, false);
        }
    }
    (void)tx.commit();
    return {chat, deepest};
}

void benchmark(const QString &label, const DatabaseUrl &url)
{
    Database db(url);
    if (auto st = db.open(); !st) {
        out() << label << ": cannot open: " << st.error().message << Qt::endl;
        return;
    }
    if (auto v = Migrator(db).migrate(); !v) {
        out() << label << ": cannot migrate: " << v.error().message << Qt::endl;
        return;
    }
    const QString user = UserRepository(db).create(UserRecord{{}, QStringLiteral("bench@example.com"), {}, {}, {}})->id;
    MessageRepository messages(db);

    QElapsedTimer timer;
    timer.start();
    const Built built = buildChat(db, messages, user, false);
    const QString chat = built.chat;
    const QString deepest = built.deepest;
    const double insertMs = double(timer.nsecsElapsed()) / 1e6;

    QList<double> pathTimes;
    int depth = 0;
    for (int i = 0; i < 20; ++i) {
        timer.restart();
        auto path = messages.pathToRoot(deepest);
        pathTimes << double(timer.nsecsElapsed()) / 1e6;
        depth = path ? int(path->size()) : -1;
    }
    QList<double> loadTimes;
    int loaded = 0;
    for (int i = 0; i < 10; ++i) {
        timer.restart();
        auto all = messages.listForChat(chat);
        loadTimes << double(timer.nsecsElapsed()) / 1e6;
        loaded = all ? int(all->size()) : -1;
    }
    QList<double> siblingTimes;
    for (int i = 0; i < 20; ++i) {
        auto m = messages.get(deepest).value();
        timer.restart();
        (void)messages.siblingPosition(m);
        siblingTimes << double(timer.nsecsElapsed()) / 1e6;
    }

    out() << QStringLiteral("%1: insert %2 messages: %3 ms (%4 µs/message)\n")
                 .arg(label).arg(kMessages).arg(insertMs, 0, 'f', 1).arg(insertMs * 1000 / kMessages, 0, 'f', 1);
    out() << QStringLiteral("%1: path to the deepest message (%2 deep): median %3 ms (target < %4 ms)\n")
                 .arg(label).arg(depth).arg(median(pathTimes), 0, 'f', 2).arg(label == u"sqlite" ? 2 : 5);
    out() << QStringLiteral("%1: load the whole chat (%2 messages, with sibling positions): median %3 ms (target < 30 ms)\n")
                 .arg(label).arg(loaded).arg(median(loadTimes), 0, 'f', 2);
    out() << QStringLiteral("%1: sibling position of one message: median %2 ms\n").arg(label).arg(median(siblingTimes), 0, 'f', 3);

    const Built linear = buildChat(db, messages, user, true);
    QList<double> linearTimes;
    for (int i = 0; i < 5; ++i) {
        timer.restart();
        auto path = messages.pathToRoot(linear.deepest);
        linearTimes << double(timer.nsecsElapsed()) / 1e6;
        depth = path ? int(path->size()) : -1;
    }
    out() << QStringLiteral("%1: worst case, path through a linear chat (%2 deep): median %3 ms (%4 µs per level)\n")
                 .arg(label).arg(depth).arg(median(linearTimes), 0, 'f', 2).arg(median(linearTimes) * 1000 / std::max(1, depth), 0, 'f', 2);
    out().flush();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    {
        QTemporaryDir dir;
        benchmark(QStringLiteral("sqlite"), DatabaseUrl::sqliteFile(dir.filePath(QStringLiteral("bench.db"))));
    }
    QString pg = qEnvironmentVariable("TEEHEE_BENCH_PG_URL");
    if (pg.isEmpty())
        pg = qEnvironmentVariable("TEEHEE_TEST_PG_URL");
    if (pg.isEmpty()) {
        out() << "postgres: skipped (set TEEHEE_BENCH_PG_URL=postgresql://user@host:port/db)" << Qt::endl;
        return 0;
    }
    auto admin = DatabaseUrl::parse(pg);
    if (!admin || admin->isSqlite()) {
        out() << "postgres: TEEHEE_BENCH_PG_URL is not a PostgreSQL URL" << Qt::endl;
        return 1;
    }
    const QString name = QStringLiteral("teehee_bench_%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(12));
    if (!runAdmin(admin.value(), QStringLiteral("CREATE DATABASE %1").arg(name))) {
        out() << "postgres: cannot create a bench database" << Qt::endl;
        return 1;
    }
    DatabaseUrl url = admin.value();
    url.database = name;
    benchmark(QStringLiteral("postgres"), url);
    runAdmin(admin.value(), QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name));
    return 0;
}
