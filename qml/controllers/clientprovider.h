#pragma once

#include "chatclient.h"
#include "sharingclient.h"

#include <QPointer>

// The app's composition root hands the QML singletons what they are built
// from before the QML engine loads: the client, and the objects that must
// exist before the first window (settings, language). A singleton created
// without them is a programming error, reported at creation.
class ClientProvider {
public:
    static void provide(teehee::client::ChatClient *client) { s_client = client; }
    static teehee::client::ChatClient *client();
    // "Share on this network", when the client can (may stay null).
    static void provideSharing(teehee::client::SharingClient *sharing) { s_sharing = sharing; }
    static teehee::client::SharingClient *sharing() { return s_sharing.data(); }

private:
    static inline QPointer<teehee::client::ChatClient> s_client;
    static inline QPointer<teehee::client::SharingClient> s_sharing;
};
