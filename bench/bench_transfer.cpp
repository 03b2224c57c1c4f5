// Export and import over real HTTP on loopback, server and client on one
// thread (non-blocking sockets). Fills a database with 100,000 messages,
// streams GET /export to a client that counts and drops the bytes, then posts
// a generated ChatGPT conversations.json of about 50 MB to POST /import.
// Prints wall time, bytes, and the process's memory: VmRSS before a phase and
// its peak (VmHWM, reset before the phase through /proc/self/clear_refs).
// Usage: bench_transfer [--messages N] [--import-mb M]
// DATABASE_URL selects PostgreSQL; default a temporary SQLite file.
#include "api/httpserver.h"
#include "auth/authservice.h"
#include "auth/tokenservice.h"
#include "backend.h"
#include "chat/chatservice.h"
#include "core/databaseurl.h"
#include "db/chatrepository.h"
#include "db/messagerepository.h"
#include "db/sqlquery.h"
#include "db/userrepository.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>
#include <cstdio>

using namespace teehee;

namespace {

constexpr int kMessagesPerChat = 100;

// A field of /proc/self/status in MiB ("VmRSS", "VmHWM").
double statusMiB(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(qstrlen(field) + 1).trimmed().split(' ').first().toDouble() / 1024.0;
    return -1;
}

// Starts a new peak: the kernel resets VmHWM to the current RSS.
void resetPeak()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    if (f.open(QIODevice::WriteOnly))
        f.write("5");
}

int argValue(const QStringList &args, const QString &name, int fallback)
{
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args.at(i + 1).toInt() : fallback;
}

QString fill(Backend &backend, const QString &userId, int messages)
{
    auto tx = std::make_unique<Transaction>(backend.database());
    if (auto st = tx->begin(); !st)
        return st.error().message;
    MessageRepository repo(backend.database());
    ChatRepository chats(backend.database());
    for (int c = 0; c * kMessagesPerChat < messages; ++c) {
        ChatRecord chat;
        chat.userId = userId;
        chat.name = QStringLiteral("Chat %1").arg(c);
        auto created = chats.create(chat);
        if (!created)
            return created.error().message;
        QString last, lastParent, root;
        for (int i = 0; i < kMessagesPerChat && c * kMessagesPerChat + i < messages; ++i) {
            const bool regenerated = i % 10 == 9;   // a second answer to a turn: a branch
            MessageRecord m;
            m.chatId = created->id;
            m.parentId = regenerated ? lastParent : last;
            m.role = (regenerated ? i - 1 : i) % 2 ? QStringLiteral("assistant") : QStringLiteral("user");
            m.content = QJsonObject{{QStringLiteral("text"), QStringLiteral("Message %1: a typical sentence or two of chat text, "
                                                                              "long enough to look like a real turn.").arg(i)}};
            if (m.role == QLatin1String("assistant"))
                m.content.insert(QStringLiteral("usage"), QJsonObject{{QStringLiteral("input_tokens"), 120 + i},
                                                                      {QStringLiteral("output_tokens"), 40}});
            auto inserted = repo.insert(m);
            if (!inserted)
                return inserted.error().message;
            if (root.isEmpty())
                root = inserted->id;
            if (!regenerated)
                lastParent = last;
            last = inserted->id;
        }
        if (auto st = chats.noteNewMessage(created->id, last, root); !st)
            return st.error().message;
    }
    if (auto st = tx->commit(); !st)
        return st.error().message;
    return {};
}

