#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace genfixture {

// One event of an SSE body: its name, id and JSON data.
struct SseEvent {
    QString event;
    qint64 id = 0;
    QJsonObject data;
};

inline QList<SseEvent> parseSse(const QByteArray &body)
{
    QList<SseEvent> out;
    const QList<QByteArray> blocks = [&] {
        QList<QByteArray> bs;
        QByteArray b = body;
        qsizetype at;
        while ((at = b.indexOf("\n\n")) >= 0) {
            bs.append(b.left(at));
            b = b.mid(at + 2);
        }
        return bs;
    }();
    for (const QByteArray &block : blocks) {
        SseEvent e;
        for (const QByteArray &line : block.split('\n')) {
            if (line.startsWith("event: "))
                e.event = QString::fromUtf8(line.mid(7));
            else if (line.startsWith("id: "))
                e.id = line.mid(4).toLongLong();
            else if (line.startsWith("data: "))
                e.data = QJsonDocument::fromJson(line.mid(6)).object();
        }
        out.append(e);
    }
    return out;
}

} // namespace genfixture
