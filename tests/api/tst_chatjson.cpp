// The API's JSON form of chats and messages, written straight to bytes: every
// field, the edge cases of strings and times, and valid JSON whatever the text.
#include "api/json/chatjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace teehee;

class TestChatJson : public QObject {
    Q_OBJECT

    static QJsonObject parsed(const QByteArray &bytes)
    {
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &err);
        if (err.error != QJsonParseError::NoError)
            qWarning().noquote() << "not JSON:" << err.errorString() << bytes.left(200);
        return doc.object();
    }
    static QJsonObject message(const PlacedMessage &p) { return parsed(chatjson::messageBytes(p)); }

    static PlacedMessage sample()
    {
        MessageRecord m;
        m.id = QStringLiteral("AAAAAAAA-0000-4000-8000-000000000001");
        m.chatId = QStringLiteral("bbbbbbbb-0000-4000-8000-000000000002");
        m.role = QStringLiteral("assistant");
        m.content = QJsonObject{{QStringLiteral("text"), QStringLiteral("hi")}, {QStringLiteral("usage"), QJsonObject{}}};
        m.timestamp = QDateTime(QDate(2024, 5, 6), QTime(7, 8, 9, 10), Qt::UTC);
        m.status = MessageStatus::Aborted;
        m.isPartial = true;
        m.model = QStringLiteral("gpt-4o-mini");
        return PlacedMessage{m, SiblingPosition{1, 3}};
    }

