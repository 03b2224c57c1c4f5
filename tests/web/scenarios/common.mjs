// Steps several scenarios share: a signed-in user in a new chat, a sent message, a reply
// checked against the exact text the fake provider streamed.

import { replyFor } from '../lib/replies.mjs';
import { Failure, waitUntil, visible, tokenProblems, normalize } from '../lib/check.mjs';
import * as ui from '../lib/ui.mjs';

// A fresh account, signed in through the page, in a new chat.
export async function signedInNewChat(t, label) {
    const account = await t.step('create an account with an OpenAI key (API)', () => t.account(label));
    await t.step('sign in', () => ui.signIn(t.page, t.origin, account));
    await t.step('start a new chat', () => ui.newChat(t.page));
    return account;
}

// Sends `prompt` and waits for the user's message and the reply's article to appear.
export async function sendAndSeeReplyStart(t, prompt) {
    await t.step(`send "${prompt}"`, () => ui.send(t.page, prompt));
    await t.step('the message shows as "You"', () => waitUntil(`a "You" message with the text "${prompt}"`, async () => {
        const you = ui.lastArticle(t.page, 'You');
        const text = (await you.count()) ? await ui.text(you) : null;
        return { ok: text !== null && text.includes(normalize(prompt)), seen: text === null ? 'no "You" article' : `"${text}"` };
    }));
    await t.step('a reply appears as "Assistant"', () => visible(ui.articles(t.page, 'Assistant'), 'an "Assistant" article'));
    return ui.lastArticle(t.page, 'Assistant');
}

// The reply the fake sent for the latest request about `prompt`.
export function expectedReply(fake, prompt) {
    const requests = fake.requestsFor(prompt).filter((r) => r.kind === 'reply');
    if (!requests.length)
        throw new Failure(`the fake provider to have been asked about "${prompt}"`, `requests: ${JSON.stringify(fake.log.map((r) => [r.kind, r.prompt]))}`);
    return replyFor(prompt, requests[requests.length - 1].variant);
}

// Waits until the article is complete and holds every numbered token of `reply` exactly once.
export async function expectCompleteReply(article, reply, what = 'the reply') {
    await ui.waitStatus(article, 'complete', what);
    if (!reply.numbered)
        return;
    const count = reply.tokens.length;
    await waitUntil(`${what} to hold the fake's full text exactly once (${count} tokens "${reply.tag}-001…")`, async () => {
        const text = await ui.text(article);
        const problem = tokenProblems(text, reply.tag, count);
        return { ok: problem === null, seen: problem ?? 'fine' };
    }, { timeout: 5000 });
}

// The assistant message the server stored last, through the API.
export async function storedReply(api, prompt) {
    const chats = await api.chats();
    for (const chat of chats) {
        const full = await api.chat(chat.id);
        const question = full.messages.find((m) => m.role === 'user' && m.content?.text === prompt);
        if (question) {
            const replies = full.messages.filter((m) => m.parent_message_id === question.id && m.role === 'assistant');
            return { chat: full, question, reply: replies[replies.length - 1] ?? null };
        }
    }
    return { chat: null, question: null, reply: null };
}

// Seeds a finished conversation through the API (fast: no streaming).
export async function seedChat(api, name, turns) {
    const chat = await api.post('/chats', { name });
    for (const [role, text] of turns)
        await api.post(`/chats/${chat.id}/messages`, { role, content: text });
    return chat;
}
