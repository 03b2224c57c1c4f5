#pragma once

// What the chat and message route tests share: one API server (SQLite or
// PostgreSQL), a fresh account per test, and calls made as that account or
// as another one.
#include "api/httpserver.h"
#include "auth/authservice.h"
#include "auth/tokenservice.h"
#include "backend.h"
#include "chat/chatservice.h"
#include "db/sqlquery.h"
#include "db/userrepository.h"
#include "support/httptestclient.h"

#include <QJsonDocument>
#include <QTest>
#include <memory>

using namespace teehee;

// The helpers of a test class; each test class has its own slots.
class ChatRoutesTest : public QObject {
protected:
    std::unique_ptr<TestApiServer> server;
    QString user;
    QByteArray token;

    struct Account { QString id; QByteArray token; };
    Account newAccount()
    {
        UserRecord u;
        u.email = QStringLiteral("%1@example.com").arg(newUuid());
        auto created = UserRepository(server->backend().database()).create(u);
        if (!created)
            return {};
        return {created->id, server->backend().auth().tokens().issue(created->id, created->email)};
    }

    HttpTestResponse call(const QByteArray &method, const QString &path, const QByteArray &body = {},
                          const QByteArray &as = QByteArray("me"))
    {
        QList<QPair<QByteArray, QByteArray>> h{{"Content-Type", "application/json"}};
        const QByteArray t = as == "me" ? token : as;
        if (!t.isEmpty())
            h.append({"Authorization", "Bearer " + t});
        return server->client().request(method, path, body, h);
    }
    HttpTestResponse call(const QByteArray &method, const QString &path, const QJsonObject &json,
                          const QByteArray &as = QByteArray("me"))
    {
        return call(method, path, QJsonDocument(json).toJson(QJsonDocument::Compact), as);
    }
    QString newChat(const QJsonObject &body = {})
    {
        return call("POST", QStringLiteral("/chats"), body).object().value("id").toString();
    }
    QJsonObject post(const QString &chat, const QJsonObject &body)
    {
        return call("POST", QStringLiteral("/chats/%1/messages").arg(chat), body).object();
    }
    QJsonObject say(const QString &chat, const QString &text)
    {
        return post(chat, {{"role", "user"}, {"content", text}});
    }
    static QString id(const QJsonObject &o) { return o.value("id").toString(); }

    // For initTestCase(), init() and cleanupTestCase().
    void startServer()
    {
        server = std::make_unique<TestApiServer>();
        TEEHEE_REQUIRE_SERVER(*server);
    }
    void signInAsANewAccount()
    {
        Account a = newAccount();
        QVERIFY(!a.id.isEmpty());
        user = a.id;
        token = a.token;
    }
    void stopServer() { server.reset(); }
};
