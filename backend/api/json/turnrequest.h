#pragma once

#include "chat/chatoptions.h"
#include "chat/chattypes.h"
#include "core/error.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <optional>

class QUrlQuery;

namespace teehee {

struct GenerationOptions;

// What a body asks for. The same request arrives over four transports (POST
// /chats/{id}/messages, POST /chats/{id}/stream, POST /stream/{id}/continue,
// and the WebSocket's stream_message / continue_stream / regenerate); they
// all read it here, so a field means the same everywhere.
enum class TurnKind {
    AddMessage,  // a message of any role, no reply (POST /chats/{id}/messages)
    Send,        // a user message and the reply to it (stream_message, /stream)
    Continue,    // extend a partial or empty assistant message
    Regenerate,  // another answer beside an assistant message
};

// One decoded turn: plain values, no transport type in it.
struct TurnRequest {
    TurnKind kind = TurnKind::Send;
    QString role = QStringLiteral("user");  // AddMessage: as sent; Send: always "user"
    QString text;                           // AddMessage and Send
    QStringList attachments;                // AddMessage and Send: ids of the user's uploads
    // parent_message_id absent: the active branch; null: a new root; else that message.
    MessageParent parent;
    QString messageId;                      // Continue and Regenerate: the assistant message, lower-case
    // Empty: the chat's own (see GenerationManager).
    QString provider;
    QString model;
    QString keyId;                          // a custom endpoint by key id or label
    ChatOptions options;                    // for this reply only, over the chat's
    // Tools offered to the model: none, every enabled one (empty), or these "server/tool" names.
    std::optional<QStringList> tools;

    // The engine's view of provider, model, key and options.
    GenerationOptions generationOptions() const;
};

// What decodeTurn() refused: why, which field, and a sentence for a person.
struct TurnRequestError {
    enum class Reason { Missing, WrongType, Empty, NotUuid, BadOption };
    Reason reason = Reason::WrongType;
    QString field;
    QString message;

    // InvalidInput: 422 over HTTP, an `error` event over WebSocket.
    Error toError() const { return Error::invalid(message); }
};

struct DecodedTurn {
    std::optional<TurnRequest> request;
    TurnRequestError error;

    explicit operator bool() const { return request.has_value(); }
    const TurnRequest &value() const { return *request; }
    const TurnRequest *operator->() const { return &*request; }
};

// Decodes a turn's JSON body. `messageId`: the message a Continue or
// Regenerate acts on when the transport names it elsewhere (the URL path);
// empty: the body's `message_id`, which is then required.
DecodedTurn decodeTurn(TurnKind kind, const QJsonObject &body, const QString &messageId = {});

// `content` as clients send it: a string, or an object with a string `text`.
Result<QString> decodeContent(const QJsonValue &content);

// ?compact=1 (or true): token events without the cumulative text, on SSE and WebSocket alike.
bool wantsCompactTokens(const QUrlQuery &query);

} // namespace teehee
