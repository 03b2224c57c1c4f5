// Two tabs of one account: a chat created in the first appears in the second's chat list live
// (from /events), without a reload, and takes its automatic title there too; with that chat
// open, the second tab watches the first tab's next reply stream in.

import { titleFor, replyFor } from '../lib/replies.mjs';
import { visible, waitUntil, check } from '../lib/check.mjs';
import * as ui from '../lib/ui.mjs';
import { sendAndSeeReplyStart, expectCompleteReply } from './common.mjs';

export default {
    name: 'secondtab',
    title: 'A second tab sees a chat created in the first appear live',
    async run(t) {
        const { page, context } = t;
        const prompt = `Live list check ${t.viewport}`;
        const account = await t.step('create an account with an OpenAI key (API)', () => t.account('tabs'));
        await t.step('sign in in the first tab', () => ui.signIn(page, t.origin, account));

        const other = await t.step('open a second tab of the same account', async () => {
            const p = await context.newPage();
            await p.goto(`${t.origin}/`);
            await ui.waitSignedIn(p);
            await p.evaluate(() => { window.__noReload = 'still the same document'; });
            return p;
        });

        const before = await t.step('the second tab shows its chat list', async () => {
            const nav = await ui.showChats(other);
            return nav.getByRole('link').count();
        });

        await t.step('the first tab starts a new chat and sends a message', async () => {
            await page.bringToFront();
            await ui.newChat(page);
            await sendAndSeeReplyStart(t, prompt);
        });

        await t.step('the second tab lists the new chat without a reload', async () => {
            const nav = ui.chatsNav(other);
            await waitUntil(`${before + 1} links in the second tab's Chats list`, async () => {
                const n = await nav.getByRole('link').count();
                return { ok: n >= before + 1, seen: `${n} links: ${JSON.stringify(await nav.getByRole('link').allInnerTexts())}` };
            });
            await visible(nav.getByRole('link', { name: titleFor(prompt) }), `the link "${titleFor(prompt)}" (the automatic title) in the second tab`);
            const marker = await other.evaluate(() => window.__noReload);
            check(marker === 'still the same document', 'the second tab not to have reloaded', `marker ${marker}`);
        });

        const second = `A reply both tabs watch ${t.viewport} [tokens=60] [pace=40]`;
        await t.step('the second tab opens the chat', async () => {
            await expectCompleteReply(ui.lastArticle(page, 'Assistant'), replyFor(prompt));
            await ui.openChat(other, titleFor(prompt));
            await visible(ui.articles(other, 'Assistant'), 'the first reply in the second tab');
        });

        await t.step('the first tab sends again; the second tab shows the reply streaming, then complete', async () => {
            await page.bringToFront();
            await ui.send(page, second);
            const reply = replyFor(second);
            await waitUntil('the second tab to show the new reply while it streams', async () => {
                const a = ui.lastArticle(other, 'Assistant');
                const text = await ui.text(a);
                const status = await ui.status(a);
                return { ok: text.includes(`${reply.tag}-0`) && status === 'streaming', seen: `data-status=${status}, "${text.slice(-80)}"` };
            }, { interval: 20 });
            await expectCompleteReply(ui.lastArticle(other, 'Assistant'), reply, 'the reply in the second tab');
            const you = await ui.text(ui.lastArticle(other, 'You'));
            check(you.includes(second), 'the second tab to show the new question too', `"${you}"`);
        });
    },
};
