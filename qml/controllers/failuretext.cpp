#include "failuretext.h"

#include <QCoreApplication>

using teehee::client::Failure;

QString failureText(const teehee::client::ClientError &error)
{
    switch (error.reason) {
    case Failure::None:
        return {};
    case Failure::NoKey:
        return QCoreApplication::translate("FailureText", "There is no API key for this provider yet. Add one in Settings, then retry.");
    case Failure::KeyRejected:
        return QCoreApplication::translate("FailureText", "The provider refused the API key. Check or replace it in Settings, then retry.");
    case Failure::NoModel:
        return QCoreApplication::translate("FailureText", "No model is chosen for this provider. Pick one in the model menu.");
    case Failure::UnknownProvider:
        return QCoreApplication::translate("FailureText", "This provider is not available. Pick another model.");
    case Failure::ReplyRunning:
        return QCoreApplication::translate("FailureText", "A reply is still being written in this chat. Stop it or wait for it to finish.");
    case Failure::NotContinuable:
        return QCoreApplication::translate("FailureText", "This reply cannot be continued.");
    case Failure::NotFound:
        return QCoreApplication::translate("FailureText", "That is no longer there.");
    case Failure::RateLimited:
        return QCoreApplication::translate("FailureText", "Too many requests right now. Try again in a moment.");
    case Failure::Unauthorized:
        return QCoreApplication::translate("FailureText", "Not allowed.");
    case Failure::Unavailable:
        return QCoreApplication::translate("FailureText", "The chats cannot be reached right now.");
    case Failure::NoVision:
        return QCoreApplication::translate("FailureText", "This model cannot read images. Choose one that can in the model menu, then retry.");
    case Failure::TooLarge:
        return QCoreApplication::translate("FailureText", "That is too large to send.");
    case Failure::UnsupportedType:
        return QCoreApplication::translate("FailureText", "That kind of file cannot be attached. Images (PNG, JPEG, GIF, WebP), PDF and text files can.");
    case Failure::CertificateRejected:
        return QCoreApplication::translate("FailureText", "The server's certificate is not the one you confirmed. Someone may be in between: check the server before you sign in again.");
    case Failure::FileAccess:
        return QCoreApplication::translate("FailureText", "The file could not be read or written. Check where it is and that you may use it.");
    case Failure::Conflict:
        return QCoreApplication::translate("FailureText", "This was answered on another device.");
    case Failure::Invalid:
    case Failure::Internal:
        break;
    }
    return error.detail.isEmpty() ? QCoreApplication::translate("FailureText", "Something went wrong.") : error.detail;
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
    case Failure::CertificateRejected: return QStringLiteral("certificate_rejected");
    case Failure::NoVision: return QStringLiteral("no_vision");
    case Failure::TooLarge: return QStringLiteral("too_large");
    case Failure::FileAccess: return QStringLiteral("file_access");
    case Failure::UnsupportedType: return QStringLiteral("unsupported_type");
    case Failure::Conflict: return QStringLiteral("conflict");
    case Failure::Internal: return QStringLiteral("internal");
    }
    return {};
}
