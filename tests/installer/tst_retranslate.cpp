// Loads the real UI (qrc:/Teehee/Main.qml) offscreen, switches the language
// the way the Settings page does (SettingsController.language) and checks that every visible
// text with a translation changes at once, and changes back. Expected texts
// come from translations/*.ts, so the test follows the UI as it grows.
// With TEEHEE_SCREENSHOT_DIR set it also saves one screenshot per language.
#include "clientprovider.h"
#include "languagecontroller.h"
#include "localchatclient.h"
#include "settingscontroller.h"

#include <QFile>
#include <QGuiApplication>
#include <QPointer>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QAbstractItemModel>
#include <QTest>
#include <QXmlStreamReader>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(TeeheePlugin)

namespace {

struct Pair {
    QString source, translation;
};

// Finished, singular entries of one .ts file.
QList<Pair> readTs(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<Pair> pairs;
    QXmlStreamReader xml(&file);
    Pair cur;
    bool numerus = false;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("message")) {
            numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (xml.name() == QLatin1String("source")) {
            cur.source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation") && !numerus && xml.attributes().isEmpty()) {
            cur.translation = xml.readElementText();
            if (!cur.translation.isEmpty())
                pairs.append(cur);
        }
    }
    return pairs;
}

// What `english` becomes in the other language: one candidate per .ts entry
// whose source matches it, with %1.. filled in from the English text.
QStringList expectedTranslations(const QString &english, const QList<Pair> &pairs)
{
    static const QRegularExpression arg(QStringLiteral("%(\\d)"));
    QStringList out;
    for (const Pair &p : pairs) {
        QString pattern;
        QList<int> order;
        qsizetype last = 0;
        for (auto it = arg.globalMatch(p.source); it.hasNext();) {
            const auto a = it.next();
            pattern += QRegularExpression::escape(p.source.mid(last, a.capturedStart() - last)) + QStringLiteral("(.*)");
            order.append(a.captured(1).toInt());
            last = a.capturedEnd();
        }
        pattern += QRegularExpression::escape(p.source.mid(last));
        const auto m = QRegularExpression(QRegularExpression::anchoredPattern(pattern)).match(english);
        if (!m.hasMatch())
            continue;
        QString t = p.translation;
        for (int i = 0; i < order.size(); ++i)
            t.replace(QStringLiteral("%%1").arg(order.at(i)), m.captured(i + 1));
        out.append(t);
    }
    return out;
}

// Every visible item with a string "text" property.
void collectTexts(QQuickItem *item, QList<QPointer<QQuickItem>> &out)
{
    if (!item->isVisible())
        return;
    const QVariant text = item->property("text");
    if (text.metaType() == QMetaType::fromType<QString>() && !text.toString().isEmpty())
        out.append(item);
    for (QQuickItem *child : item->childItems())
        collectTexts(child, out);
}

} // namespace

class TestRetranslate : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void switchLanguage_data();
    void switchLanguage();
    void settingsLanguageBox();
    void cleanupTestCase();

private:
    QStringList snapshot() const;
    void verifyShownIn(const QString &code);
    void saveSettingsScreenshot(QQuickItem *box, const QString &path);
    QTemporaryDir m_data;
    QQmlApplicationEngine *m_engine = nullptr;
    QQuickWindow *m_window = nullptr;
    SettingsController *m_settings = nullptr;
    teehee::client::LocalChatClient *m_client = nullptr;
    QStringList m_english;
};

// Visible texts in tree order, collected afresh: a switch may recreate items
// (section headers of a reset model), but the same UI state shows the same list.
QStringList TestRetranslate::snapshot() const
{
    QList<QPointer<QQuickItem>> items;
    collectTexts(m_window->contentItem(), items);
    QStringList texts{m_window->title()};
    for (const auto &item : items)
        texts.append(item->property("text").toString());
    return texts;
}

