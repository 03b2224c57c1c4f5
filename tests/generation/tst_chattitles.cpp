// Automatic titles (spec/api.md "Automatic titles") against the fake
// providers: the first reply of a "New Chat" names it, through the same
// provider and model (or TITLE_PROVIDER / TITLE_MODEL), and every device hears
// chat_updated; AUTO_TITLES=false, a failed title request, and a name the user
// gave all leave the name alone; what a model answers is cleaned.
#include "generationfixture.h"
#include "wsclient.h"

#include "generation/chattitler.h"

#include <QSignalSpy>

using namespace genfixture;

class TestChatTitles : public QObject {
    Q_OBJECT

    std::unique_ptr<Fixture> f;

    QString newDefaultChat()
    {
        auto chat = f->chats().createChat(f->user);
        return chat ? chat->id : QString();
    }
    QString nameOf(const QString &chat) { return f->chats().chat(f->user, chat)->name; }
    ChatTitler &titler() { return f->gens().titler(); }
    // Sends a question and waits for the reply's end; `asking` is whether a
    // title request was under way as soon as the reply completed.
    bool replyAndNoteTitle(const QString &chat, const QString &provider, bool *asking, const QString &question = QStringLiteral("How do I plan a trip?"))
    {
        f->fake.enqueue(reply(provider, {QStringLiteral("Start "), QStringLiteral("with a budget.")}));
        Generation *g = f->send(chat, question, provider);
        if (!g)
            return false;
        Recorder rec;
        rec.attach(g);
        // Connected after the titler: it has decided by the time this runs.
        QObject::connect(g, &Generation::event, rec.context.get(), [this, chat, asking](const GenerationEvent &e) {
            if (e.type == GenerationEvent::Type::Completed)
                *asking = titler().isAsking(chat);
        });
        return rec.waitFinished() && rec.last().type == GenerationEvent::Type::Completed;
    }
    // The titler's verdict on a chat (renamed or not), waiting for it.
    bool waitTitled(QSignalSpy &spy, const QString &chat, bool *renamed)
    {
        const bool seen = QTest::qWaitFor([&] {
            for (const auto &args : spy)
                if (args.at(0).toString() == chat)
                    return true;
            return false;
        }, 10000);
        for (const auto &args : spy)
            if (args.at(0).toString() == chat)
                *renamed = args.at(1).toBool();
        return seen;
    }

private Q_SLOTS:
    void init() { f = std::make_unique<Fixture>(); }
    void cleanup() { f.reset(); }