// A ChatGPT conversations.json of about `bytes`: conversations of a hidden
// system node, 40 turns and an edited first question (a second branch).
QByteArray chatGptExport(qint64 bytes)
{
    QByteArray out;
    out.reserve(bytes + 64 * 1024);
    out.append('[');
    auto node = [&out](const QByteArray &id, const QByteArray &parent, const QByteArrayList &children, const char *role,
                       const QByteArray &text, double time, bool hidden) {
        out.append("\"" + id + "\":{\"id\":\"" + id + "\",\"parent\":" + (parent.isEmpty() ? QByteArray("null") : "\"" + parent + "\"")
                   + ",\"children\":[" + (children.isEmpty() ? QByteArray() : "\"" + children.join("\",\"") + "\"") + "],\"message\":"
                   + "{\"id\":\"" + id + "\",\"author\":{\"role\":\"" + role + "\",\"name\":null,\"metadata\":{}},\"create_time\":"
                   + QByteArray::number(time, 'f', 3) + ",\"update_time\":null,\"content\":{\"content_type\":\"text\",\"parts\":[\""
                   + text + "\"]},\"status\":\"finished_successfully\",\"end_turn\":true,\"weight\":1.0,\"metadata\":{"
                   + (hidden ? "\"is_visually_hidden_from_conversation\":true" : "\"model_slug\":\"gpt-4o\"")
                   + "},\"recipient\":\"all\"}}");
    };
    const QByteArray filler = QByteArray("Here is some realistic text with a bit of code: `for x in xs: print(x)`. ").repeated(4);
    for (int c = 0; out.size() < bytes; ++c) {
        if (c)
            out.append(',');
        const QByteArray p = "c" + QByteArray::number(c) + "-";
        out.append("{\"title\":\"Conversation " + QByteArray::number(c) + "\",\"create_time\":1700000000.0,\"update_time\":1700000100.0,"
                   "\"conversation_id\":\"" + p + "id\",\"current_node\":\"" + p + "n39\",\"mapping\":{");
        node(p + "sys", {}, {p + "n0", p + "e0"}, "system", "", 1700000000.0, true);
        out.append(',');
        node(p + "e0", p + "sys", {}, "user", "An earlier wording " + filler, 1700000000.5, false);
        for (int i = 0; i < 40; ++i) {
            out.append(',');
            node(p + "n" + QByteArray::number(i), i ? p + "n" + QByteArray::number(i - 1) : p + "sys",
                 i < 39 ? QByteArrayList{p + "n" + QByteArray::number(i + 1)} : QByteArrayList{}, i % 2 ? "assistant" : "user",
                 "Turn " + QByteArray::number(i) + ": " + filler, 1700000001.0 + i, false);
        }
        out.append("}}");
    }
    out.append(']');
    return out;
}

