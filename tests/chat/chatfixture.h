#pragma once

// A started Backend on a fresh test database, with helpers to make users and
// messages. Shared by the chat service and chat route tests.
#include "backend.h"
#include "chat/chatservice.h"
#include "db/sqlquery.h"
#include "db/userrepository.h"
#include "support/testenv.h"

#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace chattest {

struct ChatFixture {
    QTemporaryDir dir;
    std::unique_ptr<TestDatabase> tdb;
    std::unique_ptr<teehee::Backend> backend;

    // Empty on success, else why the backend did not start.
    QString start(qint64 maxMessageBytes = -1)
    {
        tdb = std::make_unique<TestDatabase>();
        if (!tdb->isValid())
            return tdb->error();
        teehee::Config config = testConfig(*tdb, dir.path());
        if (maxMessageBytes >= 0)
            config.maxMessageBytes = maxMessageBytes;
        backend = std::make_unique<teehee::Backend>(config);
        auto st = backend->startWithConfig();
        return st ? QString() : st.error().message;
    }
    void stop()
    {
        backend.reset();
        tdb.reset();
    }

    teehee::ChatService &chats() { return backend->chats(); }

    QString newUser()
    {
        static int n = 0;
        teehee::UserRecord u;
        u.email = QStringLiteral("user%1-%2@example.com").arg(++n).arg(teehee::newUuid());
        auto created = teehee::UserRepository(backend->database()).create(u);
        return created ? created->id : QString();
    }

    // Adds a message and answers its id (empty on failure, with a warning).
    QString add(const QString &user, const QString &chat, const QString &text, teehee::MessageParent parent,
                const QString &role = QStringLiteral("user"))
    {
        teehee::NewMessage m;
        m.role = role;
        m.text = text;
        m.parent = std::move(parent);
        auto added = chats().addMessage(user, chat, m);
        if (!added) {
            qWarning().noquote() << "addMessage failed:" << added.error().message;
            return {};
        }
        return added->message.id;
    }
};

inline QString idOf(const teehee::Result<teehee::ChatRecord> &r) { return r ? r->id : QString(); }

} // namespace chattest

#define CHAT_START(fixture, ...)                                                        \
    do {                                                                                \
        const QString why = (fixture).start(__VA_ARGS__);                              \
        QVERIFY2(why.isEmpty(), qPrintable(why));                                       \
    } while (false)
