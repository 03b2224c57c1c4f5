#pragma once

// A WebSocket test client: collects every JSON event, notes the close code.
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QWebSocket>

class WsClient : public QObject {
public:
    QWebSocket ws;
    QList<QJsonObject> got;
    bool closed = false;
    int closeCode = -1;

    WsClient()
    {
        connect(&ws, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
            got.append(QJsonDocument::fromJson(text.toUtf8()).object());
        });
        connect(&ws, &QWebSocket::disconnected, this, [this] {
            closed = true;
            closeCode = int(ws.closeCode());
        });
    }
    static QUrl url(quint16 port, const QString &chatId, const QByteArray &token, const QString &extra = {})
    {
        return QUrl(QStringLiteral("ws://127.0.0.1:%1/stream/%2?token=%3%4")
                        .arg(port).arg(chatId, QString::fromLatin1(token), extra));
    }
    // True once connected; false when refused or closed.
    bool open(const QUrl &url, int ms = 5000)
    {
        ws.open(url);
        (void)QTest::qWaitFor([this] { return ws.state() == QAbstractSocket::ConnectedState || closed; }, ms);
        return ws.state() == QAbstractSocket::ConnectedState;
    }
    bool waitClosed(int ms = 5000) { return QTest::qWaitFor([this] { return closed; }, ms); }
    void send(const QJsonObject &o) { ws.sendTextMessage(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact))); }

    QList<QJsonObject> ofType(const QString &type) const
    {
        QList<QJsonObject> out;
        for (const auto &o : got)
            if (o.value(QStringLiteral("type")).toString() == type)
                out.append(o);
        return out;
    }
    bool waitFor(const QString &type, int count = 1, int ms = 10000)
    {
        return QTest::qWaitFor([&] { return ofType(type).size() >= count; }, ms);
    }
    QJsonObject last(const QString &type) const
    {
        const auto all = ofType(type);
        return all.isEmpty() ? QJsonObject{} : all.constLast();
    }
    QStringList types() const
    {
        QStringList out;
        for (const auto &o : got)
            out.append(o.value(QStringLiteral("type")).toString());
        return out;
    }
    QString tokens() const
    {
        QString out;
        for (const auto &o : ofType(QStringLiteral("token")))
            out += o.value(QStringLiteral("token")).toString();
        return out;
    }
};
