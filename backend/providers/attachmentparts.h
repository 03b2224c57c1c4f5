#pragma once

#include "providers/chatrequest.h"

#include <QJsonArray>
#include <QJsonValue>

namespace teehee {

// A user message with its attachments, in each provider's own form. A
// message without attachments stays a plain string everywhere.
namespace attachmentparts {

enum class ImageForm {
    OpenAi,   // {"type":"image_url","image_url":{"url":"data:…"}}
    Mistral,  // {"type":"image_url","image_url":"data:…"}
};

// Chat Completions `content`: the text, then one part per attachment.
// PDFs, which these APIs take no inline file of, become a text part saying
// that their text could not be read.
QJsonValue chatCompletionsContent(const ChatMessage &message, ImageForm form);

// Anthropic Messages `content`: image and document blocks (base64 sources),
// text files as text blocks, then the message's text.
QJsonValue anthropicContent(const ChatMessage &message);

// The text block of a text file, naming it.
QString textFileBlock(const ChatAttachment &attachment);
// What a provider is told of an attachment deleted since it was sent.
QString removedNote(const ChatAttachment &attachment);
// What a provider without PDF input is told of a PDF.
QString unreadablePdfNote(const ChatAttachment &attachment);

} // namespace attachmentparts
} // namespace teehee
