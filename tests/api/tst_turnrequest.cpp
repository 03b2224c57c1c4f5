// The one decoding of a turn (api/json/turnrequest.h) that every transport
// uses: parent_message_id absent / null / a UUID / anything else, content as
// a string or {text}, provider/model/key_id types, message ids, and the
// model options with their ranges (chat/chatoptions.h).
#include "api/json/turnrequest.h"
#include "generation/generationmanager.h"

#include <QJsonArray>
#include <QUrlQuery>
#include <QTest>

using namespace teehee;

namespace {
const QString kId = QStringLiteral("AAAAAAAA-0000-4000-8000-000000000001");

QJsonObject send(QJsonObject extra = {})
{
    QJsonObject o{{"content", "hi"}};
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
        o.insert(it.key(), it.value());
    return o;
}
} // namespace

class TestTurnRequest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void anAbsentParentIsTheActiveBranchOnEveryKind()
    {
        for (TurnKind kind : {TurnKind::Send, TurnKind::AddMessage}) {
            const auto t = decodeTurn(kind, send({{"role", "user"}}));
            QVERIFY(t);
            QCOMPARE(t->parent.kind, MessageParent::Kind::ActiveLeaf);
        }
    }

    // The contract: an explicit null starts a new root, on the stream routes
    // and the WebSocket as on POST /chats/{id}/messages.
    void aNullParentIsANewRootOnEveryKind()
    {
        for (TurnKind kind : {TurnKind::Send, TurnKind::AddMessage}) {
            const auto t = decodeTurn(kind, send({{"role", "user"}, {"parent_message_id", QJsonValue::Null}}));
            QVERIFY(t);
            QCOMPARE(t->parent.kind, MessageParent::Kind::NewRoot);
        }
    }

    void aParentUuidIsKeptLowerCase()
    {
        const auto t = decodeTurn(TurnKind::Send, send({{"parent_message_id", kId}}));
        QVERIFY(t);
        QCOMPARE(t->parent.kind, MessageParent::Kind::Message);
        QCOMPARE(t->parent.id, kId.toLower());
    }

    void anInvalidParentIsRefusedNamingTheField_data()
    {
        QTest::addColumn<QJsonValue>("parent");
        QTest::newRow("not a uuid") << QJsonValue(QStringLiteral("nope"));
        QTest::newRow("empty") << QJsonValue(QString());
        QTest::newRow("number") << QJsonValue(7);
        QTest::newRow("object") << QJsonValue(QJsonObject{{"id", kId}});
    }
    void anInvalidParentIsRefusedNamingTheField()
    {
        QFETCH(QJsonValue, parent);
        const auto t = decodeTurn(TurnKind::Send, send({{"parent_message_id", parent}}));
        QVERIFY(!t);
        QCOMPARE(t.error.reason, TurnRequestError::Reason::NotUuid);
        QCOMPARE(t.error.field, QStringLiteral("parent_message_id"));
        QVERIFY(t.error.message.contains(QStringLiteral("parent_message_id")));
        QCOMPARE(t.error.toError().code, ErrorCode::InvalidInput);
    }

    void contentIsAStringOrAnObjectWithText()
    {
        QCOMPARE(decodeTurn(TurnKind::Send, {{"content", "a"}})->text, QStringLiteral("a"));
        QCOMPARE(decodeTurn(TurnKind::Send, {{"content", QJsonObject{{"text", "b"}}}})->text, QStringLiteral("b"));
        QCOMPARE(decodeContent(QJsonObject{{"text", "c"}}).value(), QStringLiteral("c"));
    }

    void contentOfAnotherShapeIsRefused_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::newRow("absent") << QJsonObject{};
        QTest::newRow("null") << QJsonObject{{"content", QJsonValue::Null}};
        QTest::newRow("number") << QJsonObject{{"content", 42}};
        QTest::newRow("text not a string") << QJsonObject{{"content", QJsonObject{{"text", 1}}}};
        QTest::newRow("blank question") << QJsonObject{{"content", QJsonObject{{"text", "  \n"}}}};
    }
    void contentOfAnotherShapeIsRefused()
    {
        QFETCH(QJsonObject, body);
        const auto t = decodeTurn(TurnKind::Send, body);
        QVERIFY(!t);
        QCOMPARE(t.error.field, QStringLiteral("content"));
        QVERIFY(t.error.message.contains(QStringLiteral("content")));
    }

    // An assistant message may be stored empty (the web client asks for its reply later).
    void anAddedMessageMayBeEmptyButNeedsARole()
    {
        QVERIFY(decodeTurn(TurnKind::AddMessage, {{"role", "assistant"}, {"content", ""}}));
        const auto noRole = decodeTurn(TurnKind::AddMessage, {{"content", "x"}});
        QVERIFY(!noRole);
        QCOMPARE(noRole.error.reason, TurnRequestError::Reason::Missing);
        QCOMPARE(noRole.error.field, QStringLiteral("role"));
    }

    void providerModelAndKeyAreStringsOrNull()
    {
        const auto t = decodeTurn(TurnKind::Send, send({{"provider", "anthropic"}, {"model", "m"}, {"key_id", QJsonValue::Null}}));
        QVERIFY(t);
        const GenerationOptions g = t->generationOptions();
        QCOMPARE(g.provider, QStringLiteral("anthropic"));
        QCOMPARE(g.model, QStringLiteral("m"));
        QVERIFY(g.keyId.isEmpty());
        for (const char *field : {"provider", "model", "key_id"}) {
            const auto bad = decodeTurn(TurnKind::Continue, {{QLatin1String(field), 3}}, kId);
            QVERIFY(!bad);
            QCOMPARE(bad.error.field, QLatin1String(field));
        }
    }

    void continueAndRegenerateTakeTheMessageFromThePathOrTheBody()
    {
        QCOMPARE(decodeTurn(TurnKind::Continue, {}, kId)->messageId, kId.toLower());
        QCOMPARE(decodeTurn(TurnKind::Regenerate, {{"message_id", kId}})->messageId, kId.toLower());
        const auto missing = decodeTurn(TurnKind::Regenerate, {});
        QVERIFY(!missing);
        QCOMPARE(missing.error.reason, TurnRequestError::Reason::Missing);
        const auto notUuid = decodeTurn(TurnKind::Continue, {{"message_id", "x"}});
        QVERIFY(!notUuid);
        QCOMPARE(notUuid.error.reason, TurnRequestError::Reason::NotUuid);
        QVERIFY(!decodeTurn(TurnKind::Continue, {{"message_id", 5}}));
    }

    void optionsInRangeAreDecoded()
    {
        const auto t = decodeTurn(TurnKind::Send, send({{"options", QJsonObject{{"temperature", 2}, {"max_tokens", 1},
                                                                               {"reasoning_effort", "low"}, {"thinking", true}}}}));
        QVERIFY(t);
        QCOMPARE(t->options.temperature, std::optional<double>(2.0));
        QCOMPARE(t->options.maxTokens, std::optional<int>(1));
        QCOMPARE(t->options.reasoningEffort, std::optional(ChatOptions::Effort::Low));
        QCOMPARE(t->options.thinking, std::optional<bool>(true));
        QCOMPARE(t->generationOptions().options, t->options);
        // Absent, null and {} are no override; a null member is unset.
        for (const QJsonValue &none : {QJsonValue(QJsonValue::Undefined), QJsonValue(QJsonValue::Null), QJsonValue(QJsonObject{}),
                                       QJsonValue(QJsonObject{{"temperature", QJsonValue::Null}})}) {
            const auto n = decodeTurn(TurnKind::Continue, none.isUndefined() ? QJsonObject{} : QJsonObject{{"options", none}}, kId);
            QVERIFY(n);
            QVERIFY(n->options.isEmpty());
        }
        QCOMPARE(decodeTurn(TurnKind::Send, send({{"options", QJsonObject{{"temperature", 0}}}}))->options.temperature,
                 std::optional<double>(0.0));
    }

    void optionsOutOfRangeOrUnknownAreRefused_data()
    {
        using R = ChatOptionsError::Reason;
        QTest::addColumn<QJsonValue>("options");
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("reason");
        QTest::newRow("temperature above 2") << QJsonValue(QJsonObject{{"temperature", 2.01}}) << "options.temperature" << int(R::OutOfRange);
        QTest::newRow("temperature below 0") << QJsonValue(QJsonObject{{"temperature", -0.1}}) << "options.temperature" << int(R::OutOfRange);
        QTest::newRow("temperature as text") << QJsonValue(QJsonObject{{"temperature", "1"}}) << "options.temperature" << int(R::WrongType);
        QTest::newRow("max_tokens 0") << QJsonValue(QJsonObject{{"max_tokens", 0}}) << "options.max_tokens" << int(R::OutOfRange);
        QTest::newRow("max_tokens huge") << QJsonValue(QJsonObject{{"max_tokens", 1e20}}) << "options.max_tokens" << int(R::OutOfRange);
        QTest::newRow("max_tokens fraction") << QJsonValue(QJsonObject{{"max_tokens", 1.5}}) << "options.max_tokens" << int(R::WrongType);
        QTest::newRow("effort extreme") << QJsonValue(QJsonObject{{"reasoning_effort", "extreme"}}) << "options.reasoning_effort" << int(R::OutOfRange);
        QTest::newRow("effort number") << QJsonValue(QJsonObject{{"reasoning_effort", 3}}) << "options.reasoning_effort" << int(R::WrongType);
        QTest::newRow("thinking text") << QJsonValue(QJsonObject{{"thinking", "yes"}}) << "options.thinking" << int(R::WrongType);
        QTest::newRow("unknown option") << QJsonValue(QJsonObject{{"top_p", 0.5}}) << "options.top_p" << int(R::UnknownOption);
        QTest::newRow("not an object") << QJsonValue(QJsonArray{1}) << "options" << int(R::NotAnObject);
    }
    void optionsOutOfRangeOrUnknownAreRefused()
    {
        QFETCH(QJsonValue, options);
        QFETCH(QString, field);
        QFETCH(int, reason);
        const auto t = decodeTurn(TurnKind::Send, send({{"options", options}}));
        QVERIFY(!t);
        QCOMPARE(t.error.reason, TurnRequestError::Reason::BadOption);
        QCOMPARE(t.error.field, field);
        QVERIFY2(t.error.message.contains(field.section(u'.', -1)), qPrintable(t.error.message));
        const auto direct = ChatOptions::fromJson(options);
        QVERIFY(!direct);
        QCOMPARE(int(direct.error.reason), reason);
    }

    void aReplysOptionsOverrideOnlyWhatTheySet()
    {
        ChatOptions chat;
        chat.temperature = 0.2;
        chat.maxTokens = 500;
        ChatOptions reply;
        reply.temperature = 1.5;
        reply.thinking = false;
        const ChatOptions merged = chat.overriddenBy(reply);
        QCOMPARE(merged.temperature, std::optional<double>(1.5));
        QCOMPARE(merged.maxTokens, std::optional<int>(500));
        QCOMPARE(merged.thinking, std::optional<bool>(false));
        QVERIFY(!merged.reasoningEffort);
        QCOMPARE(ChatOptions::fromJson(merged.toJson()).value(), merged);
    }

    void compactTokensAreAskedWithOneOrTrue()
    {
        QVERIFY(wantsCompactTokens(QUrlQuery(QStringLiteral("compact=1"))));
        QVERIFY(wantsCompactTokens(QUrlQuery(QStringLiteral("token=x&compact=true"))));
        QVERIFY(!wantsCompactTokens(QUrlQuery(QStringLiteral("compact=0"))));
        QVERIFY(!wantsCompactTokens(QUrlQuery()));
    }
};

QTEST_GUILESS_MAIN(TestTurnRequest)
#include "tst_turnrequest.moc"
