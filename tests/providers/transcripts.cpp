// Recorded response bodies of each provider, kept byte for byte as they came
// off the wire (ids and signatures shortened). Each one is paired with what a
// stream must make of it, whatever the read boundaries.
#include "transcripts.h"

namespace teehee::test {

namespace {

using End = ProviderStream::End;

// OpenAI Chat Completions, gpt-4o-mini, stream_options.include_usage.
const char kOpenAi[] =
    R"(data: {"id":"chatcmpl-BDmx9Kq3","object":"chat.completion.chunk","created":1742471207,"model":"gpt-4o-mini-2024-07-18","service_tier":"default","system_fingerprint":"fp_b8bc95a0ac","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null,"obfuscation":"v2B"})"
    "\n\n"
    R"(data: {"id":"chatcmpl-BDmx9Kq3","object":"chat.completion.chunk","created":1742471207,"model":"gpt-4o-mini-2024-07-18","service_tier":"default","system_fingerprint":"fp_b8bc95a0ac","choices":[{"index":0,"delta":{"content":"Bonjour"},"logprobs":null,"finish_reason":null}],"usage":null,"obfuscation":"kP"})"
    "\n\n"
    "data: {\"id\":\"chatcmpl-BDmx9Kq3\",\"object\":\"chat.completion.chunk\",\"created\":1742471207,\"model\":\"gpt-4o-mini-2024-07-18\",\"service_tier\":\"default\",\"system_fingerprint\":\"fp_b8bc95a0ac\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" \xE2\x80\x94 caf\xC3\xA9\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null,\"obfuscation\":\"Zq1\"}"
    "\n\n"
    "data: {\"id\":\"chatcmpl-BDmx9Kq3\",\"object\":\"chat.completion.chunk\",\"created\":1742471207,\"model\":\"gpt-4o-mini-2024-07-18\",\"service_tier\":\"default\",\"system_fingerprint\":\"fp_b8bc95a0ac\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" \xF0\x9F\x98\x80\\u0021\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null,\"obfuscation\":\"h\"}"
    "\n\n"
    R"(data: {"id":"chatcmpl-BDmx9Kq3","object":"chat.completion.chunk","created":1742471207,"model":"gpt-4o-mini-2024-07-18","service_tier":"default","system_fingerprint":"fp_b8bc95a0ac","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"usage":null,"obfuscation":"T0pj"})"
    "\n\n"
    R"(data: {"id":"chatcmpl-BDmx9Kq3","object":"chat.completion.chunk","created":1742471207,"model":"gpt-4o-mini-2024-07-18","service_tier":"default","system_fingerprint":"fp_b8bc95a0ac","choices":[],"usage":{"prompt_tokens":19,"completion_tokens":7,"total_tokens":26,"prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},"obfuscation":"Wc"})"
    "\n\n"
    "data: [DONE]\n\n";

// OpenAI: a server error inside a 200 stream after some text.
const char kOpenAiError[] =
    R"(data: {"id":"chatcmpl-BDn0","object":"chat.completion.chunk","created":1742471300,"model":"gpt-4o-2024-08-06","system_fingerprint":"fp_a7d06e42a7","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}]})"
    "\n\n"
    R"(data: {"id":"chatcmpl-BDn0","object":"chat.completion.chunk","created":1742471300,"model":"gpt-4o-2024-08-06","system_fingerprint":"fp_a7d06e42a7","choices":[{"index":0,"delta":{"content":"Half an"},"logprobs":null,"finish_reason":null}]})"
    "\n\n"
    R"(data: {"id":"chatcmpl-BDn0","object":"chat.completion.chunk","created":1742471300,"model":"gpt-4o-2024-08-06","system_fingerprint":"fp_a7d06e42a7","choices":[{"index":0,"delta":{"content":" answer"},"logprobs":null,"finish_reason":null}]})"
    "\n\n"
    R"(data: {"error":{"message":"The server had an error while processing your request. Sorry about that!","type":"server_error","param":null,"code":null}})"
    "\n\n";

