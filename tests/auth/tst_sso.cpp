#include <QTest>
class TstSso : public QObject { Q_OBJECT };
QTEST_GUILESS_MAIN(TstSso)
#include "tst_sso.moc"