void TestRetranslate::initTestCase()
{
    // A fresh database, so the sidebar shows exactly the chat made below.
    QVERIFY(m_data.isValid());
    qputenv("TEEHEE_DATA_DIR", m_data.path().toLocal8Bit());
    // As the app's composition root does: the language, then the client, then the QML.
    LanguageController::applyStartupLanguage();
    m_client = new teehee::client::LocalChatClient({}, this);
    ClientProvider::provide(m_client);
    m_client->start();
    m_engine = new QQmlApplicationEngine(this);
    m_engine->load(QUrl(QStringLiteral("qrc:/Teehee/Main.qml")));
    QVERIFY(!m_engine->rootObjects().isEmpty());
    m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
    QVERIFY(m_window);
    QVERIFY(QTest::qWaitForWindowExposed(m_window));

    // One chat, so the sidebar shows a section header ("Today") that C++ translates.
    QObject *chats = m_engine->singletonInstance<QObject *>(qmlTypeId("Teehee", 1, 0, "ChatListController"));
    QVERIFY(chats);
    auto *list = chats->property("chats").value<QAbstractItemModel *>();
    QVERIFY(list);
    QTRY_VERIFY_WITH_TIMEOUT(chats->property("listLoaded").toBool(), 10000);
    QVERIFY(QMetaObject::invokeMethod(chats, "newChat"));
    QTRY_COMPARE_WITH_TIMEOUT(list->rowCount(), 1, 10000);
    // A name that is no UI string, so the test does not expect data to be translated.
    QVERIFY(QMetaObject::invokeMethod(chats, "renameChat", Q_ARG(QString, chats->property("currentChatId").toString()),
                                      Q_ARG(QString, QStringLiteral("Trip to Kyoto"))));
    QTRY_COMPARE_WITH_TIMEOUT(chats->property("currentChatName").toString(), QStringLiteral("Trip to Kyoto"), 10000);
    // Let start-up settle (backend status, local server probe, model lists) so that
    // texts change only by language: wait until two snapshots 500 ms apart agree.
    QStringList before = snapshot();
    for (int i = 0; i < 20; ++i) {
        QTest::qWait(500);
        const QStringList now = snapshot();
        if (now == before)
            break;
        before = now;
    }

    const int id = qmlTypeId("Teehee", 1, 0, "SettingsController");
    QVERIFY(id >= 0);
    m_settings = m_engine->singletonInstance<SettingsController *>(id);
    QVERIFY(m_settings);
    QCOMPARE(LanguageController::effectiveLanguage(), QStringLiteral("en")); // TEEHEE_LANGUAGE=en from ctest

    m_english = snapshot();
    const QString dir = qEnvironmentVariable("TEEHEE_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(m_window->grabWindow().save(dir + QStringLiteral("/teehee-en.png")));
}

void TestRetranslate::switchLanguage_data()
{
    QTest::addColumn<QString>("code");
    for (const char *code : {"de", "fr", "es", "ja"})
        QTest::newRow(code) << QString::fromLatin1(code);
}

// Compares every visible text with its translation in teehee_<code>.ts.
void TestRetranslate::verifyShownIn(const QString &code)
{
    const QList<Pair> pairs = readTs(qEnvironmentVariable("TEEHEE_TS_DIR") + QStringLiteral("/teehee_%1.ts").arg(code));
    QVERIFY2(!pairs.isEmpty(), "no finished entries in the .ts file");
    QCOMPARE(LanguageController::effectiveLanguage(), code);
    const QStringList translated = snapshot();
    QCOMPARE(translated.size(), m_english.size());
    int checked = 0;
    QStringList wrong;
    for (qsizetype i = 0; i < m_english.size(); ++i) {
        QStringList want = expectedTranslations(m_english.at(i), pairs);
        want.removeAll(m_english.at(i)); // same word in both languages proves nothing
        if (want.isEmpty())
            continue;
        ++checked;
        if (!want.contains(translated.at(i)))
            wrong << QStringLiteral("\"%1\" shows \"%2\", expected \"%3\"").arg(m_english.at(i), translated.at(i), want.join(QStringLiteral("\" or \"")));
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
    QVERIFY2(checked > 0, "no visible text has a translation to compare");
    qInfo("%d visible texts shown in %s", checked, qPrintable(code));
}

void TestRetranslate::switchLanguage()
{
    QFETCH(QString, code);
    m_settings->setLanguage(code);
    verifyShownIn(code);
    if (QTest::currentTestFailed())
        return;

    const QString dir = qEnvironmentVariable("TEEHEE_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(m_window->grabWindow().save(QStringLiteral("%1/teehee-%2.png").arg(dir, code)));

    m_settings->setLanguage(QStringLiteral("en"));
    QCOMPARE(snapshot(), m_english);
}

// The language box in the Settings dialog, used as a user would: pick an entry.
void TestRetranslate::settingsLanguageBox()
{
    auto *box = m_window->findChild<QQuickItem *>(QStringLiteral("languageBox"));
    QVERIFY2(box, "no ComboBox with objectName \"languageBox\" in the Settings dialog");
    const auto pick = [box](const QString &code) {
        int index = -1;
        QMetaObject::invokeMethod(box, "indexOfValue", Q_RETURN_ARG(int, index), Q_ARG(QVariant, code));
        if (index < 0)
            return false;
        box->setProperty("currentIndex", index);
        QMetaObject::invokeMethod(box, "activated", Q_ARG(int, index));
        QTest::qWait(50); // the box re-selects with Qt.callLater after its model is rebuilt
        return box->property("currentIndex").toInt() == index;
    };
    for (const char *code : {"ja", "es", "de"}) {
        QVERIFY2(pick(QString::fromLatin1(code)), code);
        verifyShownIn(QString::fromLatin1(code));
    }
    const QString dir = qEnvironmentVariable("TEEHEE_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        saveSettingsScreenshot(box, dir + QStringLiteral("/teehee-settings-de.png"));
    QVERIFY(pick(QStringLiteral("en")));
    QCOMPARE(snapshot(), m_english);
}

// For the README: the Settings dialog scrolled to the language box.
void TestRetranslate::saveSettingsScreenshot(QQuickItem *box, const QString &path)
{
    QObject *dialog = box;
    while (dialog && !dialog->inherits("QQuickPopup"))
        dialog = dialog->parent();
    QVERIFY(dialog);
    QVERIFY(QMetaObject::invokeMethod(dialog, "open"));
    QTest::qWait(400);
    QQuickItem *flick = box->parentItem();
    while (flick && !flick->inherits("QQuickFlickable"))
        flick = flick->parentItem();
    if (flick) {
        auto *content = flick->property("contentItem").value<QQuickItem *>();
        const qreal y = box->mapToItem(content, QPointF(0, 0)).y();
        const qreal maxY = flick->property("contentHeight").toReal() - flick->height();
        flick->setProperty("contentY", qBound(0.0, y - flick->height() / 2, qMax(0.0, maxY)));
        QTest::qWait(100);
    }
    QVERIFY(m_window->grabWindow().save(path));
    QMetaObject::invokeMethod(dialog, "close");
    QTest::qWait(400);
}

void TestRetranslate::cleanupTestCase()
{
    delete m_engine;
    delete m_client;
}

QTEST_MAIN(TestRetranslate)
#include "tst_retranslate.moc"
