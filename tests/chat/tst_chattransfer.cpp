// Export and import of chats (spec/api.md, "Export and import"): a chat
// exported and imported again is the same tree with the same active leaf,
// texts, usage and times; a ChatGPT conversations.json keeps its branches and
// current node; a second import adds nothing; a malformed document stores
// nothing. Runs on SQLite and PostgreSQL.
#include "chatfixture.h"

#include "chat/chatexport.h"
#include "chat/chatimport.h"
#include "chat/exportstream.h"
#include "db/messagerepository.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace teehee;
using namespace chattest;

namespace {

// A chat's messages in a form that does not depend on ids: each message's
// fields with its parent named by its index in the list.
QStringList shape(const ChatDetail &d)
{
    QHash<QString, int> index;
    for (int i = 0; i < d.messages.size(); ++i)
        index.insert(d.messages.at(i).message.id, i);
    QStringList out;
    for (const PlacedMessage &p : d.messages) {
        const MessageRecord &m = p.message;
        out << QStringLiteral("%1|%2|%3|%4|%5|%6|%7|%8|%9")
                   .arg(m.parentId.isEmpty() ? -1 : index.value(m.parentId))
                   .arg(m.role, QString::fromUtf8(QJsonDocument(m.content).toJson(QJsonDocument::Compact)),
                        m.timestamp.toString(Qt::ISODateWithMs), m.status, m.isPartial ? QStringLiteral("partial") : QString(),
                        m.model + QLatin1Char('/') + m.provider + QLatin1Char('/') + m.finishReason)
                   .arg(m.tokensIn ? *m.tokensIn : -1)
                   .arg(m.tokensOut ? *m.tokensOut : -1);
    }
    return out;
}

int indexOf(const ChatDetail &d, const QString &id)
{
    for (int i = 0; i < d.messages.size(); ++i)
        if (d.messages.at(i).message.id == id)
            return i;
    return -2;
}

QByteArray fixture()
{
    QFile file(QStringLiteral(TEEHEE_TRANSFER_DATA_DIR "/chatgpt-conversations.json"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestChatTransfer : public QObject {
    Q_OBJECT

    ChatFixture f;
    QString user;

    ChatImport importer() { return ChatImport(f.backend->database()); }

    // q1 → a1 (with usage and reasoning) → q2 (the active leaf, though not the newest message); q1 → a1' (aborted).
    QString branchedChat(QString *activeLeaf)
    {
        const QString chat = idOf(f.chats().createChat(user, QStringLiteral("Plans"), QStringLiteral("Be brief.")));
        const QString q1 = f.add(user, chat, QStringLiteral("First question?"), MessageParent::activeLeaf());
        const QString a1 = f.add(user, chat, QStringLiteral("Answer:\n```sh\necho 'hi'\n```"), MessageParent::activeLeaf(),
                                 QStringLiteral("assistant"));
        f.add(user, chat, QStringLiteral("Follow-up"), MessageParent::activeLeaf());
        const QString a2 = f.add(user, chat, QStringLiteral("Other ans"), MessageParent::message(q1), QStringLiteral("assistant"));
        MessageRepository repo(f.backend->database());
        MessageRecord m = repo.get(a1).value();
        m.content.insert(QStringLiteral("usage"), QJsonObject{{QStringLiteral("input_tokens"), 12}, {QStringLiteral("output_tokens"), 34},
                                                              {QStringLiteral("cost_usd"), 0.0012}});
        m.content.insert(QStringLiteral("reasoning"), QStringLiteral("thinking"));
        m.model = QStringLiteral("gpt-4o");
        m.provider = QStringLiteral("openai");
        m.finishReason = QStringLiteral("stop");
        m.tokensIn = 12;
        m.tokensOut = 34;
        if (!repo.update(m))
            return {};
        MessageRecord other = repo.get(a2).value();
        other.status = MessageStatus::Aborted;
        other.isPartial = true;
        if (!repo.update(other))
            return {};
        if (!f.chats().setActiveBranch(user, chat, a1))
            return {};
        *activeLeaf = f.chats().chat(user, chat)->activeLeafId;
        return chat;
    }

private Q_SLOTS:
    void init()
    {
        CHAT_START(f);
        user = f.newUser();
        QVERIFY(!user.isEmpty());
    }
    void cleanup() { f.stop(); }

    void exportThenImportGivesTheSameChat()
    {
        QString leaf;
        const QString chat = branchedChat(&leaf);
        QVERIFY(!chat.isEmpty());
        auto before = f.chats().chatDetail(user, chat);
        QVERIFY(before);
        const QByteArray doc = chatexport::chatDocument(before.value());
        QCOMPARE(QJsonDocument::fromJson(doc).object().value(QStringLiteral("format")).toString(), QStringLiteral("teehee.chat.v1"));

        const QString other = f.newUser();
        auto outcome = importer().importDocument(other, doc);
        QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.error().message));
        QCOMPARE(outcome->imported, 1);
        QCOMPARE(outcome->skipped, 0);
        auto after = f.chats().chatDetail(other, outcome->chats.at(0).id);
        QVERIFY(after);
        QVERIFY(after->chat.id != chat);
        QCOMPARE(after->chat.name, QStringLiteral("Plans"));
        QCOMPARE(after->chat.systemPrompt, QStringLiteral("Be brief."));
        QCOMPARE(shape(after.value()), shape(before.value()));
        QCOMPARE(after->currentPath.size(), before->currentPath.size());
        QCOMPARE(indexOf(after.value(), after->chat.activeLeafId), indexOf(before.value(), leaf));
        QCOMPARE(after->messages.constLast().message.content.value(QStringLiteral("text")).toString(), QStringLiteral("Other ans"));
        QCOMPARE(after->messages.at(indexOf(after.value(), after->chat.activeLeafId)).message.text(), QStringLiteral("Follow-up"));
    }

    void theSameDocumentImportedTwiceAddsNothing()
    {
        QString leaf;
        const QString chat = branchedChat(&leaf);
        const QByteArray doc = chatexport::chatDocument(f.chats().chatDetail(user, chat).value());
        const QString other = f.newUser();
        QCOMPARE(importer().importDocument(other, doc)->imported, 1);
        auto again = importer().importDocument(other, doc);
        QVERIFY(again);
        QCOMPARE(again->imported, 0);
        QCOMPARE(again->skipped, 1);
        QCOMPARE(f.chats().listChats(other)->size(), 1);
    }

    void everythingExportedInPiecesImportsAsOneDocument()
    {
        QString leaf;
        branchedChat(&leaf);
        const QString second = idOf(f.chats().createChat(user, QStringLiteral("Second")));
        f.add(user, second, QStringLiteral("hello"), MessageParent::activeLeaf());
        ExportStream stream(f.chats(), user);
        QByteArray all;
        int pieces = 0;
        while (!stream.atEnd()) {
            auto piece = stream.next();
            QVERIFY(piece);
            all += piece.value();
            ++pieces;
        }
        QCOMPARE(pieces, 4);   // head, two chats, end
        const QJsonObject doc = QJsonDocument::fromJson(all).object();
        QCOMPARE(doc.value(QStringLiteral("format")).toString(), QStringLiteral("teehee.export.v1"));
        QCOMPARE(doc.value(QStringLiteral("chats")).toArray().size(), 2);

        const QString other = f.newUser();
        auto outcome = importer().importDocument(other, all);
        QVERIFY(outcome);
        QCOMPARE(outcome->imported, 2);
        QCOMPARE(f.chats().listChats(other)->size(), 2);
        QCOMPARE(importer().importDocument(other, all)->skipped, 2);
    }

    void anExportHoldsOnlyTheUsersChats()
    {
        const QString other = f.newUser();
        QVERIFY(f.chats().createChat(other, QStringLiteral("Not mine")));
        QVERIFY(f.chats().createChat(user, QStringLiteral("Mine")));
        ExportStream stream(f.chats(), user);
        QByteArray all;
        while (!stream.atEnd())
            all += stream.next().value();
        const QJsonArray chats = QJsonDocument::fromJson(all).object().value(QStringLiteral("chats")).toArray();
        QCOMPARE(chats.size(), 1);
        QCOMPARE(chats.at(0)[QStringLiteral("chat")][QStringLiteral("name")].toString(), QStringLiteral("Mine"));
    }

    void aChatGptExportKeepsBranchesAndTheCurrentNode()
    {
        const QByteArray doc = fixture();
        QVERIFY(!doc.isEmpty());
        auto outcome = importer().importDocument(user, doc);
        QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.error().message));
        QCOMPARE(outcome->imported, 2);
        QCOMPARE(outcome->chats.at(0).name, QStringLiteral("Reversing a list"));
        auto d = f.chats().chatDetail(user, outcome->chats.at(0).id);
        QVERIFY(d);
        QStringList texts;
        for (const PlacedMessage &p : d->messages)
            texts << p.message.text();
        // The hidden system node, the tool call and its output are left out.
        QCOMPARE(texts, (QStringList{QStringLiteral("How do I reverse a list in Python?"),
                                     QStringLiteral("Use slicing:\n\n```python\nxs = xs[::-1]\n```"),
                                     QStringLiteral("How do I reverse a list in place?"),
                                     QStringLiteral("Call `xs.reverse()`: it changes the list itself.")}));
        // The edited question is a second branch beside the first.
        QVERIFY(d->messages.at(0).message.parentId.isEmpty());
        QVERIFY(d->messages.at(2).message.parentId.isEmpty());
        QCOMPARE(d->messages.at(2).position.count, 2);
        QCOMPARE(d->messages.at(3).message.parentId, d->messages.at(2).message.id);
        QCOMPARE(d->currentPath, (QStringList{d->messages.at(2).message.id, d->messages.at(3).message.id}));
        QCOMPARE(d->messages.at(1).message.model, QStringLiteral("gpt-4o"));
        QCOMPARE(d->messages.at(1).message.timestamp, QDateTime::fromMSecsSinceEpoch(1700000012500, Qt::UTC));
        QCOMPARE(d->messages.at(0).message.role, QStringLiteral("user"));
        QCOMPARE(d->messages.at(1).message.role, QStringLiteral("assistant"));

        auto greeting = f.chats().chatDetail(user, outcome->chats.at(1).id);
        QCOMPARE(greeting->messages.at(0).message.text(), QStringLiteral("Hi there"));   // the image part is not text

        auto again = importer().importDocument(user, doc);
        QVERIFY(again);
        QCOMPARE(again->imported, 0);
        QCOMPARE(again->skipped, 2);
        QCOMPARE(f.chats().listChats(user)->size(), 2);
    }