    void theFirstReplyNamesTheChatAndEveryDeviceHears_data()
    {
        QTest::addColumn<QString>("provider");
        for (const QString &p : kProviders)
            QTest::newRow(qPrintable(p)) << p;
    }
    void theFirstReplyNamesTheChatAndEveryDeviceHears()
    {
        QFETCH(QString, provider);
        GEN_SETUP(*f);
        f->fake.setTitle(QStringLiteral("Trip planning basics"));
        const QString chat = newDefaultChat();
        WsClient device;
        QVERIFY(device.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/events?token=%2").arg(f->port()).arg(QString::fromLatin1(f->token)))));
        QSignalSpy titled(&titler(), &ChatTitler::finished);
        bool asking = false;
        QVERIFY(replyAndNoteTitle(chat, provider, &asking));
        QVERIFY(asking);
        bool renamed = false;
        QVERIFY(waitTitled(titled, chat, &renamed));
        QVERIFY(renamed);
        QCOMPARE(nameOf(chat), QStringLiteral("Trip planning basics"));

        // Asked of the reply's own provider and model, about that exchange.
        QCOMPARE(f->fake.titleRequests().size(), 1);
        const RecordedRequest asked = f->fake.titleRequests().first();
        QCOMPARE(asked.json().value("model").toString(), modelFor(provider));
        QCOMPARE(asked.path.endsWith("/messages"), provider == u"anthropic");
        const auto context = sentContext(asked);
        QCOMPARE(context.first().first, QStringLiteral("system"));
        QVERIFY(context.constLast().second.contains(QStringLiteral("How do I plan a trip?")));
        QVERIFY(context.constLast().second.contains(QStringLiteral("Start with a budget.")));

        QVERIFY(QTest::qWaitFor([&] {
            for (const QJsonObject &e : device.ofType(QStringLiteral("chat_updated")))
                if (e.value("chat").toObject().value("name").toString() == u"Trip planning basics")
                    return true;
            return false;
        }, 10000));
        // The reply itself is untouched.
        QCOMPARE(f->fake.requests().size(), 1);
    }

    void titleProviderAndModelNameAnother()
    {
        f->adjustConfig = [](Config &c) {
            c.titleProvider = QStringLiteral("anthropic");
            c.titleModel = QStringLiteral("claude-haiku-4-5");
        };
        GEN_SETUP(*f);
        const QString chat = newDefaultChat();
        QSignalSpy titled(&titler(), &ChatTitler::finished);
        bool asking = false;
        QVERIFY(replyAndNoteTitle(chat, QStringLiteral("openai"), &asking));
        bool renamed = false;
        QVERIFY(waitTitled(titled, chat, &renamed));
        QVERIFY(renamed);
        const RecordedRequest asked = f->fake.titleRequests().first();
        QVERIFY(asked.path.endsWith("/messages"));
        QCOMPARE(asked.json().value("model").toString(), QStringLiteral("claude-haiku-4-5"));
        QCOMPARE(nameOf(chat), QStringLiteral("Fake Chat Title"));
    }

    void autoTitlesFalseLeavesNewChat()
    {
        f->adjustConfig = [](Config &c) { c.autoTitles = false; };
        GEN_SETUP(*f);
        const QString chat = newDefaultChat();
        bool asking = true;
        QVERIFY(replyAndNoteTitle(chat, QStringLiteral("openai"), &asking));
        QVERIFY(!asking);
        // A second reply's request follows anything the first would have sent.
        QVERIFY(replyAndNoteTitle(chat, QStringLiteral("openai"), &asking, QStringLiteral("And then?")));
        QVERIFY(f->fake.titleRequests().isEmpty());
        QCOMPARE(nameOf(chat), ChatService::kDefaultName);
    }

    void aFailedTitleRequestLeavesTheNameAndTheReply()
    {
        GEN_SETUP(*f);
        f->fake.setTitleResponse(FakeResponse::json(500, wire::openAiErrorBody("The server had an error", "server_error", "")));
        const QString chat = newDefaultChat();
        WsClient chatSocket;
        QVERIFY(chatSocket.open(WsClient::url(f->port(), chat, f->token)));
        QSignalSpy titled(&titler(), &ChatTitler::finished);
        // Logged, with its category, and never a key.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("keeps its name; no title: ServerError")));
        bool asking = false;
        QVERIFY(replyAndNoteTitle(chat, QStringLiteral("openai"), &asking));
        QVERIFY(asking);
        bool renamed = true;
        QVERIFY(waitTitled(titled, chat, &renamed));
        QVERIFY(!renamed);
        QCOMPARE(f->fake.titleRequests().size(), 1);
        QCOMPARE(nameOf(chat), ChatService::kDefaultName);

        const auto messages = f->chats().messages(f->user, chat);
        QVERIFY(messages);
        const MessageRecord &answer = messages->constLast().message;
        QCOMPARE(answer.text(), QStringLiteral("Start with a budget."));
        QCOMPARE(answer.status, MessageStatus::Complete);
        QVERIFY(chatSocket.waitFor(QStringLiteral("stream_complete")));
        QVERIFY(chatSocket.ofType(QStringLiteral("stream_error")).isEmpty());
        QVERIFY(chatSocket.ofType(QStringLiteral("error")).isEmpty());
    }

    void aChatTheUserNamedIsNotRetitled()
    {
        GEN_SETUP(*f);
        // Named before the reply: nothing is asked.
        const QString named = newDefaultChat();
        QVERIFY(f->chats().renameChat(f->user, named, QStringLiteral("My own name")));
        bool asking = true;
        QVERIFY(replyAndNoteTitle(named, QStringLiteral("openai"), &asking));
        QVERIFY(!asking);
        QCOMPARE(nameOf(named), QStringLiteral("My own name"));

        // Named while the title is on its way: the user's name stays.
        const QString racing = newDefaultChat();
        connect(&f->fake, &FakeProviderServer::titleRequestReceived, this, [this, racing] {
            QVERIFY(f->chats().renameChat(f->user, racing, QStringLiteral("Typed meanwhile")));
        });
        QSignalSpy titled(&titler(), &ChatTitler::finished);
        QVERIFY(replyAndNoteTitle(racing, QStringLiteral("openai"), &asking));
        QVERIFY(asking);
        bool renamed = true;
        QVERIFY(waitTitled(titled, racing, &renamed));
        QVERIFY(!renamed);
        QCOMPARE(nameOf(racing), QStringLiteral("Typed meanwhile"));
        QCOMPARE(f->fake.titleRequests().size(), 1);
    }

    void onlyTheFirstExchangeNamesTheChat()
    {
        GEN_SETUP(*f);
        f->fake.setTitleResponse(FakeResponse::json(500, wire::openAiErrorBody("The server had an error", "server_error", "")));
        const QString chat = newDefaultChat();
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("keeps its name")));
        QSignalSpy titled(&titler(), &ChatTitler::finished);
        bool asking = false;
        QVERIFY(replyAndNoteTitle(chat, QStringLiteral("openai"), &asking));
        bool renamed = true;
        QVERIFY(waitTitled(titled, chat, &renamed));
        // The second question is not the chat's first: no second try.
        QVERIFY(replyAndNoteTitle(chat, QStringLiteral("openai"), &asking, QStringLiteral("And then?")));
        QVERIFY(!asking);
        QCOMPARE(f->fake.titleRequests().size(), 1);
    }

    void aMarkdownAnswerBecomesAPlainShortTitle()
    {
        GEN_SETUP(*f);
        f->fake.setTitle(QStringLiteral("## **\"Planning A Two Week Spring Trip Through Kyoto, Osaka And The Japanese Alps\"**\n\nHope this helps!"));
        const QString chat = newDefaultChat();
        QSignalSpy titled(&titler(), &ChatTitler::finished);
        bool asking = false;
        QVERIFY(replyAndNoteTitle(chat, QStringLiteral("anthropic"), &asking));
        bool renamed = false;
        QVERIFY(waitTitled(titled, chat, &renamed));
        QVERIFY(renamed);
        const QString name = nameOf(chat);
        QVERIFY2(name.size() <= ChatTitler::kMaxLength, qPrintable(name));
        QVERIFY2(name.startsWith(QStringLiteral("Planning A Two Week Spring Trip")), qPrintable(name));
        for (const QChar c : QStringLiteral("#*\"`\n"))
            QVERIFY2(!name.contains(c), qPrintable(name));
    }

    void cleanKeepsOneLineOfPlainText_data()
    {
        QTest::addColumn<QString>("answer");
        QTest::addColumn<QString>("title");
        QTest::newRow("plain") << "Budget travel tips" << "Budget travel tips";
        QTest::newRow("bold and quoted") << "**\"Trip to Japan\"**" << "Trip to Japan";
        QTest::newRow("heading, label, full stop") << "# Title: Budget planning." << "Budget planning";
        QTest::newRow("single quotes") << "'Quoted title'" << "Quoted title";
        QTest::newRow("apostrophes stay") << "Don't panic" << "Don't panic";
        QTest::newRow("typographic quotes") << QStringLiteral("“Smart «quotes»”") << "Smart quotes";
        QTest::newRow("code and emphasis") << "`grep` _tricks_" << "grep tricks";
        QTest::newRow("first line with words") << "\n\n  - Sorting lists\nSecond line" << "Sorting lists";
        QTest::newRow("nothing usable") << "***" << "";
        QTest::newRow("long, cut at a word")
            << "A remarkably long title that goes on and on about many different things at once"
            << "A remarkably long title that goes on and on about many";
        QTest::newRow("long, one word") << QString(80, u'x') << QString(60, u'x');
        QTest::newRow("corner brackets") << QStringLiteral("「東京旅行の計画」") << QStringLiteral("東京旅行の計画");
    }
    void cleanKeepsOneLineOfPlainText()
    {
        QFETCH(QString, answer);
        QFETCH(QString, title);
        const QString cleaned = ChatTitler::clean(answer);
        QCOMPARE(cleaned, title);
        QVERIFY(cleaned.size() <= ChatTitler::kMaxLength);
    }
};

QTEST_GUILESS_MAIN(TestChatTitles)
#include "tst_chattitles.moc"
