#pragma once

#include "accountclient.h"
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

    // Which account the desktop shows, and joining a server (may stay null).
    static void provideAccount(teehee::client::AccountClient *account) { s_account = account; }
    static teehee::client::AccountClient *account() { return s_account.data(); }

private:
    static inline QPointer<teehee::client::ChatClient> s_client;
    static inline QPointer<teehee::client::AccountClient> s_account;
    static inline QPointer<teehee::client::SharingClient> s_sharing;
};
