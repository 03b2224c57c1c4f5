#include "core/error.h"

#include <array>
#include <utility>

namespace teehee {
namespace {
constexpr std::array<std::pair<ErrorReason, const char *>, 17> kNames{{
    {ErrorReason::ForeignParent, "foreign_parent"},
    {ErrorReason::NoProvider, "no_provider"},
    {ErrorReason::UnknownProvider, "unknown_provider"},
    {ErrorReason::NoModel, "no_model"},
    {ErrorReason::NoKey, "no_key"},
    {ErrorReason::EmptyContent, "empty_content"},
    {ErrorReason::NotAnAnswer, "not_an_answer"},
    {ErrorReason::MessageDeleted, "message_deleted"},
    {ErrorReason::AlreadyComplete, "already_complete"},
    {ErrorReason::ReplyRunning, "reply_running"},
    {ErrorReason::InvalidOption, "invalid_option"},
    {ErrorReason::KeyRejected, "key_rejected"},
    {ErrorReason::ProviderBusy, "rate_limited"},
    {ErrorReason::DeviceSignedOut, "device_signed_out"},
    {ErrorReason::PairingCodeInvalid, "pairing_code_invalid"},
    {ErrorReason::PairingClosed, "pairing_closed"},
    {ErrorReason::NoVision, "no_vision"},
}};
} // namespace

QString errorReasonName(ErrorReason reason)
{
    for (const auto &[r, name] : kNames)
        if (r == reason)
            return QString::fromLatin1(name);
    return {};
}

ErrorReason errorReasonFromName(const QString &name)
{
    for (const auto &[r, n] : kNames)
        if (name == QLatin1String(n))
            return r;
    return ErrorReason::Unspecified;
}

} // namespace teehee
