#include "clientprovider.h"

#include <QtGlobal>

teehee::client::ChatClient *ClientProvider::client()
{
    if (!s_client)
        qFatal("The QML singletons need a ChatClient: ClientProvider::provide() it before loading the QML.");
    return s_client.data();
}