    void aMalformedDocumentNamesTheFaultAndStoresNothing_data()
    {
        QTest::addColumn<QByteArray>("document");
        QTest::addColumn<QString>("named");
        const QByteArray good = "{\"format\":\"teehee.chat.v1\",\"chat\":{\"id\":\"c1\",\"name\":\"ok\"},"
                                "\"messages\":[{\"id\":\"m1\",\"role\":\"user\",\"content\":{\"text\":\"hi\"}}],\"current_path\":[\"m1\"]}";
        QTest::newRow("not json") << QByteArray("{\"format\":") << QStringLiteral("not valid JSON");
        QTest::newRow("unknown format") << QByteArray("{\"format\":\"zip\"}") << QStringLiteral("format:");
        QTest::newRow("bad role in the second chat")
            << QByteArray("{\"format\":\"teehee.export.v1\",\"chats\":[" + good
                          + ",{\"format\":\"teehee.chat.v1\",\"chat\":{\"id\":\"c2\",\"name\":\"x\"},\"messages\":"
                            "[{\"id\":\"m1\",\"role\":\"robot\",\"content\":{\"text\":\"hi\"}}]}]}")
            << QStringLiteral("chats[1].messages[0].role");
        QTest::newRow("unknown parent")
            << QByteArray("{\"format\":\"teehee.chat.v1\",\"chat\":{\"id\":\"c3\",\"name\":\"x\"},\"messages\":"
                          "[{\"id\":\"m1\",\"parent_message_id\":\"nope\",\"role\":\"user\",\"content\":{\"text\":\"hi\"}}]}")
            << QStringLiteral("messages[0].parent_message_id");
        QTest::newRow("cycle")
            << QByteArray("{\"format\":\"teehee.chat.v1\",\"chat\":{\"id\":\"c4\",\"name\":\"x\"},\"messages\":"
                          "[{\"id\":\"a\",\"parent_message_id\":\"b\",\"role\":\"user\",\"content\":{\"text\":\"1\"}},"
                          "{\"id\":\"b\",\"parent_message_id\":\"a\",\"role\":\"user\",\"content\":{\"text\":\"2\"}}]}")
            << QStringLiteral("makes a cycle");
        QTest::newRow("chatgpt without mapping")
            << QByteArray("[{\"title\":\"t\",\"mapping\":{}},{\"title\":\"u\"}]") << QStringLiteral("conversations[1].mapping");
        QTest::newRow("junk between conversations")
            << QByteArray("[{\"title\":\"t\",\"mapping\":{}} x {\"title\":\"u\",\"mapping\":{}}]") << QStringLiteral("not valid JSON");
        QTest::newRow("a cut-off export")
            << QByteArray("{\"format\":\"teehee.export.v1\",\"chats\":[" + good.left(good.size() - 3)) << QStringLiteral("not valid JSON");
        QTest::newRow("a broken chat inside an export")
            << QByteArray("{\"format\":\"teehee.export.v1\",\"chats\":[" + good + ",{\"format\":tru}]}") << QStringLiteral("chats[1]: not valid JSON");
        QTest::newRow("chats not an array")
            << QByteArray("{\"format\":\"teehee.export.v1\",\"chats\":{}}") << QStringLiteral("chats: must be an array");
        QTest::newRow("chatgpt unknown current node")
            << QByteArray("[{\"title\":\"t\",\"mapping\":{},\"current_node\":\"x\"}]") << QStringLiteral("conversations[0].current_node");
    }

