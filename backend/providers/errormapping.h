#pragma once

#include "providers/providererror.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QPair>

namespace teehee {

// What a provider's answer is about, for wording the error.
struct ErrorContext {
    QString providerName; // display name: "OpenAI", "Anthropic", "Mistral", "Ollama (http://...)"
    QString model;        // may be empty (model lists)
    QString apiKey;       // only to redact it from provider text; never printed
};

using RawHeaders = QList<QPair<QByteArray, QByteArray>>;

// Retry-After in milliseconds from `retry-after-ms`, `retry-after` (seconds or
// an HTTP date), or -1. `now` is injectable for tests.
int retryAfterMsFromHeaders(const RawHeaders &headers, const QDateTime &now = QDateTime::currentDateTimeUtc());

// An HTTP error answer (status >= 400) turned into a typed, human error.
// Understands the error bodies of OpenAI, Anthropic, Mistral, vLLM, Ollama.
ProviderError errorFromHttpResponse(const ErrorContext &ctx, int status, const RawHeaders &headers,
                                    const QByteArray &body);

// A 3xx answer: never followed (it would carry the key elsewhere), never quoted.
ProviderError redirectError(const QString &providerName, int status);

// The provider's own words as a user may see them: one line, no control
// characters, at most kMaxProviderMessage characters, secrets redacted.
constexpr qsizetype kMaxProviderMessage = 200;
QString sanitizedProviderMessage(const QString &text, const QString &apiKey = {});

// An error object delivered inside a 200 stream (Anthropic `event: error`,
// OpenAI/OpenRouter `data: {"error":{...}}`).
ProviderError errorFromStreamPayload(const ErrorContext &ctx, const QJsonObject &payload);

// Seconds for a person: "20 s", "2 min".
QString humanDelay(int ms);

} // namespace teehee
