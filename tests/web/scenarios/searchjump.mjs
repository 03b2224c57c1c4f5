// Message search in the "Search chats" box: hits under "In messages" with their snippet as
// plain text; choosing one opens the chat at that message — far up a long chat, or on a branch
// that is not the active one (which then becomes the active one, on the server too).

import { visible, check, waitUntil } from '../lib/check.mjs';
import * as ui from '../lib/ui.mjs';

export default {
    name: 'search',
    title: 'Message search: snippets as text; a hit opens its chat at the message, on its branch',
    async run(t) {
        const { page } = t;
        const seeded = await t.step('create an account with a long chat holding two branches (API)', async () => {
            const a = await t.account('search');
            const api = a.api;
            const chat = await api.post('/chats', { name: 'Long story' });
            const say = (role, content, parent) => api.post(`/chats/${chat.id}/messages`,
                parent === undefined ? { role, content } : { role, content, parent_message_id: parent });
            const q = await say('user', 'Tell me a story');
            const r = await say('assistant', 'Once upon a time.');
            const old = await say('user', 'Add a kumquat to the story', r.id);
            await say('assistant', 'The kumquat rolled away.');
            // A sibling of the kumquat question: its branch becomes the active one.
            await say('user', 'Add a dragon instead', r.id);
            await say('assistant', 'The dragon made marmalade.');
            for (let i = 0; i < 40; i++)
                await say(i % 2 ? 'assistant' : 'user', `Chapter ${i}: nothing much happens here.`);
            await say('user', 'Remember <img src=x onerror="window.__pwned=1"> zanzibar');
            await api.post('/chats', { name: 'Another chat' });
            return { a, chat, old, first: q };
        });
        await t.step('sign in', () => ui.signIn(page, t.origin, seeded.a));

        const hitFor = async (words, needle) => {
            await ui.showChats(page);
            const search = await visible(page.getByRole('searchbox', { name: 'Search chats' }), 'the "Search chats" searchbox');
            await search.fill(words);
            const link = page.getByRole('link', { name: new RegExp(`Long story.*${needle}`) }).filter({ visible: true }).first();
            return visible(link, `a message hit reading "${needle}" when searching "${words}"`);
        };
        const shownInView = async (needle) => {
            const article = page.getByRole('article').filter({ hasText: needle }).first();
            await visible(article, `the message "${needle}" on the page`);
            await waitUntil(`the message "${needle}" scrolled into view and marked`, async () => {
                const box = await article.evaluate((el) => {
                    const r = el.getBoundingClientRect();
                    return { top: r.top, bottom: r.bottom, height: innerHeight, found: el.dataset.found === 'true' };
                });
                return { ok: box.found && box.bottom > 0 && box.top < box.height, seen: JSON.stringify(box) };
            });
        };

        await t.step('the snippet is plain text: markup in a message stays text', async () => {
            const link = await hitFor('zanzibar', 'zanzibar');
            const text = await link.innerText();
            check(text.includes('<img src=x'), 'the snippet to show the markup as text', `"${text}"`);
            check(await link.locator('img').count() === 0, 'no element made from the message', 'an <img> in the hit');
            check(!(await page.evaluate(() => window.__pwned)), 'no script from the message to run', 'window.__pwned set');
        });

        await t.step('a hit far up the chat opens the chat there', async () => {
            const link = await hitFor('marmal', 'marmalade');
            await link.click();
            await waitUntil('the chat "Long story" open', async () => ({
                ok: decodeURIComponent(page.url()).includes(`#/chats/${seeded.chat.id}`), seen: page.url(),
            }));
            await shownInView('The dragon made marmalade.');
        });

        await t.step('a hit on another branch switches to that branch', async () => {
            await ui.showChats(page);
            await page.getByRole('searchbox', { name: 'Search chats' }).fill('');
            await ui.openChat(page, 'Another chat');
            const link = await hitFor('kumquat', 'Add a kumquat');
            await link.click();
            await shownInView('Add a kumquat to the story');
            check(await page.getByRole('article').filter({ hasText: 'Add a dragon instead' }).count() === 0,
                'the other branch no longer shown', 'the dragon question still on the page');
            await ui.waitSwitcher(page.getByRole('article').filter({ hasText: 'Add a kumquat to the story' }).first(), 1, 2, 'the question');
            await waitUntil('the kumquat branch active on the server', async () => {
                const detail = await seeded.a.api.get(`/chats/${seeded.chat.id}`);
                return { ok: detail.current_path.includes(seeded.old.id), seen: JSON.stringify(detail.current_path.slice(0, 4)) };
            });
        });
    },
};