    void aMalformedDocumentNamesTheFaultAndStoresNothing()
    {
        QFETCH(QByteArray, document);
        QFETCH(QString, named);
        auto outcome = importer().importDocument(user, document);
        QVERIFY(!outcome);
        QCOMPARE(outcome.error().code, ErrorCode::InvalidInput);
        QVERIFY2(outcome.error().message.contains(named), qPrintable(outcome.error().message));
        QCOMPARE(f.chats().listChats(user)->size(), 0);
    }

    void brackets_quotes_and_escapes_inside_texts_survive_an_export()
    {
        const QString chat = idOf(f.chats().createChat(user, QStringLiteral("Tricky \"name\" ]}")));
        const QString text = QStringLiteral("a \"quoted\" ]}[{ \\ back\\\"slash, \u00e9t\u00e9 and \U0001F600\n\tend");
        f.add(user, chat, text, MessageParent::activeLeaf());
        ExportStream stream(f.chats(), user);
        QByteArray all;
        while (!stream.atEnd())
            all += stream.next().value();
        const QString other = f.newUser();
        auto outcome = importer().importDocument(other, all);
        QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.error().message));
        auto d = f.chats().chatDetail(other, outcome->chats.at(0).id);
        QCOMPARE(d->chat.name, QStringLiteral("Tricky \"name\" ]}"));
        QCOMPARE(d->messages.at(0).message.text(), text);
    }

    void aFailureHalfWayRollsEverythingBack()
    {
        // The second chat's message id is not unique in the database: the first chat goes too.
        ImportedChat a;
        a.key = QStringLiteral("test:a");
        a.chat.name = QStringLiteral("A");
        MessageRecord m;
        m.id = QStringLiteral("m");
        m.role = QStringLiteral("user");
        m.content = QJsonObject{{QStringLiteral("text"), QStringLiteral("hi")}};
        a.messages << m;
        ImportedChat b = a;
        b.key = QStringLiteral("test:b");
        b.messages[0].role = QString();   // refused by the database (role NOT NULL)
        auto outcome = importer().importChats(user, {a, b});
        QVERIFY(!outcome);
        QCOMPARE(f.chats().listChats(user)->size(), 0);
        QCOMPARE(importer().importChats(user, {a})->imported, 1);   // and nothing recorded a
    }

    void markdownShowsTheActivePathWithCodeVerbatim()
    {
        QString leaf;
        const QString chat = branchedChat(&leaf);
        QVERIFY(f.chats().setActiveBranch(user, chat, f.chats().chatDetail(user, chat)->messages.at(1).message.id));
        const QString md = QString::fromUtf8(chatexport::markdown(f.chats().chatDetail(user, chat).value()));
        QVERIFY2(md.startsWith(QStringLiteral("# Plans\n")), qPrintable(md));
        QVERIFY(md.contains(QStringLiteral("## User\n\nFirst question?\n")));
        QVERIFY(md.contains(QStringLiteral("## Assistant (gpt-4o)\n\nAnswer:\n```sh\necho 'hi'\n```\n")));
        QVERIFY(md.contains(QStringLiteral("Follow-up")));
        QVERIFY(!md.contains(QStringLiteral("Other ans")));   // another branch
        QCOMPARE(md.count(QStringLiteral("\n## ")), 4);        // system prompt + three turns
    }
};

QTEST_GUILESS_MAIN(TestChatTransfer)
#include "tst_chattransfer.moc"
