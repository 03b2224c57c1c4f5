// Serves a fake OpenAI-compatible provider on loopback until killed; prints
// its base URL first. Replies are the Markdown files given as arguments, one
// per request in order (the last one repeats), streamed word by word;
// `--image-reply FILE` answers the requests that carry an image, apart from the queue.
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
    QStringList replies;
    for (int i = 1; i < argc; ++i) {
        const bool forImages = qstrcmp(argv[i], "--image-reply") == 0 && i + 1 < argc;
        QFile file(QString::fromLocal8Bit(argv[forImages ? ++i : i]));
        if (!file.open(QIODevice::ReadOnly))
            return 2;
        if (forImages)
            fake.replyWhenBodyHolds("data:image/", QString::fromUtf8(file.readAll()));
        else
            replies << QString::fromUtf8(file.readAll());
    }
    fake.queueReplies(replies, 5);
    QTextStream(stdout) << fake.baseUrl() << Qt::endl;
    return app.exec();
}
