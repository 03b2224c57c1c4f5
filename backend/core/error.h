#pragma once

#include <QString>
#include <utility>
#include <variant>

namespace teehee {

// What went wrong, in categories that every front end maps to its own form
// (an HTTP status, a WebSocket error event, a message in the QML app).
enum class ErrorCode {
    InvalidInput,     // the caller sent something malformed (422/400)
    NotFound,         // missing, or not the caller's (404)
    Conflict,         // state does not allow it (409)
    Unauthorized,     // bad credentials or token (401)
    Forbidden,        // not allowed by configuration (403)
    TooLarge,         // over a configured limit (413)
    UnsupportedType,  // a kind of content not accepted here (415)
    RateLimited,      // too many attempts (429)
    Unavailable,      // a dependency is down (503)
    Database,         // the database refused or failed
    Internal,         // a bug or an unexpected state
};

// Which rule refused, where a front end words it itself (the desktop in the
// person's language, the API with the request field it names). The message
// stays the English detail for logs and API clients.
enum class ErrorReason {
    Unspecified,
    ForeignParent,      // the parent message is not in this chat
    NoProvider,         // no provider chosen, and the chat has none
    UnknownProvider,
    NoModel,
    NoKey,              // no API key for the provider (the user's or the server's)
    EmptyContent,
    NotAnAnswer,        // continue/regenerate of a message that is not a reply
    MessageDeleted,
    AlreadyComplete,
    ReplyRunning,       // a reply is already streaming in the chat
    InvalidOption,      // a model option out of range
    KeyRejected,        // the provider refused the API key (a reply's failure)
    ProviderBusy,       // the provider answered 429 (a reply's failure)
    DeviceSignedOut,    // the token's device was revoked (signed out) or lapsed
    PairingCodeInvalid, // a pairing code that is wrong, used or expired (one answer for all three)
    PairingClosed,      // a pairing request no longer pending (approved, denied or expired)
    NoVision,           // the model takes no images, and the context holds one
};

// "no_key", "no_model", ...: the reason as clients read it from a saved message.
QString errorReasonName(ErrorReason reason);
ErrorReason errorReasonFromName(const QString &name);

struct Error {
    ErrorCode code = ErrorCode::Internal;
    QString message;  // for a person; never contains a secret
    ErrorReason reason = ErrorReason::Unspecified;

    Error withReason(ErrorReason r) const & { Error e = *this; e.reason = r; return e; }
    bool is(ErrorReason r) const { return reason == r; }

    static Error invalid(QString m) { return {ErrorCode::InvalidInput, std::move(m)}; }
    static Error notFound(QString m) { return {ErrorCode::NotFound, std::move(m)}; }
    static Error conflict(QString m) { return {ErrorCode::Conflict, std::move(m)}; }
    static Error database(QString m) { return {ErrorCode::Database, std::move(m)}; }
    static Error internal(QString m) { return {ErrorCode::Internal, std::move(m)}; }
};

// A value or an Error. Small on purpose: C++20 has no std::expected.
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_data(std::move(value)) {}
    Result(Error error) : m_data(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<T>(m_data); }
    const T &value() const & { return std::get<T>(m_data); }
    T &&value() && { return std::get<T>(std::move(m_data)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const Error &error() const { return std::get<Error>(m_data); }

private:
    std::variant<T, Error> m_data;
};

struct Ok {};

// Result<void> equivalent.
using Status = Result<Ok>;
inline Status success() { return Ok{}; }

} // namespace teehee
