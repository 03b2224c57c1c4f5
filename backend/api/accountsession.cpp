#include "api/accountsession.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace teehee {

void AccountSession::receive(const QString &text, bool binary)
{
    if (isClosed())
        return;
    if (binary)
        return send(streamevents::error(QStringLiteral("Send JSON as text messages, not binary ones")));
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    const QString type = doc.object().value(QStringLiteral("type")).toString();
    if (type == u"ping")
        return send(streamevents::pong());
    send(streamevents::error(QStringLiteral("This socket only sends events; the one message it takes is "
                                            "{\"type\":\"ping\"}")));
}

} // namespace teehee
