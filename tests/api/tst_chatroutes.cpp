// Chats and Messages over HTTP, as spec/api.md states them: every route, its
// statuses and aliases, JSON on every 2xx, limits and bad input, and that
// another user's ids answer exactly like missing ones. SQLite and PostgreSQL.
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

class TestChatRoutes : public QObject {
    Q_OBJECT

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
        return server->client().request(method, path, body);
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
};

QTEST_GUILESS_MAIN(TestChatRoutes)
#include "tst_chatroutes.moc"