// Mistral: usage inside the chunk that carries finish_reason, then [DONE].
const char kMistral[] =
    R"(data: {"id":"e5cc70bb28c444948073e77776eb30ef","object":"chat.completion.chunk","created":1742471400,"model":"mistral-small-latest","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]})"
    "\n\n"
    R"(data: {"id":"e5cc70bb28c444948073e77776eb30ef","object":"chat.completion.chunk","created":1742471400,"model":"mistral-small-latest","choices":[{"index":0,"delta":{"content":"Le chat"},"finish_reason":null}]})"
    "\n\n"
    "data: {\"id\":\"e5cc70bb28c444948073e77776eb30ef\",\"object\":\"chat.completion.chunk\",\"created\":1742471400,\"model\":\"mistral-small-latest\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" est noir \xF0\x9F\x90\x88\xE2\x80\x8D\xE2\xAC\x9B.\"},\"finish_reason\":null}]}"
    "\n\n"
    R"(data: {"id":"e5cc70bb28c444948073e77776eb30ef","object":"chat.completion.chunk","created":1742471400,"model":"mistral-small-latest","choices":[{"index":0,"delta":{"content":""},"finish_reason":"stop"}],"usage":{"prompt_tokens":10,"total_tokens":22,"completion_tokens":12}})"
    "\n\n"
    "data: [DONE]\n\n";

// OpenRouter (OpenAI-compatible) behind a proxy that writes CR LF: comment
// keep-alives before the first chunk, reasoning deltas, usage on the last chunk.
const char kOpenRouterCrlf[] =
    ": OPENROUTER PROCESSING\r\n\r\n"
    ": OPENROUTER PROCESSING\r\n\r\n"
    R"(data: {"id":"gen-1742471500-abc","provider":"DeepInfra","model":"deepseek/deepseek-r1","object":"chat.completion.chunk","created":1742471500,"choices":[{"index":0,"delta":{"role":"assistant","content":"","reasoning":"Six times"},"finish_reason":null,"native_finish_reason":null,"logprobs":null}]})"
    "\r\n\r\n"
    R"(data: {"id":"gen-1742471500-abc","provider":"DeepInfra","model":"deepseek/deepseek-r1","object":"chat.completion.chunk","created":1742471500,"choices":[{"index":0,"delta":{"role":"assistant","content":"","reasoning":" seven."},"finish_reason":null,"native_finish_reason":null,"logprobs":null}]})"
    "\r\n\r\n"
    ": keep-alive\r\n"
    R"(data: {"id":"gen-1742471500-abc","provider":"DeepInfra","model":"deepseek/deepseek-r1","object":"chat.completion.chunk","created":1742471500,"choices":[{"index":0,"delta":{"role":"assistant","content":"42","reasoning":null},"finish_reason":null,"native_finish_reason":null,"logprobs":null}]})"
    "\r\n\r\n"
    R"(data: {"id":"gen-1742471500-abc","provider":"DeepInfra","model":"deepseek/deepseek-r1","object":"chat.completion.chunk","created":1742471500,"choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":"stop","native_finish_reason":"stop","logprobs":null}],"usage":{"prompt_tokens":12,"completion_tokens":30,"total_tokens":42}})"
    "\r\n\r\n"
    "data: [DONE]\r\n\r\n";

// Anthropic Messages with extended thinking: ping, thinking + signature
// deltas, then a text block; usage from message_start and message_delta.
const char kAnthropicThinking[] =
    "event: message_start\n"
    R"(data: {"type":"message_start","message":{"id":"msg_01PaQ2","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":40,"cache_creation_input_tokens":0,"cache_read_input_tokens":2,"cache_creation":{"ephemeral_5m_input_tokens":0,"ephemeral_1h_input_tokens":0},"output_tokens":1,"service_tier":"standard"}}})"
    "\n\n"
    "event: content_block_start\n"
    R"(data: {"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":"","signature":""}})"
    "\n\n"
    "event: ping\n"
    R"(data: {"type": "ping"})"
    "\n\n"
    "event: content_block_delta\n"
    "data: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"Let me check: 27 \xC3\x97 453\"}}"
    "\n\n"
    "event: content_block_delta\n"
    R"(data: {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":" = 12231."}})"
    "\n\n"
    "event: content_block_delta\n"
    R"(data: {"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds3n"}})"
    "\n\n"
    "event: content_block_stop\n"
    R"(data: {"type":"content_block_stop","index":0})"
    "\n\n"
    "event: content_block_start\n"
    R"(data: {"type":"content_block_start","index":1,"content_block":{"type":"text","text":""}})"
    "\n\n"
    "event: content_block_delta\n"
    "data: {\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"text_delta\",\"text\":\"Voil\xC3\xA0 : 12\xE2\x80\xAF\x32\x33\x31\"}}"
    "\n\n"
    "event: ping\n"
    R"(data: {"type": "ping"})"
    "\n\n"
    "event: content_block_delta\n"
    "data: {\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"text_delta\",\"text\":\" \xE2\x9C\x93 na\xC3\xAFve r\xC3\xA9sum\xC3\xA9\\n\"}}"
    "\n\n"
    "event: content_block_stop\n"
    R"(data: {"type":"content_block_stop","index":1})"
    "\n\n"
    "event: message_delta\n"
    R"(data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":96}})"
    "\n\n"
    "event: message_stop\n"
    R"(data: {"type":"message_stop"})"
    "\n\n";

