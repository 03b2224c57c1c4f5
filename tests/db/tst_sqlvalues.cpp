// The small converters every repository relies on: UUID recognition and the
// time formats the two databases hand back.
#include "db/sqlquery.h"

#include <QTest>

using namespace teehee;

class TestSqlValues : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void uuidsAreRecognisedExactly_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("valid");
        QTest::newRow("lower") << "0f8fad5b-d9cb-469f-a165-70867728950e" << true;
        QTest::newRow("upper") << "0F8FAD5B-D9CB-469F-A165-70867728950E" << true;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("braces") << "{0f8fad5b-d9cb-469f-a165-70867728950e}" << false;
        QTest::newRow("no dashes") << "0f8fad5bd9cb469fa16570867728950e" << false;
        QTest::newRow("dash moved") << "0f8fad5-bd9cb-469f-a165-70867728950e" << false;
        QTest::newRow("not hex") << "0g8fad5b-d9cb-469f-a165-70867728950e" << false;
        QTest::newRow("one short") << "0f8fad5b-d9cb-469f-a165-70867728950" << false;
        QTest::newRow("one long") << "0f8fad5b-d9cb-469f-a165-70867728950ee" << false;
        QTest::newRow("sql") << "0f8fad5b-d9cb-469f-a165-7086772895'" << false;
        QTest::newRow("full-width digit") << QStringLiteral("０f8fad5b-d9cb-469f-a165-70867728950e").left(36) << false;
    }
    void uuidsAreRecognisedExactly()
    {
        QFETCH(QString, id);
        QFETCH(bool, valid);
        QCOMPARE(isUuid(id), valid);
    }

    void timesParseFromBothDatabasesFormats_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<qint64>("msecs"); // -1: invalid
        const qint64 base = QDateTime(QDate(2024, 2, 29), QTime(13, 14, 15, 123), Qt::UTC).toMSecsSinceEpoch();
        QTest::newRow("ours") << QByteArray("2024-02-29T13:14:15.123Z") << base;
        QTest::newRow("postgres") << QByteArray("2024-02-29 13:14:15.123456+00") << base;
        QTest::newRow("offset") << QByteArray("2024-02-29 15:14:15.123+02:00") << base;
        QTest::newRow("negative offset") << QByteArray("2024-02-29T11:44:15.123-0130") << base;
        QTest::newRow("no fraction") << QByteArray("2024-02-29T13:14:15Z") << base - 123;
        QTest::newRow("no zone") << QByteArray("2024-02-29T13:14:15.123") << base;
        QTest::newRow("before 1970") << QByteArray("1969-12-31T23:59:59.999Z") << qint64(-1);
        QTest::newRow("not a date") << QByteArray("2024-02-30T13:14:15Z") << qint64(-2);
        QTest::newRow("garbage") << QByteArray("yesterday") << qint64(-2);
        QTest::newRow("bad zone") << QByteArray("2024-02-29T13:14:15Z+") << qint64(-2);
        QTest::newRow("hour 24") << QByteArray("2024-02-29T24:00:00Z") << qint64(-2);
    }
    void timesParseFromBothDatabasesFormats()
    {
        QFETCH(QByteArray, text);
        QFETCH(qint64, msecs);
        const QDateTime t = sqlvalue::parseUtc(text);
        if (msecs == -2) {
            QVERIFY(!t.isValid());
            return;
        }
        QVERIFY(t.isValid());
        QCOMPARE(t.timeSpec(), Qt::UTC);
        QCOMPARE(t.toMSecsSinceEpoch(), msecs);
        // The QVariant path agrees.
        QCOMPARE(sqlvalue::time(QVariant(QString::fromLatin1(text))), t);
    }
};

QTEST_GUILESS_MAIN(TestSqlValues)
#include "tst_sqlvalues.moc"