private Q_SLOTS:
    void messageHasEveryContractField()
    {
        const QJsonObject o = message(sample());
        const QStringList keys{"id", "chat_session_id", "parent_message_id", "role", "content", "timestamp",
                               "is_partial", "model", "provider", "status", "sibling_index", "sibling_count"};
        for (const QString &k : keys)
            QVERIFY2(o.contains(k), qPrintable(k));
        QCOMPARE(o.value("id").toString(), QStringLiteral("aaaaaaaa-0000-4000-8000-000000000001"));
        QVERIFY(o.value("parent_message_id").isNull());
        QVERIFY(o.value("provider").isNull());
        QCOMPARE(o.value("timestamp").toString(), QStringLiteral("2024-05-06T07:08:09.010Z"));
        QCOMPARE(o.value("is_partial").toBool(), true);
        QCOMPARE(o.value("status").toString(), QStringLiteral("aborted"));
        QCOMPARE(o.value("sibling_index").toInt(), 1);
        QCOMPARE(o.value("sibling_count").toInt(), 3);
    }

    void contentIsAlwaysAnObjectWithText()
    {
        PlacedMessage p = sample();
        QCOMPARE(message(p).value("content").toObject().value("text").toString(), QStringLiteral("hi"));
        QVERIFY(message(p).value("content").toObject().contains("usage"));
        p.message.content = QJsonObject{};
        QCOMPARE(message(p).value("content").toObject().value("text").toString(), QString(""));
        QVERIFY(message(p).value("content").toObject().value("text").isString());
    }

    void chatHasContractFieldsAndUtcTimes()
    {
        ChatRecord c;
        c.id = QStringLiteral("cccccccc-0000-4000-8000-000000000003");
        c.userId = QStringLiteral("dddddddd-0000-4000-8000-000000000004");
        c.name = QStringLiteral("n");
        c.createdAt = QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5), Qt::OffsetFromUTC, 3600);
        c.updatedAt = c.createdAt;
        const QJsonObject o = parsed(chatjson::chatBytes(c));
        for (const char *k : {"id", "user_id", "name", "root_message_id", "created_at", "updated_at", "provider", "model", "options"})
            QVERIFY2(o.contains(QLatin1String(k)), k);
        QVERIFY(o.value("root_message_id").isNull());
        // No choice yet: null provider and model, no options.
        QVERIFY(o.value("provider").isNull());
        QVERIFY(o.value("model").isNull());
        QVERIFY(o.value("options").isObject());
        QVERIFY(o.value("options").toObject().isEmpty());
        QCOMPARE(o.value("created_at").toString(), QStringLiteral("2024-01-02T02:04:05.000Z"));
    }

    void detailAddsMessagesAndCurrentPath()
    {
        ChatDetail d;
        d.messages << sample();
        d.currentPath << QStringLiteral("x");
        const QJsonObject o = parsed(chatjson::chatDetailBytes(d));
        QCOMPARE(o.value("messages").toArray().size(), 1);
        QCOMPARE(o.value("current_path").toArray().first().toString(), QStringLiteral("x"));
    }

    void anyTextComesBackExactly()
    {
        ChatDetail d;
        d.chat.id = QStringLiteral("CCCCCCCC-0000-4000-8000-000000000003");
        d.chat.userId = QStringLiteral("dddddddd-0000-4000-8000-000000000004");
        d.chat.name = QStringLiteral("é 😀 \\ \"");
        d.chat.systemPrompt = QStringLiteral("Be brief.\n");
        d.chat.createdAt = d.chat.updatedAt = QDateTime::currentDateTimeUtc();
        d.chat.provider = QStringLiteral("anthropic");
        d.chat.model = QStringLiteral("claude-\"x\"");
        d.chat.options = QJsonObject{{"temperature", 0.25}, {"max_tokens", 100}, {"reasoning_effort", "high"}, {"thinking", true}};
        PlacedMessage tricky = sample();
        QString text = QStringLiteral("quote\" backslash\\ newline\n tab\t bell\a nul-free \u007f 😀 é 中文 \u2028 </script>");
        text += QChar(0x01);
        text += QChar(0x1f);
        tricky.message.content = QJsonObject{{QStringLiteral("text"), text}};
        tricky.message.parentId = QStringLiteral("EEEEEEEE-0000-4000-8000-000000000005");
        tricky.message.provider = QStringLiteral("openai");
        d.messages << sample() << tricky;
        d.currentPath << QStringLiteral("AAAAAAAA-0000-4000-8000-000000000001");

        const QJsonObject o = parsed(chatjson::chatDetailBytes(d));
        QCOMPARE(o.value("id").toString(), QStringLiteral("cccccccc-0000-4000-8000-000000000003"));
        QCOMPARE(o.value("name").toString(), d.chat.name);
        QCOMPARE(o.value("system_prompt").toString(), d.chat.systemPrompt);
        QCOMPARE(o.value("model").toString(), d.chat.model);
        QCOMPARE(o.value("options").toObject(), d.chat.options);
        const QJsonObject m = o.value("messages").toArray().at(1).toObject();
        QCOMPARE(m.value("content").toObject().value("text").toString(), text);
        QCOMPARE(m.value("parent_message_id").toString(), QStringLiteral("eeeeeeee-0000-4000-8000-000000000005"));
        QCOMPARE(o.value("current_path").toArray().first().toString(), QStringLiteral("aaaaaaaa-0000-4000-8000-000000000001"));
        QCOMPARE(parsed(chatjson::chatBytes(d.chat)).value("name").toString(), d.chat.name);
        QCOMPARE(QJsonDocument::fromJson(chatjson::chatsBytes({d.chat, d.chat})).array().size(), 2);
        QCOMPARE(chatjson::chatsBytes({}), QByteArray("[]"));
        const QJsonObject withPath = parsed(chatjson::chatWithPathBytes(d.chat, d.currentPath));
        QCOMPARE(withPath.value("current_path").toArray().size(), 1);
        QVERIFY(!withPath.contains("messages"));
    }

    void timesAreIsoUtcWithMilliseconds()
    {
        for (qint64 ms : {0LL, 951782400123LL /* 2000-02-29 */, 4102444799999LL /* 2099-12-31 23:59:59.999 */, -86400001LL}) {
            PlacedMessage p = sample();
            p.message.timestamp = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
            QCOMPARE(message(p).value("timestamp").toString(), p.message.timestamp.toString(Qt::ISODateWithMs));
        }
    }
};

QTEST_GUILESS_MAIN(TestChatJson)
#include "tst_chatjson.moc"
