// Checks translations/*.ts: every entry finished and non-empty, no vanished or
// obsolete leftovers, placeholders (%1, %n, %L1) and mnemonics kept; and that
// the sources hold no string the .ts files lack (lupdate is run into a copy of
// each file with the same project as `update_translations`).
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Entry {
    QString context, source, type;
    QStringList translations; // one, or one per plural form
    bool numerus = false;
    qint64 line = 0;
};

QList<Entry> parseTs(const QString &path, QString *language, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Entry> entries;
    QXmlStreamReader xml(&file);
    QString context;
    Entry cur;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            entries.append(cur);
            continue;
        }
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("TS")) {
            *language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            cur = Entry{context, {}, {}, {}, xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes"),
                        xml.lineNumber()};
        } else if (name == QLatin1String("source")) {
            cur.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            cur.type = xml.attributes().value(QLatin1String("type")).toString();
            if (!cur.numerus)
                cur.translations = {xml.readElementText()};
        } else if (name == QLatin1String("numerusform")) {
            cur.translations.append(xml.readElementText());
        }
    }
    if (xml.hasError())
        *error = xml.errorString() + QStringLiteral(" at line %1").arg(xml.lineNumber());
    return entries;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%L?(\\d+|n)"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found.append(it.next().captured(0).remove(QLatin1Char('L')));
    found.removeDuplicates();
    found.sort();
    return found;
}

bool hasMnemonic(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("(^|[^&])&[^&\\s]"));
    return re.match(text).hasMatch();
}

// Every problem of one file, one line each.
QStringList problems(const QString &path)
{
    QString language, error;
    const QList<Entry> entries = parseTs(path, &language, &error);
    if (!error.isEmpty())
        return {QStringLiteral("cannot read: %1").arg(error)};
    QStringList out;
    const QString expected = QFileInfo(path).baseName().section(QLatin1Char('_'), 1);
    if (language.section(QLatin1Char('_'), 0, 0) != expected)
        out << QStringLiteral("language=\"%1\" but the file name says %2").arg(language, expected);
    if (entries.isEmpty())
        out << QStringLiteral("no entries");
    // Key names stay as written ("Ctrl+N"): they must match the keys the UI binds.
    static const QRegularExpression shortcut(
        QStringLiteral("\\b(?:Ctrl|Shift|Alt|Meta)(?:\\+(?:[A-Za-z0-9]+|[^\\sA-Za-z0-9]))+|\\bF[0-9]{1,2}\\b"));
    for (const Entry &e : entries) {
        const QString where = QStringLiteral("line %1 [%2] \"%3\"").arg(e.line).arg(e.context, e.source);
        if (!e.type.isEmpty()) {
            out << QStringLiteral("%1: type=\"%2\"").arg(where, e.type);
            continue;
        }
        if (e.translations.isEmpty())
            out << where + QStringLiteral(": empty translation");
        for (const QString &t : e.translations) {
            if (t.trimmed().isEmpty()) {
                out << where + QStringLiteral(": empty translation");
                continue;
            }
            QStringList want = placeholders(e.source);
            // A plural form may spell the number out ("one message"), so %n is optional there.
            if (e.numerus)
                want.removeAll(QStringLiteral("%n"));
            for (const QString &p : want) {
                if (!placeholders(t).contains(p))
                    out << QStringLiteral("%1: translation \"%2\" drops %3").arg(where, t, p);
            }
            if (hasMnemonic(e.source) && !hasMnemonic(t))
                out << QStringLiteral("%1: translation \"%2\" drops the & mnemonic").arg(where, t);
            for (auto it = shortcut.globalMatch(e.source); it.hasNext();) {
                const QString keys = it.next().captured(0);
                if (!t.contains(keys))
                    out << QStringLiteral("%1: translation \"%2\" changes the shortcut %3").arg(where, t, keys);
            }
        }
    }
    return out;
}

