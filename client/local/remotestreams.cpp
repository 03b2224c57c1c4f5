#include "remotestreams.h"

#include "auth/deviceservice.h"
#include "backend.h"
#include "chat/chatservice.h"
#include "generation/generationmanager.h"

#include <algorithm>

namespace teehee::client {

RemoteStreams::RemoteStreams(Backend &backend, const QString &userId,
                             std::function<void(const QList<RemoteStream> &)> changed, QObject *parent)
    : QObject(parent), m_backend(backend), m_userId(userId), m_changed(std::move(changed))
{
    connect(&backend.generations(), &GenerationManager::generationCreated, this, &RemoteStreams::follow);
    // Those running already (sharing turned on again while a phone streams).
    for (Generation *g : backend.generations().active()) {
        if (g->userId() == m_userId && !g->deviceId().isEmpty() && g->isRunning()) {
            follow(g);
            add(g);
        }
    }
}

QList<RemoteStream> RemoteStreams::streams() const
{
    QList<RemoteStream> out = m_byMessage.values();
    std::sort(out.begin(), out.end(), [](const RemoteStream &a, const RemoteStream &b) {
        return a.startedAt != b.startedAt ? a.startedAt < b.startedAt : a.messageId < b.messageId;
    });
    return out;
}

void RemoteStreams::follow(Generation *g)
{
    // The desktop window's own replies (no device) are not "from other devices".
    if (g->userId() != m_userId || g->deviceId().isEmpty())
        return;
    const QString messageId = g->messageId();
    connect(g, &Generation::event, this, [this, g](const GenerationEvent &e) {
        if (e.type == GenerationEvent::Type::Started)
            add(g);
        else if (e.isTerminal())
            drop(e.messageId);
    });
    connect(g, &QObject::destroyed, this, [this, messageId] { drop(messageId); });
}

void RemoteStreams::add(Generation *g)
{
    if (m_byMessage.contains(g->messageId()))
        return;
    const auto chat = m_backend.chats().chat(m_userId, g->chatId());
    m_byMessage.insert(g->messageId(), RemoteStream{g->messageId(), g->chatId(), chat ? chat->name : QString(),
                                                    g->deviceId(), deviceName(g->deviceId()), g->createdAt()});
    if (m_changed)
        m_changed(streams());
}

void RemoteStreams::drop(const QString &messageId)
{
    if (m_byMessage.remove(messageId) > 0 && m_changed)
        m_changed(streams());
}

QString RemoteStreams::deviceName(const QString &deviceId) const
{
    auto devices = m_backend.devices().list(m_userId);
    if (devices) {
        for (const DeviceRecord &d : devices.value()) {
            if (d.id == deviceId)
                return d.name;
        }
    }
    return {};
}

} // namespace teehee::client