// One request over a fresh connection; the answer's bytes are counted and
// dropped as they arrive. Answers the status, or 0.
int exchange(quint16 port, const QByteArray &request, const QByteArray &body, qint64 *received, QByteArray *answerHead = nullptr)
{
    QTcpSocket socket;
    QEventLoop loop;
    QByteArray head;
    QByteArray tail;   // the last bytes: a chunked answer ends with 0 CRLF CRLF
    qint64 length = -1, bodyBytes = 0;
    bool chunked = false, done = false;
    QObject::connect(&socket, &QTcpSocket::readyRead, &loop, [&] {
        QByteArray data = socket.readAll();
        if (head.isEmpty() || !head.endsWith("\r\n\r\n")) {
            head += data;
            const qsizetype end = head.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            data = head.mid(end + 4);
            head.truncate(end + 4);
            const QByteArray lower = head.toLower();
            chunked = lower.contains("transfer-encoding: chunked");
            const qsizetype cl = lower.indexOf("content-length:");
            if (cl >= 0)
                length = lower.mid(cl + 15, lower.indexOf('\r', cl) - cl - 15).trimmed().toLongLong();
        }
        bodyBytes += data.size();
        tail = (tail + data).right(5);
        if ((chunked && tail == "0\r\n\r\n") || (!chunked && length >= 0 && bodyBytes >= length)) {
            done = true;
            loop.quit();
        }
    });
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::connected, &loop, [&] {
        socket.write(request);
        socket.write(body);
    });
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    loop.exec();
    *received = bodyBytes;
    if (answerHead)
        *answerHead = head;
    return done ? head.mid(9, 3).toInt() : 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int messages = argValue(args, QStringLiteral("--messages"), 100000);
    const int importMb = argValue(args, QStringLiteral("--import-mb"), 50);

    QTemporaryDir dir;
    Config config;
    config.dataDir = dir.path();
    const QString url = qEnvironmentVariable("DATABASE_URL");
    if (url.isEmpty()) {
        config.database = DatabaseUrl::sqliteFile(dir.filePath(QStringLiteral("bench.db")));
    } else {
        auto parsed = DatabaseUrl::parse(url);
        if (!parsed) {
            std::fprintf(stderr, "DATABASE_URL: %s\n", qPrintable(parsed.error().message));
            return 1;
        }
        config.database = parsed.value();
    }
    config.secretKey = QByteArrayLiteral("bench-secret-key-0123456789abcdef0123456789abcdef");
    config.encryptionKey = QByteArrayLiteral("bench-encryption-key-0123456789abcdef0123456789");

    Backend backend(config);
    if (auto st = backend.startWithConfig(); !st) {
        std::fprintf(stderr, "start failed: %s\n", qPrintable(st.error().message));
        return 1;
    }
    HttpServer server(backend);
    auto port = server.listen(QStringLiteral("127.0.0.1"), 0);
    if (!port) {
        std::fprintf(stderr, "listen failed: %s\n", qPrintable(port.error().message));
        return 1;
    }
    UserRecord u;
    u.email = QStringLiteral("bench-%1@example.com").arg(newUuid());
    auto user = UserRepository(backend.database()).create(u);
    if (!user) {
        std::fprintf(stderr, "user: %s\n", qPrintable(user.error().message));
        return 1;
    }
    const QByteArray token = backend.auth().tokens().issue(user->id, user->email);
    std::printf("database: %s\n", url.isEmpty() ? "sqlite (temporary file)" : "postgresql");

    QElapsedTimer t;
    t.start();
    if (const QString why = fill(backend, user->id, messages); !why.isEmpty()) {
        std::fprintf(stderr, "fill failed: %s\n", qPrintable(why));
        return 1;
    }
    std::printf("filled %d messages in %d chats: %.1f s\n", messages, (messages + kMessagesPerChat - 1) / kMessagesPerChat,
                t.nsecsElapsed() / 1e9);

    // 1. GET /export, streamed.
    {
        const double rssBefore = statusMiB("VmRSS:");
        resetPeak();
        t.start();
        qint64 bytes = 0;
        const int status = exchange(port.value(), "GET /export HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                                                      + "\r\n\r\n", {}, &bytes);
        const double seconds = t.nsecsElapsed() / 1e9;
        std::printf("GET /export of %d messages: status %d, %.1f MB in %.2f s (%.1f MB/s); RSS before %.1f MiB, peak %.1f MiB"
                    " (+%.1f MiB)\n",
                    messages, status, bytes / 1e6, seconds, bytes / 1e6 / seconds, rssBefore, statusMiB("VmHWM:"),
                    statusMiB("VmHWM:") - rssBefore);
    }

    // 2. POST /import of a generated ChatGPT export.
    {
        const QByteArray document = chatGptExport(qint64(importMb) * 1000 * 1000);
        const double rssBefore = statusMiB("VmRSS:");
        resetPeak();
        t.start();
        qint64 bytes = 0;
        QByteArray head;
        const QByteArray request = "POST /import HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                   "Authorization: Bearer " + token + "\r\nContent-Length: " + QByteArray::number(document.size())
                                   + "\r\n\r\n";
        const int status = exchange(port.value(), request, document, &bytes, &head);
        const double seconds = t.nsecsElapsed() / 1e9;
        std::printf("POST /import of a ChatGPT export of %.1f MB: status %d in %.2f s (%.1f MB/s); RSS before %.1f MiB"
                    " (the document held by this client included), peak %.1f MiB (+%.1f MiB)\n",
                    document.size() / 1e6, status, seconds, document.size() / 1e6 / seconds, rssBefore, statusMiB("VmHWM:"),
                    statusMiB("VmHWM:") - rssBefore);
        auto list = backend.chats().listChats(user->id);
        std::printf("chats after the import: %lld\n", list ? qint64(list->size()) : -1LL);
    }
    return 0;
}