QString env(const char *name)
{
    const QString v = qEnvironmentVariable(name);
    if (v.isEmpty())
        qFatal("%s is not set (the test is meant to run from ctest)", name);
    return v;
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void files_data();
    void files();
    void sourcesCovered_data() { files_data(); }
    void sourcesCovered();
    void checkerCatchesProblems();
};

void TestTranslations::files_data()
{
    QTest::addColumn<QString>("path");
    for (const char *code : {"de", "fr", "es", "ja"}) {
        const QString path = env("TEEHEE_TS_DIR") + QStringLiteral("/teehee_%1.ts").arg(QLatin1String(code));
        QTest::newRow(code) << path;
    }
}

void TestTranslations::files()
{
    QFETCH(QString, path);
    QVERIFY2(QFile::exists(path), qPrintable(path + QStringLiteral(" is missing")));
    const QStringList found = problems(path);
    QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("%1:\n  %2").arg(path, found.join(QStringLiteral("\n  ")))));
}

void TestTranslations::sourcesCovered()
{
    QFETCH(QString, path);
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    // The same source list as the update_translations target, generated the same way.
    const QString json = tmp.filePath(QStringLiteral("project.json"));
    QProcess gen;
    gen.start(env("TEEHEE_CMAKE"), {QStringLiteral("-DIN_FILE=") + env("TEEHEE_LUPDATE_PROJECT"),
                                    QStringLiteral("-DOUT_FILE=") + json, QStringLiteral("-P"),
                                    env("TEEHEE_LUPDATE_PROJECT_SCRIPT")});
    QVERIFY(gen.waitForFinished(60000));
    QVERIFY2(gen.exitCode() == 0, gen.readAllStandardError().constData());

    const QString copy = tmp.filePath(QFileInfo(path).fileName());
    QVERIFY(QFile::copy(path, copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    QProcess lupdate;
    lupdate.start(env("TEEHEE_LUPDATE"), {QStringLiteral("-silent"), QStringLiteral("-project"), json,
                                          QStringLiteral("-ts"), copy});
    QVERIFY(lupdate.waitForFinished(120000));
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());
    // New source strings arrive as "unfinished", removed ones turn "vanished".
    const QStringList found = problems(copy);
    QVERIFY2(found.isEmpty(),
             qPrintable(QStringLiteral("%1 is out of date with the sources; run `cmake --build <build> --target "
                                       "update_translations` and translate:\n  %2")
                            .arg(path, found.join(QStringLiteral("\n  ")))));
}

// The checks above must be able to fail: feed them a file with every fault.
void TestTranslations::checkerCatchesProblems()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("teehee_de.ts"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"(<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS><TS version="2.1" language="de_DE"><context><name>Main</name>
<message><source>Open</source><translation type="unfinished"></translation></message>
<message><source>Gone</source><translation type="vanished">Weg</translation></message>
<message><source>Old</source><translation type="obsolete">Alt</translation></message>
<message><source>Empty</source><translation></translation></message>
<message><source>Data: %1</source><translation>Daten:</translation></message>
<message><source>&amp;File</source><translation>Datei</translation></message>
<message><source>Ctrl+N</source><translation>Strg+N</translation></message>
<message numerus="yes"><source>%n chat(s)</source><translation><numerusform>%n Chat</numerusform><numerusform></numerusform></translation></message>
<message><source>Fine %1</source><translation>Gut %1</translation></message>
</context></TS>)");
    f.close();
    const QString all = problems(path).join(QLatin1Char('\n'));
    for (const char *expected : {"\"Open\": type=\"unfinished\"", "\"Gone\": type=\"vanished\"", "\"Old\": type=\"obsolete\"",
                                 "\"Empty\": empty translation", "drops %1", "drops the & mnemonic",
                                 "changes the shortcut Ctrl+N", "\"%n chat(s)\": empty translation"}) {
        QVERIFY2(all.contains(QLatin1String(expected)), qPrintable(QStringLiteral("missed: %1\ngot:\n%2").arg(QLatin1String(expected), all)));
    }
    QVERIFY2(!all.contains(QLatin1String("Fine")), qPrintable(all));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
