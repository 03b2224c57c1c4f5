#pragma once

// LocalChatClient's two ways of running work on the backend thread and
// answering on the caller's, shared by the files that implement its calls.
#include "localchatclient.h"

#include "backend.h"

#include <QMetaObject>
#include <QPointer>

namespace teehee::client {

template <typename Work, typename DoneFn>
void LocalChatClient::run(QObject *context, Work work, DoneFn done)
{
    if (m_state != State::Ready)
        return; // views ask once stateChanged() says Ready
    QPointer<QObject> guard(context);
    QMetaObject::invokeMethod(m_backend, [this, work, done, guard] {
        auto result = work(*m_backend, m_userId);
        QMetaObject::invokeMethod(this, [guard, done, result] {
            if (guard)
                done(result);
        }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

template <typename T, typename Work>
void LocalChatClient::runAsync(QObject *context, Work work, Reply<T> reply)
{
    if (m_state != State::Ready)
        return;
    QPointer<QObject> guard(context);
    QMetaObject::invokeMethod(m_backend, [this, work, reply, guard] {
        work(*m_backend, m_userId, [this, reply, guard](const Outcome<T> &outcome) {
            QMetaObject::invokeMethod(this, [guard, reply, outcome] {
                if (guard)
                    reply(outcome);
            }, Qt::QueuedConnection);
        });
    }, Qt::QueuedConnection);
}

} // namespace teehee::client
