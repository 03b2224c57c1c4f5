// Seeds chats for the web bench through the API: a chat of N messages (one POST /import of a
// teehee.chat.v1 document when the server has it, else one POST per message on a kept-alive
// connection), and a small chat to start from.

import { randomUUID } from 'node:crypto';

export const LAST_MESSAGE_MARKER = 'end-of-the-long-chat-7f3a';

function assistantText(i) {
    const parts = [`Answer number ${i}. Here is **some** text with \`inline code\` and a [link](https://example.invalid/${i}).`,
        '', '- first point', '- second point', ''];
    if (i % 5 === 0)
        parts.push('```js', `const value${i} = compute(${i});`, 'console.log(value' + i + ');', '```', '');
    parts.push('A closing paragraph that is long enough to wrap over a couple of lines on a phone screen, like a real answer would.');
    return parts.join('\n');
}

function texts(count) {
    const out = [];
    for (let i = 1; i <= count; i++) {
        const role = i % 2 === 1 ? 'user' : 'assistant';
        let text = role === 'user' ? `Question number ${i}: how does this work?` : assistantText(i);
        if (i === count)
            text += `\n\n${LAST_MESSAGE_MARKER}`;
        out.push({ role, text });
    }
    return out;
}

async function tryImport(api, name, items) {
    const now = Date.now();
    let parent = null;
    const messages = items.map((m, i) => {
        const id = randomUUID();
        const msg = { id, parent_message_id: parent, role: m.role, content: { text: m.text }, status: 'complete',
            timestamp: new Date(now - (items.length - i) * 1000).toISOString(), is_partial: false };
        parent = id;
        return msg;
    });
    const doc = { format: 'teehee.chat.v1', chat: { id: randomUUID(), name, created_at: new Date(now - 86400000).toISOString() },
        messages, current_path: messages.map((m) => m.id) };
    try {
        const r = await api.post('/import', doc);
        return r.chat_ids?.[0] ?? null;
    } catch (e) {
        if (/answered (404|405)/.test(e.message))
            return null;
        if (/answered 4\d\d/.test(e.message)) {
            console.error(`bench: POST /import refused the seed (${e.message.slice(0, 160)}); posting messages one by one`);
            return null;
        }
        throw e;
    }
}

// A chat of `count` messages (user and assistant turns alternating): { id, how }.
export async function seedLongChat(api, count, name = `Long chat (${count} messages)`) {
    const items = texts(count);
    const imported = await tryImport(api, name, items);
    if (imported)
        return { id: imported, how: 'one POST /import' };
    const chat = await api.post('/chats', { name });
    for (const m of items)
        await api.post(`/chats/${chat.id}/messages`, { role: m.role, content: m.text });
    return { id: chat.id, how: `${count} POST /chats/{id}/messages` };
}

export async function seedSmallChat(api, name = 'Small chat') {
    const chat = await api.post('/chats', { name });
    await api.post(`/chats/${chat.id}/messages`, { role: 'user', content: 'Hello' });
    await api.post(`/chats/${chat.id}/messages`, { role: 'assistant', content: 'Hello! How can I help?' });
    return chat.id;
}

// A chat whose reply has Markdown with code: opening it loads the Markdown part of the client.
export async function seedMarkdownChat(api) {
    const chat = await api.post('/chats', { name: 'Markdown chat' });
    await api.post(`/chats/${chat.id}/messages`, { role: 'user', content: 'Show code' });
    await api.post(`/chats/${chat.id}/messages`, { role: 'assistant', content: assistantText(10) });
    return chat.id;
}
