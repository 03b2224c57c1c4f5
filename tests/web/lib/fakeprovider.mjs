// A fake OpenAI-compatible provider: POST /v1/chat/completions streamed in the exact
// chat.completions SSE wire format (provider-protocols.md §2), GET /v1/models.
// Replies come from replies.mjs; every request is logged so that scenarios can ask what the
// server asked for and whether a stream ran to its end or was cancelled by the server.

import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { replyFor, titleFor, CONTINUE_INSTRUCTION_START, TITLE_INSTRUCTION_START } from './replies.mjs';

export const FAKE_MODELS = ['gpt-4o-mini', 'gpt-4o', 'gpt-4.1'];

function textOf(content) {
    if (typeof content === 'string')
        return content;
    if (Array.isArray(content))
        return content.filter((p) => p && p.type === 'text').map((p) => p.text).join('');
    return '';
}

function openAiError(res, status, message, type, code) {
    const body = JSON.stringify({ error: { message, type, param: null, code } }, null, 4);
    res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': `req_${randomBytes(8).toString('hex')}` });
    res.end(body);
}

// Decides what a chat.completions request is: a reply, a continuation of a partial reply, or a title.
function classify(body, variants) {
    const messages = Array.isArray(body.messages) ? body.messages : [];
    const system = messages.find((m) => m.role === 'system');
    if (system && textOf(system.content).startsWith(TITLE_INSTRUCTION_START)) {
        const user = textOf(messages[messages.length - 1]?.content ?? '');
        const question = (user.match(/^User: ([\s\S]*?)\n\nAssistant: /) ?? [null, user])[1];
        return { kind: 'title', prompt: question, text: titleFor(question), tokens: [titleFor(question)], reasoningTokens: [], delayMs: 0 };
    }
    const last = messages[messages.length - 1];
    if (last && last.role === 'user' && textOf(last.content).startsWith(CONTINUE_INSTRUCTION_START)) {
        const partial = textOf(messages[messages.length - 2]?.content ?? '');
        const prompt = textOf([...messages.slice(0, -2)].reverse().find((m) => m.role === 'user')?.content ?? '');
        const count = variants.get(prompt) ?? 1;
        for (let v = count; v >= 1; v--) {
            const full = replyFor(prompt, v);
            for (const p of [partial, partial.trimEnd()]) {
                if (p && full.text.startsWith(p)) {
                    const rest = full.text.slice(p.length);
                    return { kind: 'continue', prompt, variant: v, partial, ...full, tokens: rest.match(/\s*\S+\s*/g) ?? [], reasoningTokens: [] };
                }
            }
        }
        return { kind: 'continue', prompt, variant: 0, partial, tokens: ['(the fake could not match the partial text)'], reasoningTokens: [], delayMs: 0 };
    }
    const prompt = textOf([...messages].reverse().find((m) => m.role === 'user')?.content ?? '');
    const toolPlan = toolStep(body, messages, prompt);
    if (toolPlan)
        return toolPlan;
    const variant = (variants.get(prompt) ?? 0) + 1;
    variants.set(prompt, variant);
    return { kind: 'reply', prompt, variant, ...replyFor(prompt, variant) };
}

// `[tool=NAME text]` in the question: the first request (with tools offered) asks for the tool
// whose offered name ends in `_NAME` with {"text"}; the request carrying its result is answered
// with text that quotes the result.
function toolStep(body, messages, prompt) {
    const m = prompt.match(/\[tool=(\w+) ([^\]]*)\]/);
    if (!m)
        return null;
    const last = messages[messages.length - 1];
    if (last?.role === 'tool') {
        const text = `The tool answered: ${textOf(last.content)}`;
        return { kind: 'tool-answer', prompt, variant: 1, text, tokens: text.match(/\s*\S+\s*/g) ?? [], reasoningTokens: [], delayMs: 0 };
    }
    const tool = (Array.isArray(body.tools) ? body.tools : []).map((x) => x.function?.name ?? '').find((n) => n.endsWith(`_${m[1]}`));
    if (!tool)
        return { kind: 'reply', prompt, variant: 1, text: 'No tool was offered.', tokens: ['No tool was offered.'], reasoningTokens: [], delayMs: 0 };
    return { kind: 'tool-call', prompt, variant: 1, text: '', tokens: [], reasoningTokens: [], delayMs: 0,
        toolCall: { id: `call_${randomBytes(6).toString('hex')}`, name: tool, arguments: JSON.stringify({ text: m[2] }) } };
}

// What a request "used": a quarter of the request's characters as input, one token per piece
// sent as output, and half the input as cached once the conversation has an earlier turn (as a
// provider's prompt cache would). Logged with the request, so scenarios know the exact counts.
function usageFor(body, plan) {
    const messages = Array.isArray(body.messages) ? body.messages : [];
    const chars = messages.reduce((n, m) => n + textOf(m.content).length, 0);
    const input = Math.max(1, Math.ceil(chars / 4));
    const earlierTurn = messages.filter((m) => m.role === 'user').length > 1;
    return { input, output: plan.tokens.length, cached: earlierTurn ? Math.floor(input / 2) : 0 };
}

function openAiUsage(u) {
    const usage = { prompt_tokens: u.input, completion_tokens: u.output, total_tokens: u.input + u.output };
    if (u.cached)
        usage.prompt_tokens_details = { cached_tokens: u.cached };
    return usage;
}

export class FakeProvider {
    constructor({ apiKey }) {
        this.apiKey = apiKey;
        this.log = [];            // one entry per chat.completions request
        this.variants = new Map(); // prompt -> how many replies were asked for it
        this.sockets = new Set();
        this.server = http.createServer((req, res) => this.handle(req, res));
        this.server.on('connection', (s) => { this.sockets.add(s); s.on('close', () => this.sockets.delete(s)); });
    }

