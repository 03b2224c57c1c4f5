#pragma once

#include <QNetworkAccessManager>
#include <QObject>
#include <QQmlEngine>
#include <QVariantList>

// Looks for an OpenAI-compatible server already running on this machine
// (Ollama on 11434, LM Studio on 1234) by asking each for GET /v1/models, all
// at once, with a short timeout. Purely asynchronous; answers with `servers`.
class LocalServerProbe : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool running READ running NOTIFY runningChanged)
    Q_PROPERTY(QVariantList servers READ servers NOTIFY serversChanged) // [{name, baseUrl, models}]
    Q_PROPERTY(QVariantList candidates READ candidates WRITE setCandidates NOTIFY candidatesChanged) // [{name, baseUrl}]
    Q_PROPERTY(int timeoutMs MEMBER m_timeoutMs NOTIFY candidatesChanged)
public:
    explicit LocalServerProbe(QObject *parent = nullptr);

    bool running() const { return m_pending > 0; }
    QVariantList servers() const { return m_servers; }
    QVariantList candidates() const { return m_candidates; }
    void setCandidates(const QVariantList &candidates);

    Q_INVOKABLE void probe();

Q_SIGNALS:
    void runningChanged();
    void serversChanged();
    void candidatesChanged();
    void finished();

private:
    QNetworkAccessManager m_nam;
    QVariantList m_candidates;
    QVariantList m_servers;
    int m_pending = 0;
    int m_timeoutMs = 800;
};