// DeepSeek reasoner (OpenAI-compatible), in the shape its API documents:
// `reasoning_content` with `content: null` first, keep-alive comments, then
// the answer with `reasoning_content: null`, usage in a `choices: []` chunk.
const char kDeepSeekReasoning[] =
    R"(data: {"id":"b2f5c1e0-7d1a-4c8e","object":"chat.completion.chunk","created":1742471600,"model":"deepseek-reasoner","system_fingerprint":"fp_7e73fd9a08_prod0225","choices":[{"index":0,"delta":{"role":"assistant","content":null,"reasoning_content":""},"logprobs":null,"finish_reason":null}]})"
    "\n\n"
    "data: {\"id\":\"b2f5c1e0-7d1a-4c8e\",\"object\":\"chat.completion.chunk\",\"created\":1742471600,\"model\":\"deepseek-reasoner\",\"system_fingerprint\":\"fp_7e73fd9a08_prod0225\",\"choices\":[{\"index\":0,\"delta\":{\"content\":null,\"reasoning_content\":\"9.11 vs 9.8 \xE2\x80\x94 compare\"},\"logprobs\":null,\"finish_reason\":null}]}"
    "\n\n"
    ": keep-alive\n\n"
    "data: {\"id\":\"b2f5c1e0-7d1a-4c8e\",\"object\":\"chat.completion.chunk\",\"created\":1742471600,\"model\":\"deepseek-reasoner\",\"system_fingerprint\":\"fp_7e73fd9a08_prod0225\",\"choices\":[{\"index\":0,\"delta\":{\"content\":null,\"reasoning_content\":\" tenths: 8 > 1 \xF0\x9F\xA4\x94\"},\"logprobs\":null,\"finish_reason\":null}]}"
    "\n\n"
    R"(data: {"id":"b2f5c1e0-7d1a-4c8e","object":"chat.completion.chunk","created":1742471600,"model":"deepseek-reasoner","system_fingerprint":"fp_7e73fd9a08_prod0225","choices":[{"index":0,"delta":{"content":"9.8 is larger.","reasoning_content":null},"logprobs":null,"finish_reason":null}]})"
    "\n\n"
    R"(data: {"id":"b2f5c1e0-7d1a-4c8e","object":"chat.completion.chunk","created":1742471600,"model":"deepseek-reasoner","system_fingerprint":"fp_7e73fd9a08_prod0225","choices":[{"index":0,"delta":{"content":"","reasoning_content":null},"logprobs":null,"finish_reason":"stop"}]})"
    "\n\n"
    R"(data: {"id":"b2f5c1e0-7d1a-4c8e","object":"chat.completion.chunk","created":1742471600,"model":"deepseek-reasoner","system_fingerprint":"fp_7e73fd9a08_prod0225","choices":[],"usage":{"prompt_tokens":14,"completion_tokens":61,"total_tokens":75,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":52},"prompt_cache_hit_tokens":0,"prompt_cache_miss_tokens":14}})"
    "\n\n"
    "data: [DONE]\n\n";

