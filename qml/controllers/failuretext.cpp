#include "failuretext.h"

#include <QCoreApplication>

using teehee::client::Failure;

QString failureText(const teehee::client::ClientError &error)
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("FailureText", text); };
    switch (error.reason) {
    case Failure::None:
        return {};
    case Failure::NoKey:
        return tr("There is no API key for this provider yet. Add one in Settings, then retry.");
    case Failure::KeyRejected:
        return tr("The provider refused the API key. Check or replace it in Settings, then retry.");
    case Failure::NoModel:
        return tr("No model is chosen for this provider. Pick one in the model menu.");
    case Failure::UnknownProvider:
        return tr("This provider is not available. Pick another model.");
    case Failure::ReplyRunning:
        return tr("A reply is still being written in this chat. Stop it or wait for it to finish.");
    case Failure::NotContinuable:
        return tr("This reply cannot be continued.");
    case Failure::NotFound:
        return tr("That is no longer there.");
    case Failure::RateLimited:
        return tr("Too many requests right now. Try again in a moment.");
    case Failure::Unauthorized:
        return tr("Not allowed.");
    case Failure::Unavailable:
        return tr("The chats cannot be reached right now.");
    case Failure::Invalid:
    case Failure::Internal:
        break;
    }
    return error.detail.isEmpty() ? tr("Something went wrong.") : error.detail;
}

QString failureName(Failure failure)
{
    switch (failure) {
    case Failure::None: return {};
    case Failure::NotFound: return QStringLiteral("not_found");
    case Failure::Invalid: return QStringLiteral("invalid");
    case Failure::NoKey: return QStringLiteral("no_key");
    case Failure::KeyRejected: return QStringLiteral("key_rejected");
    case Failure::NoModel: return QStringLiteral("no_model");
    case Failure::UnknownProvider: return QStringLiteral("unknown_provider");
    case Failure::ReplyRunning: return QStringLiteral("reply_running");
    case Failure::NotContinuable: return QStringLiteral("not_continuable");
    case Failure::RateLimited: return QStringLiteral("rate_limited");
    case Failure::Unauthorized: return QStringLiteral("unauthorized");
    case Failure::Unavailable: return QStringLiteral("unavailable");
    case Failure::Internal: return QStringLiteral("internal");
    }
    return {};
}
