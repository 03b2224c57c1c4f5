#include "relayaccounts.h"

#include "relaysupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>

#include <cstdio>

QList<benchws::Account> makeAccounts(const QUrl &base, int chats, int perUser)
{
    QNetworkAccessManager nam;
    QList<benchws::Account> accounts;
    bool failed = false;
    const int users = (chats + perUser - 1) / perUser;
    // A run of its own: a database kept from an earlier run already has its users.
    const quint32 run = QRandomGenerator::global()->generate();
    const auto post = [&](const QString &path, const QByteArray &token, const QJsonObject &body,
                          const QByteArray &forwardedFor) {
        QNetworkRequest req(base.resolved(QUrl(path)));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (!token.isEmpty())
            req.setRawHeader("Authorization", "Bearer " + token);
        if (!forwardedFor.isEmpty())
            req.setRawHeader("X-Forwarded-For", forwardedFor);
        return nam.post(req, QJsonDocument(body).toJson(QJsonDocument::Compact));
    };
    const auto answer = [&](QNetworkReply *reply) {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (status != 201) {
            if (!failed)
                fprintf(stderr, "%s: %d %s\n", qPrintable(reply->url().path()), status, body.left(200).constData());
            failed = true;
            return QJsonObject();
        }
        return QJsonDocument::fromJson(body).object();
    };
    for (int u = 0; u < users; ++u) {
        const QByteArray address = "10." + QByteArray::number((run >> 8) % 256) + '.' + QByteArray::number(u / 256) + '.'
                                   + QByteArray::number(u % 256);
        const QJsonObject signup{{"email", QStringLiteral("relay-%1-%2@example.com").arg(run, 8, 16, QLatin1Char('0')).arg(u)},
                                 {"password", "relay-bench-password"}};
        QNetworkReply *reply = post(QStringLiteral("/auth/signup"), {}, signup, address);
        QObject::connect(reply, &QNetworkReply::finished, &nam, [&, reply, u] {
            const QByteArray token = answer(reply).value("access_token").toString().toLatin1();
            if (token.isEmpty())
                return;
            for (int c = 0; c < perUser && u * perUser + c < chats; ++c) {
                QNetworkReply *chat = post(QStringLiteral("/chats"), token, {{"name", "relay"}}, {});
                QObject::connect(chat, &QNetworkReply::finished, &nam, [&, chat, token] {
                    const QString id = answer(chat).value("id").toString();
                    if (!id.isEmpty())
                        accounts.append({token, id});
                });
            }
        });
    }
    relay::waitUntil([&] { return failed || accounts.size() == chats; }, 600000);
    for (QNetworkReply *r : nam.findChildren<QNetworkReply *>())
        r->disconnect(); // what is still under way must not call back into this frame
    if (failed || accounts.size() != chats) {
        fprintf(stderr, "made %lld of %d chats\n", qint64(accounts.size()), chats);
        return {};
    }
    return accounts;
}
