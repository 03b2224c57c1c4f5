#include "core/keychainthread.h"

#include <qt6keychain/keychain.h>

#include <QThread>

namespace teehee {
namespace {

KeychainThread::Answer answerOf(const QKeychain::Job *job, QByteArray data)
{
    KeychainThread::Answer a;
    a.ok = job->error() == QKeychain::NoError;
    a.notFound = job->error() == QKeychain::EntryNotFound;
    a.accessDenied = job->error() == QKeychain::AccessDenied;
    a.errorString = job->errorString();
    a.data = std::move(data);
    return a;
}

} // namespace

KeychainThread::KeychainThread(QObject *parent) : QObject(parent) {}

KeychainThread::~KeychainThread()
{
    if (!m_thread)
        return;
    m_thread->quit();
    m_thread->wait();
    delete m_jobs; // its thread has ended: deleting it here is safe
    delete m_thread;
}

void KeychainThread::ensureStarted()
{
    if (m_thread)
        return;
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("teehee-keychain"));
    m_jobs = new QObject;
    m_jobs->moveToThread(m_thread);
    m_thread->start();
}

void KeychainThread::read(const QString &service, const QString &key, Done done)
{
    ensureStarted();
    QMetaObject::invokeMethod(m_jobs, [this, service, key, done = std::move(done)] {
        auto *job = new QKeychain::ReadPasswordJob(service, m_jobs);
        job->setAutoDelete(true);
        job->setKey(key);
        // Read on this thread while the job exists; delivered on the owner's thread.
        connect(job, &QKeychain::Job::finished, job, [this, job, done] {
            const Answer a = answerOf(job, job->binaryData());
            QMetaObject::invokeMethod(this, [a, done] { done(a); }, Qt::QueuedConnection);
        });
        job->start();
    });
}

void KeychainThread::write(const QString &service, const QString &key, const QByteArray &data, Done done)
{
    ensureStarted();
    QMetaObject::invokeMethod(m_jobs, [this, service, key, data, done = std::move(done)] {
        auto *job = new QKeychain::WritePasswordJob(service, m_jobs);
        job->setAutoDelete(true);
        job->setKey(key);
        job->setBinaryData(data);
        connect(job, &QKeychain::Job::finished, job, [this, job, done] {
            const Answer a = answerOf(job, {});
            QMetaObject::invokeMethod(this, [a, done] { done(a); }, Qt::QueuedConnection);
        });
        job->start();
    });
}

} // namespace teehee
