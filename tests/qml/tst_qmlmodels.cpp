#include "controllers/messagerows.h"
#include "models/chatlistmodel.h"
#include "models/conversationmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

namespace {
ChatListModel::Chat chat(const QString &id, const QString &name, const QDateTime &at)
{
    return {id, name, at};
}
ConversationModel::Message msg(const QString &id, const QString &parent, const QString &role, const QString &text)
{
    ConversationModel::Message m;
    m.id = id;
    m.parentId = parent;
    m.role = role;
    m.text = text;
    return m;
}
} // namespace

class TestQmlModels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void chatsAreMostRecentFirstWithSections()
    {
        ChatListModel model;
        QAbstractItemModelTester tester(&model);
        const QDateTime now(QDate(2026, 3, 10), QTime(12, 0));
        model.setNow(now);
        model.setChats({chat("old", "Old", now.addDays(-30)), chat("today", "Today chat", now.addSecs(-60)),
                        chat("yday", "Yesterday chat", now.addDays(-1)), chat("week", "Week", now.addDays(-5))});
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.idAt(0), QStringLiteral("today"));
        QCOMPARE(model.idAt(3), QStringLiteral("old"));
        auto section = [&](int row) { return model.data(model.index(row), ChatListModel::SectionRole).toString(); };
        QCOMPARE(section(0), QStringLiteral("Today"));
        QCOMPARE(section(1), QStringLiteral("Yesterday"));
        QCOMPARE(section(2), QStringLiteral("Previous 7 days"));
        QCOMPARE(section(3), QStringLiteral("Older"));
    }
    void upsertMovesActivityToTopAndFilterMatchesTitle()
    {
        ChatListModel model;
        QAbstractItemModelTester tester(&model);
        const QDateTime now = QDateTime::currentDateTime();
        model.setChats({chat("a", "Alpha", now.addSecs(-10)), chat("b", "Beta", now.addSecs(-20))});
        model.upsert(chat("b", "Beta renamed", now));
        QCOMPARE(model.idAt(0), QStringLiteral("b"));
        QCOMPARE(model.data(model.index(0), ChatListModel::NameRole).toString(), QStringLiteral("Beta renamed"));
        model.setFilter(QStringLiteral("alp"));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.idAt(0), QStringLiteral("a"));
        QCOMPARE(model.totalCount(), 2);
        model.remove(QStringLiteral("a"));
        QCOMPARE(model.rowCount(), 0);
        model.setFilter({});
        QCOMPARE(model.rowCount(), 1);
    }
    void anUntitledChatShowsOneTranslatableNameAndIsFoundByIt()
    {
        ChatListModel model;
        const QDateTime now = QDateTime::currentDateTime();
        ChatListModel::Chat untitled{QStringLiteral("n"), QStringLiteral("New Chat"), now, true};
        model.setChats({untitled, chat("a", "Alpha", now.addSecs(-10))});
        QCOMPARE(model.data(model.index(0), ChatListModel::NameRole).toString(), QStringLiteral("New chat"));
        model.setFilter(QStringLiteral("new chat"));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.idAt(0), QStringLiteral("n"));
    }
    void tokensTouchOneRowAndOnlyTextRoles()
    {
        ConversationModel model;
        QAbstractItemModelTester tester(&model);
        model.setMessages({msg("u1", {}, "user", "Hi"), msg("a1", "u1", "assistant", "")});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        for (int i = 0; i < 50; ++i)
            model.appendText(QStringLiteral("a1"), QStringLiteral("tok "));
        QVERIFY(changed.isEmpty()); // coalesced until the next frame
        QTRY_COMPARE(changed.size(), 1);
        const auto args = changed.first();
        QCOMPARE(args.at(0).toModelIndex().row(), 1);
        QCOMPARE(args.at(1).toModelIndex().row(), 1);
        const auto roles = args.at(2).value<QList<int>>();
        QCOMPARE(roles, (QList<int>{ConversationModel::TextRole, ConversationModel::BlocksRole}));
        QCOMPARE(model.data(model.index(1), ConversationModel::TextRole).toString().size(), 200);
    }
    void streamResyncsARowThatLagsBehind()
    {
        ConversationModel model;
        model.setMessages({msg("a", {}, "assistant", "Hel")}); // saved text, behind the stream
        model.streamText(QStringLiteral("a"), QStringLiteral("!"), QStringLiteral("Hello world!"));
        model.flushPending();
        QCOMPARE(model.get(0).value("text").toString(), QStringLiteral("Hello world!"));
        model.streamText(QStringLiteral("a"), QStringLiteral(" More"), QStringLiteral("Hello world! More"));
        model.flushPending();
        QCOMPARE(model.get(0).value("text").toString(), QStringLiteral("Hello world! More"));
    }
    void aToolCallIsShownThenUpdatedByItsResult()
    {
        ConversationModel model;
        QAbstractItemModelTester tester(&model);
        auto reply = msg("a1", {}, "assistant", "");
        reply.status = ConversationModel::Streaming;
        model.setMessages({reply});
        teehee::client::ToolCallInfo call{QStringLiteral("c1"), QStringLiteral("files"), QStringLiteral("read"),
                                          {{QStringLiteral("path"), QStringLiteral("<a>.txt")}},
                                          QStringLiteral("awaiting_approval"), {}};
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.updateToolCall(QStringLiteral("a1"), toolCallRow(call));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(2).value<QList<int>>(), QList<int>{ConversationModel::ToolCallsRole});
        // The result carries only the outcome: the call's name and arguments stay.
        model.updateToolCall(QStringLiteral("a1"), {{QStringLiteral("callId"), QStringLiteral("c1")},
                                                    {QStringLiteral("status"), QStringLiteral("ok")},
                                                    {QStringLiteral("content"), QStringLiteral("<b>hi</b>")}});
        const QVariantList calls = model.get(0).value("toolCalls").toList();
        QCOMPARE(calls.size(), 1);
        const QVariantMap shown = calls.first().toMap();
        QCOMPARE(shown.value("server").toString(), QStringLiteral("files"));
        QCOMPARE(shown.value("tool").toString(), QStringLiteral("read"));
        QCOMPARE(shown.value("status").toString(), QStringLiteral("ok"));
        QCOMPARE(shown.value("content").toString(), QStringLiteral("<b>hi</b>"));
        QVERIFY(shown.value("arguments").toString().contains(QStringLiteral("\"path\": \"<a>.txt\"")));
        // A saved reply brings its calls as rows too.
        teehee::client::MessageInfo saved;
        saved.id = QStringLiteral("a2");
        saved.role = QStringLiteral("assistant");
        saved.toolCalls = {call};
        QCOMPARE(rowOf(saved).toolCalls.size(), 1);
        QCOMPARE(model.indexOf(QStringLiteral("unknown")), -1);
        model.updateToolCall(QStringLiteral("unknown"), toolCallRow(call)); // no such reply: nothing happens
        QCOMPARE(changed.size(), 2);
    }
    void reasoningGrowsApartFromTheTextAndStopsGrowingWithIt()
    {
        ConversationModel model;
        QAbstractItemModelTester tester(&model);
        auto reply = msg("a1", {}, "assistant", "");
        reply.status = ConversationModel::Streaming;
        model.setMessages({reply});
        QVERIFY(model.roleNames().values().contains("reasoning"));
        QVERIFY(model.roleNames().values().contains("reasoningStreaming"));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.streamReasoning(QStringLiteral("a1"), QStringLiteral("Let me "), QStringLiteral("Let me "));
        model.streamReasoning(QStringLiteral("a1"), QStringLiteral("think."), QStringLiteral("Let me think."));
        model.flushPending();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(2).value<QList<int>>(),
                 (QList<int>{ConversationModel::ReasoningRole, ConversationModel::ReasoningStreamingRole}));
        QCOMPARE(model.get(0).value("reasoning").toString(), QStringLiteral("Let me think."));
        QCOMPARE(model.get(0).value("reasoningStreaming").toBool(), true);
        QCOMPARE(model.get(0).value("text").toString(), QString()); // never mixed into the answer

        model.streamText(QStringLiteral("a1"), QStringLiteral("Yes."), QStringLiteral("Yes."));
        model.flushPending();
        QCOMPARE(model.get(0).value("text").toString(), QStringLiteral("Yes."));
        QCOMPARE(model.get(0).value("reasoningStreaming").toBool(), false);
        QVERIFY(changed.last().at(2).value<QList<int>>().contains(ConversationModel::ReasoningStreamingRole));
        QCOMPARE(model.get(0).value("reasoning").toString(), QStringLiteral("Let me think."));

        // Out of step (a chat reopened mid-stream): the row takes the reasoning so far.
        model.streamReasoning(QStringLiteral("a1"), QStringLiteral("!"), QStringLiteral("Let me think. Again!"));
        model.flushPending();
        QCOMPARE(model.get(0).value("reasoning").toString(), QStringLiteral("Let me think. Again!"));
        // Ended: no longer streaming, the reasoning stays.
        auto ended = *model.message(QStringLiteral("a1"));
        ended.status = ConversationModel::Complete;
        model.upsert(ended);
        QCOMPARE(model.get(0).value("reasoningStreaming").toBool(), false);
        QCOMPARE(model.get(0).value("reasoning").toString(), QStringLiteral("Let me think. Again!"));
    }
    void aSavedMessageShowsItsReasoning()
    {
        teehee::client::MessageInfo saved;
        saved.id = QStringLiteral("a1");
        saved.role = QStringLiteral("assistant");
        saved.text = QStringLiteral("Yes.");
        saved.reasoning = QStringLiteral("Thought it over.");
        ConversationModel model;
        model.setMessages({rowOf(saved)});
        QCOMPARE(model.get(0).value("reasoning").toString(), QStringLiteral("Thought it over."));
        QCOMPARE(model.get(0).value("text").toString(), QStringLiteral("Yes."));
    }
    void blocksFollowText()
    {
        ConversationModel model;
        model.setMessages({msg("a", {}, "assistant", "Look:\n```sh\nls\n")});
        auto blocks = model.data(model.index(0), ConversationModel::BlocksRole).toList();
        QCOMPARE(blocks.size(), 2);
        QCOMPARE(blocks[1].toMap().value("closed").toBool(), false);
        model.appendText(QStringLiteral("a"), QStringLiteral("```\nDone"));
        model.flushPending();
        blocks = model.data(model.index(0), ConversationModel::BlocksRole).toList();
        QCOMPARE(blocks.size(), 3);
        QCOMPARE(blocks[1].toMap().value("closed").toBool(), true);
    }
    void thePathsUsageSumsItsRepliesAndFollowsTheirEnds()
    {
        ConversationModel model;
        QSignalSpy changed(&model, &ConversationModel::pathUsageChanged);
        auto a1 = msg("a1", "u1", "assistant", "One");
        a1.tokensIn = 100;
        a1.tokensOut = 20;
        a1.costUsd = 0.5;
        model.setMessages({msg("u1", {}, "user", "Hi"), a1});
        QVariantMap u = model.pathUsage();
        QCOMPARE(u.value("inputTokens").toDouble(), 100.0);
        QCOMPARE(u.value("replies").toDouble(), 1.0);
        // A reply without a price counts its tokens, not a cost.
        auto a2 = msg("a2", "a1", "assistant", "Two");
        model.upsert(a2);
        const int before = int(changed.size());
        a2.tokensIn = 200;
        a2.tokensOut = 30;
        model.upsert(a2); // its end: the usage arrives
        QVERIFY(changed.size() > before);
        u = model.pathUsage();
        QCOMPARE(u.value("inputTokens").toDouble(), 300.0);
        QCOMPARE(u.value("outputTokens").toDouble(), 50.0);
        QCOMPARE(u.value("costUsd").toDouble(), 0.5);
        QCOMPARE(u.value("replies").toDouble(), 2.0);
        model.clear();
        QCOMPARE(model.pathUsage().value("replies").toDouble(), 0.0);
        QCOMPARE(model.pathUsage().value("costUsd").toDouble(), -1.0);
    }

    void upsertAppendsOnlyChildrenOfTheLastRow()
    {
        ConversationModel model;
        QAbstractItemModelTester tester(&model);
        model.upsert(msg("u1", {}, "user", "Hi"));
        model.upsert(msg("a1", "u1", "assistant", "Hello"));
        model.upsert(msg("x", "u1", "assistant", "another branch"));
        QCOMPARE(model.rowCount(), 2);
        auto edited = msg("a1", "u1", "assistant", "Hello!");
        edited.siblingCount = 2;
        model.upsert(edited);
        QCOMPARE(model.get(1).value("text").toString(), QStringLiteral("Hello!"));
        QCOMPARE(model.get(1).value("siblingCount").toInt(), 2);
        model.truncateAfter(0);
        QCOMPARE(model.rowCount(), 1);
    }
    void fullPathAdoptedBehindItsShownTail()
    {
        ConversationModel model;
        QAbstractItemModelTester tester(&model);
        QList<ConversationModel::Message> path;
        QString parent;
        for (int i = 0; i < 100; ++i) {
            path << msg(QString::number(i), parent, "user", QStringLiteral("m%1").arg(i));
            parent = QString::number(i);
        }
        model.setMessages(path.mid(90));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QVERIFY(model.adoptFullPath(path));
        QCOMPARE(reset.size(), 0);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(model.totalCount(), 100);
        QVERIFY(model.hasOlder());
        // Another chat's rows are not a tail of this path.
        QVERIFY(!model.adoptFullPath({msg("x", {}, "user", "other")}));
        QCOMPARE(model.totalCount(), 100);
    }
    void revealLoadsTheRowsDownToAMessageFarUp()
    {
        ConversationModel model;
        QAbstractItemModelTester tester(&model);
        QList<ConversationModel::Message> path;
        QString parent;
        for (int i = 0; i < 500; ++i) {
            path << msg(QString::number(i), parent, i % 2 ? "assistant" : "user", QStringLiteral("m%1").arg(i));
            parent = QString::number(i);
        }
        model.setMessages(path);
        const int shown = model.rowCount();
        QCOMPARE(model.indexOf(QStringLiteral("10")), -1);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QCOMPARE(model.reveal(QStringLiteral("10")), 0);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.rowCount(), 490);
        QCOMPARE(model.get(0).value("id").toString(), QStringLiteral("10"));
        // A shown message loads nothing; an unknown one is -1.
        QCOMPARE(model.reveal(QStringLiteral("499")), 489);
        QCOMPARE(model.reveal(QStringLiteral("nope")), -1);
        QCOMPARE(inserted.size(), 1);
        QVERIFY(shown < 490);
    }
    void longPathsShowTheirEndAndGrowUpwards()
    {
        ConversationModel model;
        QAbstractItemModelTester tester(&model);
        QList<ConversationModel::Message> path;
        QString parent;
        for (int i = 0; i < 1000; ++i) {
            path << msg(QString::number(i), parent, i % 2 ? "assistant" : "user", QStringLiteral("m%1").arg(i));
            parent = QString::number(i);
        }
        model.setMessages(path);
        QCOMPARE(model.rowCount(), ConversationModel::kWindow);
        QCOMPARE(model.totalCount(), 1000);
        QVERIFY(model.hasOlder());
        QCOMPARE(model.get(model.rowCount() - 1).value("id").toString(), QStringLiteral("999"));
        QCOMPARE(model.indexOf(QStringLiteral("0")), -1);
        QVERIFY(model.message(QStringLiteral("0")));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.loadOlder();
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(model.rowCount(), ConversationModel::kWindow + ConversationModel::kChunk);
        while (model.hasOlder())
            model.loadOlder();
        QCOMPARE(model.rowCount(), 1000);
        QCOMPARE(model.get(0).value("id").toString(), QStringLiteral("0"));
        // Streaming still reaches the last row, and appending follows the last row.
        model.appendText(QStringLiteral("999"), QStringLiteral("!"));
        model.flushPending();
        QCOMPARE(model.get(999).value("text").toString(), QStringLiteral("m999!"));
        model.upsert(msg(QStringLiteral("1000"), QStringLiteral("999"), "user", QStringLiteral("next")));
        QCOMPARE(model.rowCount(), 1001);
    }
};

QTEST_MAIN(TestQmlModels)
#include "tst_qmlmodels.moc"
