#pragma once

// Shared set-up for the generation, WebSocket and stream-route tests: a
// backend and HTTP server on a fresh test database whose providers all point
// at one FakeProviderServer, and a signed-in user. Provider-shaped replies are
// in providerreplies.h, the SSE reader in ssebody.h.
#include "api/httpserver.h"
#include "auth/authservice.h"
#include "auth/tokenservice.h"
#include "backend.h"
#include "chat/chatservice.h"
#include "db/messagerepository.h"
#include "db/userrepository.h"
#include "fakeproviderserver.h"
#include "generation/generationmanager.h"
#include "providerreplies.h"
#include "ssebody.h"
#include "support/httptestclient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QThread>
#include <QUuid>
#include <memory>

namespace genfixture {

using namespace teehee;
using namespace teehee::test;

// Every event of one generation, from its start.
struct Recorder {
    QList<GenerationEvent> events;
    std::unique_ptr<QObject> context = std::make_unique<QObject>();

    void attach(Generation *g)
    {
        events = g->eventsAfter(0);
        QObject::connect(g, &Generation::event, context.get(), [this](const GenerationEvent &e) { events.append(e); });
    }
    // The reply's row as stored when the terminal event came: whoever hears
    // of the end may read it, or answer it, at once.
    MessageRecord storedAtEnd;
    void attachStoring(Generation *g, const Database &db)
    {
        attach(g);
        QObject::connect(g, &Generation::event, context.get(), [this, &db](const GenerationEvent &e) {
            if (e.isTerminal())
                storedAtEnd = MessageRepository(db).get(e.messageId).value();
        });
    }
    bool finished() const { return !events.isEmpty() && events.constLast().isTerminal(); }
    bool waitFinished(int ms = 10000) { return QTest::qWaitFor([this] { return finished(); }, ms); }
    QString tokens() const
    {
        QString out;
        for (const auto &e : events)
            if (e.type == GenerationEvent::Type::Token)
                out += e.token;
        return out;
    }
    int count(GenerationEvent::Type t) const
    {
        return int(std::count_if(events.cbegin(), events.cend(), [t](const auto &e) { return e.type == t; }));
    }
    const GenerationEvent &last() const { return events.constLast(); }
};

// True when `seen` holds within a few turns of the event loop that wait for
// nothing: what it observes was already on the wire (a connection closed before
// abort() returned), since no time passes for a timer to act meanwhile.
inline bool withinTurns(const std::function<bool()> &seen, int turns = 20)
{
    for (int i = 0; i < turns && !seen(); ++i)
        QCoreApplication::processEvents();
    return seen();
}

class Fixture {
public:
    FakeProviderServer fake;
    std::unique_ptr<TestApiServer> server;
    QString user;
    QByteArray token;
    std::function<void(Config &)> adjustConfig; // before setUp(): more settings of the server

    // Returns an error text, empty on success. `adjust` changes the server's settings further.
    QString setUp(const std::function<void(Config &)> &adjust = {})
    {
        if (!fake.listen())
            return QStringLiteral("fake provider cannot listen");
        server = std::make_unique<TestApiServer>([this, &adjust](Config &c) {
            c.openaiBaseUrl = fake.baseUrl(QStringLiteral("/v1"));
            c.mistralBaseUrl = fake.baseUrl(QStringLiteral("/v1"));
            c.anthropicBaseUrl = fake.baseUrl();
            c.openaiApiKey = QStringLiteral("sk-test-openai-0000");
            c.anthropicApiKey = QStringLiteral("sk-ant-test-0000");
            c.mistralApiKey = QStringLiteral("mistral-test-0000");
            if (adjustConfig)
                adjustConfig(c);
            if (adjust)
                adjust(c);
        });
        if (!server->isValid())
            return server->error();
        // Failures are tested as they come: no retries, short limits.
        StreamTimeouts t;
        t.firstByteMs = 5000;
        t.idleMs = 5000;
        t.totalMs = 60000;
        RetrySettings r;
        r.maxAttempts = 1;
        gens().setStreamSettings(t, r);
        auto account = newAccount();
        user = account.first;
        token = account.second;
        return user.isEmpty() ? QStringLiteral("cannot create a user") : QString();
    }

    QPair<QString, QByteArray> newAccount()
    {
        UserRecord u;
        u.email = QStringLiteral("%1@example.com").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
        auto created = UserRepository(backend().database()).create(u);
        if (!created)
            return {};
        return {created->id, backend().auth().tokens().issue(created->id, created->email)};
    }

    Backend &backend() { return server->backend(); }
    GenerationManager &gens() { return backend().generations(); }
    ChatService &chats() { return backend().chats(); }
    quint16 port() const { return server->port(); }

    // A user message under the active leaf and its reply; null (with a warning) when refused.
    Generation *send(const QString &chat, const QString &text, const QString &provider = QStringLiteral("openai"))
    {
        auto g = gens().sendMessage(user, chat, text, MessageParent::activeLeaf(), {provider, modelFor(provider)});
        if (!g)
            qWarning() << g.error().message;
        return g ? g.value() : nullptr;
    }
    QString newChat(const QString &systemPrompt = {})
    {
        auto chat = chats().createChat(user, QStringLiteral("test"), systemPrompt);
        return chat ? chat->id : QString();
    }
    QString addMessage(const QString &chatId, const QString &role, const QString &text, const QString &parentId = {})
    {
        NewMessage m;
        m.role = role;
        m.text = text;
        m.parent = parentId.isEmpty() ? MessageParent::activeLeaf() : MessageParent::message(parentId);
        auto added = chats().addMessage(user, chatId, m);
        return added ? added->message.id : QString();
    }
    MessageRecord stored(const QString &messageId)
    {
        auto m = MessageRepository(backend().database()).get(messageId);
        return m ? m.value() : MessageRecord{};
    }
    // The engine's work queue behind 20 jobs of 20 ms, as when other clients
    // start streams: a socket accepted now waits its turn there.
    FairWorkQueue &busyWorkQueue()
    {
        FairWorkQueue &work = gens().workQueue();
        for (int i = 0; i < 20; ++i)
            work.post(&work, [] { QThread::msleep(20); });
        return work;
    }
    bool waitForRequests(int n, int ms = 10000)
    {
        return QTest::qWaitFor([&] { return fake.requests().size() >= n; }, ms);
    }
};
} // namespace genfixture

#define GEN_SETUP(f) do { const QString e_ = (f).setUp(); QVERIFY2(e_.isEmpty(), qPrintable(e_)); } while (0)
