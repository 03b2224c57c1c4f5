// What the in-process client makes of the backend's records: a saved message
// keeps its reasoning, its refusal reason and its deletion; a refusal's
// typed reason becomes the failure the desktop words; a chat keeps its
// provider, model and options.
#include "recordconversions.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace teehee;
using namespace teehee::client;

class TestRecordConversions : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aSavedReplyKeepsWhatItSays()
    {
        PlacedMessage placed;
        placed.message.id = QStringLiteral("m1");
        placed.message.role = QStringLiteral("assistant");
        placed.message.status = teehee::MessageStatus::Error;
        placed.message.content = QJsonObject{{QStringLiteral("text"), QStringLiteral("Yes.")},
                                             {QStringLiteral("reasoning"), QStringLiteral("Thought it over.")},
                                             {QStringLiteral("error"), QStringLiteral("No API key for anthropic")},
                                             {QStringLiteral("error_reason"), QStringLiteral("no_key")}};
        placed.position = {1, 3};
        const MessageInfo m = convert::message(placed);
        QCOMPARE(m.text, QStringLiteral("Yes."));
        QCOMPARE(m.reasoning, QStringLiteral("Thought it over."));
        QCOMPARE(m.status, client::MessageStatus::Error);
        QCOMPARE(m.errorReason, Failure::NoKey);
        QCOMPARE(m.siblingIndex, 1);
        QCOMPARE(m.siblingCount, 3);
        QVERIFY(!m.deleted);
    }

    void aDeletedMessageSaysSo()
    {
        PlacedMessage placed;
        placed.message.content = QJsonObject{{QStringLiteral("text"), QStringLiteral("[Message deleted]")},
                                             {QStringLiteral("deleted"), true}};
        QVERIFY(convert::message(placed).deleted);
    }

    void aMessageListsItsFilesAndTheRemovedOnes()
    {
        PlacedMessage placed;
        placed.message.role = QStringLiteral("user");
        placed.message.content = QJsonObject{
            {QStringLiteral("text"), QStringLiteral("Look")},
            {QStringLiteral("attachments"),
             QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("a1")}, {QStringLiteral("name"), QStringLiteral("cat.webp")},
                                    {QStringLiteral("mime_type"), QStringLiteral("image/webp")}, {QStringLiteral("size"), 5000000000.0}},
                        QJsonObject{{QStringLiteral("id"), QStringLiteral("a2")}, {QStringLiteral("name"), QStringLiteral("notes.pdf")},
                                    {QStringLiteral("mime_type"), QStringLiteral("application/pdf")}, {QStringLiteral("size"), 12},
                                    {QStringLiteral("removed"), true}},
                        QJsonObject{{QStringLiteral("name"), QStringLiteral("no id")}}}}};
        const MessageInfo m = convert::message(placed);
        QCOMPARE(m.attachments.size(), 2);
        QCOMPARE(m.attachments.at(0), (AttachmentInfo{QStringLiteral("a1"), QStringLiteral("cat.webp"), QStringLiteral("image/webp"), 5000000000LL, false}));
        QVERIFY(m.attachments.at(0).isImage());
        QCOMPARE(m.attachments.at(1).removed, true);
        QVERIFY(!m.attachments.at(1).isImage());
        QCOMPARE(convert::failure(Error{ErrorCode::TooLarge, QStringLiteral("x")}), Failure::TooLarge);
        QCOMPARE(convert::failure(Error{ErrorCode::UnsupportedType, QStringLiteral("x")}), Failure::UnsupportedType);
    }

    void reasonsBecomeFailuresAndCodesAreTheFallback()
    {
        QCOMPARE(convert::failure(Error::invalid(QStringLiteral("x")).withReason(ErrorReason::NoKey)), Failure::NoKey);
        QCOMPARE(convert::failure(Error::conflict(QStringLiteral("x")).withReason(ErrorReason::ReplyRunning)), Failure::ReplyRunning);
        QCOMPARE(convert::failure(Error::notFound(QStringLiteral("x"))), Failure::NotFound);
        QCOMPARE(convert::failure(Error{ErrorCode::RateLimited, QStringLiteral("x")}), Failure::RateLimited);
        QCOMPARE(convert::failure(ErrorReason::Unspecified), Failure::None);
    }

    void aChatKeepsItsSettings()
    {
        ChatRecord r;
        r.id = QStringLiteral("c1");
        r.name = QStringLiteral("New Chat"); // ChatService::kDefaultName
        r.provider = QStringLiteral("anthropic");
        r.model = QStringLiteral("claude-haiku-4-5");
        r.options = QJsonObject{{QStringLiteral("temperature"), 0.5}};
        const ChatInfo c = convert::chat(r);
        QCOMPARE(c.provider, QStringLiteral("anthropic"));
        QCOMPARE(c.model, QStringLiteral("claude-haiku-4-5"));
        QCOMPARE(c.options.value(QStringLiteral("temperature")).toDouble(), 0.5);
        QVERIFY(c.untitled);
    }

    void aReasoningEventIsAReasoningTurnEvent()
    {
        GenerationEvent e;
        e.type = GenerationEvent::Type::Reasoning;
        e.token = QStringLiteral("hm");
        e.content = QStringLiteral("hmhm");
        const TurnEvent t = convert::event(e);
        QCOMPARE(t.type, TurnEvent::Type::Reasoning);
        QCOMPARE(t.reasoning, QStringLiteral("hmhm"));
        QCOMPARE(t.token, QStringLiteral("hm"));
        QVERIFY(t.content.isEmpty()); // reasoning is never answer text
    }
};

QTEST_GUILESS_MAIN(TestRecordConversions)
#include "tst_recordconversions.moc"