// Anthropic with a redacted_thinking block (encrypted: nothing to show)
// before a thinking block, then the text.
const char kAnthropicRedacted[] =
    "event: message_start\n"
    R"(data: {"type":"message_start","message":{"id":"msg_01RdT5","type":"message","role":"assistant","model":"claude-3-7-sonnet-20250219","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":30,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":1}}})"
    "\n\n"
    "event: content_block_start\n"
    R"(data: {"type":"content_block_start","index":0,"content_block":{"type":"redacted_thinking","data":"EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIwxtE3rAFBa8cr3qpP"}})"
    "\n\n"
    "event: content_block_stop\n"
    R"(data: {"type":"content_block_stop","index":0})"
    "\n\n"
    "event: content_block_start\n"
    R"(data: {"type":"content_block_start","index":1,"content_block":{"type":"thinking","thinking":"","signature":""}})"
    "\n\n"
    "event: content_block_delta\n"
    R"(data: {"type":"content_block_delta","index":1,"delta":{"type":"thinking_delta","thinking":"Short answer."}})"
    "\n\n"
    "event: content_block_delta\n"
    R"(data: {"type":"content_block_delta","index":1,"delta":{"type":"signature_delta","signature":"EqQBCgIYAhIMRdT5"}})"
    "\n\n"
    "event: content_block_stop\n"
    R"(data: {"type":"content_block_stop","index":1})"
    "\n\n"
    "event: content_block_start\n"
    R"(data: {"type":"content_block_start","index":2,"content_block":{"type":"text","text":""}})"
    "\n\n"
    "event: content_block_delta\n"
    R"(data: {"type":"content_block_delta","index":2,"delta":{"type":"text_delta","text":"Yes."}})"
    "\n\n"
    "event: content_block_stop\n"
    R"(data: {"type":"content_block_stop","index":2})"
    "\n\n"
    "event: message_delta\n"
    R"(data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":40}})"
    "\n\n"
    "event: message_stop\n"
    R"(data: {"type":"message_stop"})"
    "\n\n";

// Anthropic: `event: error` inside a 200 stream after some text.
const char kAnthropicError[] =
    "event: message_start\n"
    R"(data: {"type":"message_start","message":{"id":"msg_01Xy","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":25,"output_tokens":1}}})"
    "\n\n"
    "event: content_block_start\n"
    R"(data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}})"
    "\n\n"
    "event: ping\n"
    R"(data: {"type": "ping"})"
    "\n\n"
    "event: content_block_delta\n"
    R"(data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Partial answer"}})"
    "\n\n"
    "event: error\n"
    R"(data: {"type":"error","error":{"details":null,"type":"overloaded_error","message":"Overloaded"},"request_id":"req_011CSHoEeqs5C35K2UUqR7Fy"})"
    "\n\n";

ReplayOutcome outcome(const QString &text, const QString &reasoning, int in, int out, const QString &finish, End end,
                      ProviderError::Kind kind = ProviderError::None)
{
    ReplayOutcome o;
    o.text = text;
    o.reasoning = reasoning;
    o.inputTokens = in;
    o.outputTokens = out;
    o.finishReason = finish;
    o.end = end;
    o.errorKind = kind;
    return o;
}

} // namespace

QList<Transcript> recordedTranscripts()
{
    const QString stop = QStringLiteral("stop");
    return {
        {"openai", Wire::OpenAi, QByteArray(kOpenAi),
         outcome(QStringLiteral("Bonjour \u2014 caf\u00E9 \U0001F600!"), {}, 19, 7, stop, End::Completed)},
        {"openai-error-event", Wire::OpenAi, QByteArray(kOpenAiError),
         outcome(QStringLiteral("Half an answer"), {}, -1, -1, {}, End::Failed, ProviderError::ServerError)},
        {"mistral", Wire::Mistral, QByteArray(kMistral),
         outcome(QStringLiteral("Le chat est noir \U0001F408\u200D\u2B1B."), {}, 10, 12, stop, End::Completed)},
        {"openrouter-crlf", Wire::Compatible, QByteArray(kOpenRouterCrlf),
         outcome(QStringLiteral("42"), QStringLiteral("Six times seven."), 12, 30, stop, End::Completed)},
        {"anthropic-thinking", Wire::Anthropic, QByteArray(kAnthropicThinking),
         outcome(QStringLiteral("Voil\u00E0 : 12\u202F231 \u2713 na\u00EFve r\u00E9sum\u00E9\n"),
                 QStringLiteral("Let me check: 27 \u00D7 453 = 12231."), 42, 96, stop, End::Completed)},
        {"deepseek-reasoning-content", Wire::Compatible, QByteArray(kDeepSeekReasoning),
         outcome(QStringLiteral("9.8 is larger."), QStringLiteral("9.11 vs 9.8 \u2014 compare tenths: 8 > 1 \U0001F914"), 14, 61,
                 stop, End::Completed)},
        {"anthropic-redacted-thinking", Wire::Anthropic, QByteArray(kAnthropicRedacted),
         outcome(QStringLiteral("Yes."), QStringLiteral("Short answer."), 30, 40, stop, End::Completed)},
        {"anthropic-error-event", Wire::Anthropic, QByteArray(kAnthropicError),
         outcome(QStringLiteral("Partial answer"), {}, -1, -1, {}, End::Failed, ProviderError::Overloaded)},
    };
}

} // namespace teehee::test
