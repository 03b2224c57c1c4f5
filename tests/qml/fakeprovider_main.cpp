// Serves a fake OpenAI-compatible provider on loopback until killed; prints
// its base URL first. Every reply is the Markdown in argv[1] (a file) or a
// short default, streamed word by word.
#include "fakeprovidercontrol.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    FakeProviderControl fake;
    if (!fake.listen())
        return 1;
    if (argc > 1) {
        QFile file(QString::fromLocal8Bit(argv[1]));
        if (!file.open(QIODevice::ReadOnly))
            return 2;
        fake.reply(QString::fromUtf8(file.readAll()), 5);
    }
    QTextStream(stdout) << fake.baseUrl() << Qt::endl;
    return app.exec();
}