    async start() {
        await new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
        this.port = this.server.address().port;
        this.origin = `http://127.0.0.1:${this.port}`;
        return this;
    }

    async stop() {
        for (const s of this.sockets)
            s.destroy();
        await new Promise((resolve) => this.server.close(resolve));
    }

    // Requests for replies (not titles) whose user message was `prompt`.
    requestsFor(prompt) {
        return this.log.filter((r) => r.prompt === prompt && r.kind !== 'title');
    }

    handle(req, res) {
        const url = new URL(req.url, 'http://x');
        if (req.method === 'GET' && url.pathname === '/v1/models') {
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ object: 'list', data: FAKE_MODELS.map((id) => ({ id, object: 'model', created: 1715367049, owned_by: 'system' })) }));
            return;
        }
        if (req.method !== 'POST' || url.pathname !== '/v1/chat/completions') {
            openAiError(res, 404, `Unknown request URL: ${req.method} ${url.pathname}.`, 'invalid_request_error', 'unknown_url');
            return;
        }
        const chunks = [];
        req.on('data', (c) => chunks.push(c));
        req.on('end', () => this.complete(req, res, Buffer.concat(chunks).toString('utf8')));
    }

    complete(req, res, raw) {
        if (req.headers.authorization !== `Bearer ${this.apiKey}`) {
            openAiError(res, 401, 'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.',
                'invalid_request_error', 'invalid_api_key');
            return;
        }
        let body;
        try {
            body = JSON.parse(raw);
        } catch {
            openAiError(res, 400, 'We could not parse the JSON body of your request.', 'invalid_request_error', null);
            return;
        }
        const plan = classify(body, this.variants);
        const entry = { kind: plan.kind, prompt: plan.prompt, variant: plan.variant, model: body.model, body, status: 'streaming', sent: '',
            usage: plan.fail ? null : usageFor(body, plan) };
        this.log.push(entry);
        if (plan.fail) {
            entry.status = 'failed';
            openAiError(res, 400, 'The fake provider refuses this prompt on purpose.', 'invalid_request_error', 'invalid_value');
            return;
        }
        if (body.stream !== true) {
            entry.status = 'complete';
            entry.sent = plan.tokens.join('');
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end(JSON.stringify({
                id: `chatcmpl-${this.log.length}`, object: 'chat.completion', created: 1730000000, model: body.model,
                choices: [{ index: 0, message: { role: 'assistant', content: entry.sent, refusal: null, annotations: [] }, logprobs: null, finish_reason: 'stop' }],
                usage: openAiUsage(entry.usage),
            }));
            return;
        }
        this.stream(res, body, plan, entry);
    }

    stream(res, body, plan, entry) {
        const id = `chatcmpl-${randomBytes(12).toString('hex')}`;
        const created = Math.floor(Date.now() / 1000);
        const includeUsage = body.stream_options?.include_usage === true;
        const chunk = (choices, extra = {}) => {
            const c = { id, object: 'chat.completion.chunk', created, model: body.model, service_tier: 'default', system_fingerprint: 'fp_fake', choices, ...extra };
            if (includeUsage && !('usage' in c))
                c.usage = null;
            return `data: ${JSON.stringify(c)}\n\n`;
        };
        const delta = (d) => chunk([{ index: 0, delta: d, logprobs: null, finish_reason: null }], { obfuscation: randomBytes(3).toString('base64url') });
        const events = [delta({ role: 'assistant', content: '', refusal: null })];
        for (const t of plan.reasoningTokens)
            events.push({ piece: t, event: delta({ reasoning_content: t }) });
        for (const t of plan.tokens)
            events.push({ piece: t, text: true, event: delta({ content: t }) });
        if (plan.toolCall) {
            // OpenAI's shape: the id and name first, then the arguments in pieces.
            const c = plan.toolCall;
            events.push(delta({ tool_calls: [{ index: 0, id: c.id, type: 'function', function: { name: c.name, arguments: '' } }] }));
            for (const piece of c.arguments.match(/.{1,8}/gs) ?? [])
                events.push(delta({ tool_calls: [{ index: 0, function: { arguments: piece } }] }));
        }
        events.push(chunk([{ index: 0, delta: {}, logprobs: null, finish_reason: plan.toolCall ? 'tool_calls' : 'stop' }]));
        if (includeUsage)
            events.push(chunk([], { usage: openAiUsage(entry.usage) }));
        events.push('data: [DONE]\n\n');

        res.writeHead(200, {
            'content-type': 'text/event-stream; charset=utf-8',
            'cache-control': 'no-cache',
            'x-request-id': `req_${randomBytes(8).toString('hex')}`,
            'openai-processing-ms': '42',
            'openai-version': '2020-10-01',
        });
        let i = 0;
        let timer = null;
        res.on('close', () => {
            clearTimeout(timer);
            if (entry.status === 'streaming')
                entry.status = 'closed-by-client';
        });
        const next = () => {
            if (entry.status !== 'streaming')
                return;
            // Reasoning and text tokens are paced; the framing events around them are not.
            do {
                const e = events[i++];
                if (typeof e === 'string') {
                    res.write(e);
                } else {
                    res.write(e.event);
                    if (e.text)
                        entry.sent += e.piece;
                }
            } while (i < events.length && (typeof events[i] === 'string' || plan.delayMs === 0));
            if (i >= events.length) {
                entry.status = 'complete';
                res.end();
                return;
            }
            timer = setTimeout(next, plan.delayMs);
        };
        next();
    }
}
