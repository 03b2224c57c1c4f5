// The contract's JSON form of chats and messages (spec/api.md).
#include "chat/chatjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace teehee;

class TestChatJson : public QObject {
    Q_OBJECT

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
        const QJsonObject o = chatjson::message(sample());
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
        QCOMPARE(chatjson::message(p).value("content").toObject().value("text").toString(), QStringLiteral("hi"));
        QVERIFY(chatjson::message(p).value("content").toObject().contains("usage"));
        p.message.content = QJsonObject{};
        QCOMPARE(chatjson::message(p).value("content").toObject().value("text").toString(), QString(""));
        QVERIFY(chatjson::message(p).value("content").toObject().value("text").isString());
    }

    void chatHasContractFieldsAndUtcTimes()
    {
        ChatRecord c;
        c.id = QStringLiteral("cccccccc-0000-4000-8000-000000000003");
        c.userId = QStringLiteral("dddddddd-0000-4000-8000-000000000004");
        c.name = QStringLiteral("n");
        c.createdAt = QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5), Qt::OffsetFromUTC, 3600);
        c.updatedAt = c.createdAt;
        const QJsonObject o = chatjson::chat(c);
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
        const QJsonObject o = chatjson::chatDetail(d);
        QCOMPARE(o.value("messages").toArray().size(), 1);
        QCOMPARE(o.value("current_path").toArray().first().toString(), QStringLiteral("x"));
    }

    void directWriterGivesTheSameDocument()
    {
        ChatDetail d;
        d.chat.id = QStringLiteral("CCCCCCCC-0000-4000-8000-000000000003");
        d.chat.userId = QStringLiteral("dddddddd-0000-4000-8000-000000000004");
        d.chat.name = QStringLiteral("n \"q\"");
        d.chat.createdAt = d.chat.updatedAt = QDateTime::currentDateTimeUtc();
        PlacedMessage tricky = sample();
        QString text = QStringLiteral("quote\" backslash\\ newline\n tab\t bell\a nul-free \u007f 😀 é 中文 \u2028 </script>");
        text += QChar(0x01);
        text += QChar(0x1f);
        tricky.message.content = QJsonObject{{QStringLiteral("text"), text}};
        tricky.message.parentId = QStringLiteral("EEEEEEEE-0000-4000-8000-000000000005");
        tricky.message.provider = QStringLiteral("openai");
        PlacedMessage deleted = sample();
        deleted.message.content = QJsonObject{{QStringLiteral("text"), QStringLiteral("[Message deleted]")}, {QStringLiteral("deleted"), true}};
        d.messages << sample() << tricky << deleted;
        d.currentPath << QStringLiteral("AAAAAAAA-0000-4000-8000-000000000001");
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(chatjson::chatDetailBytes(d), &err);
        QCOMPARE(err.error, QJsonParseError::NoError);
        QCOMPARE(doc.object(), chatjson::chatDetail(d));
        QCOMPARE(QJsonDocument::fromJson(chatjson::messagesBytes(d.messages)).array(), chatjson::messages(d.messages));
        ChatRecord other = d.chat;
        other.name = QStringLiteral("é 😀 \\ \"");
        other.systemPrompt = QStringLiteral("Be brief.\n");
        other.activeLeafId = QStringLiteral("AAAAAAAA-0000-4000-8000-000000000001");
        other.provider = QStringLiteral("anthropic");
        other.model = QStringLiteral("claude-\"x\"");
        other.options = QJsonObject{{"temperature", 0.25}, {"max_tokens", 100}, {"reasoning_effort", "high"}, {"thinking", true}};
        QCOMPARE(QJsonDocument::fromJson(chatjson::chatBytes(other)).object(), chatjson::chat(other));
        const QList<ChatRecord> list{d.chat, other};
        QCOMPARE(QJsonDocument::fromJson(chatjson::chatsBytes(list)).array(), chatjson::chats(list));
        QCOMPARE(chatjson::chatsBytes({}), QByteArray("[]"));
    }

    void directWriterFormatsTimesLikeTheGeneralPath()
    {
        QList<PlacedMessage> list;
        for (qint64 ms : {0LL, 951782400123LL /* 2000-02-29 */, 4102444799999LL /* 2099-12-31 23:59:59.999 */, -86400001LL}) {
            PlacedMessage p = sample();
            p.message.timestamp = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
            list << p;
        }
        QCOMPARE(QJsonDocument::fromJson(chatjson::messagesBytes(list)).array(), chatjson::messages(list));
    }
};

QTEST_GUILESS_MAIN(TestChatJson)
#include "tst_chatjson.moc"
