// Send a message and watch the reply stream in: Stop while it runs, the exact text at the end,
// "Reply finished" announced once, the reasoning folded under "Thinking", the chat listed with
// its automatic title.

import { replyFor, titleFor } from '../lib/replies.mjs';
import { visible, hidden, waitUntil, check, normalize } from '../lib/check.mjs';
import * as ui from '../lib/ui.mjs';
import { signedInNewChat, sendAndSeeReplyStart, expectCompleteReply } from './common.mjs';

export default {
    name: 'stream',
    title: 'Send and stream: Stop while streaming, exact text, "Reply finished", Thinking, title',
    async run(t) {
        const { page } = t;
        const prompt = `Hello streaming ${t.viewport} [think] [tokens=60] [pace=40]`;
        const reply = replyFor(prompt);
        await signedInNewChat(t, 'stream');
        const article = await sendAndSeeReplyStart(t, prompt);

        await t.step('while the reply streams: data-status "streaming" and a "Stop" button', async () => {
            await waitUntil('the reply to be streaming with some text', async () => {
                const s = await ui.status(article);
                const text = await ui.text(article);
                return { ok: s === 'streaming' && text.includes(`${reply.tag}-00`), seen: `data-status=${s}, text "${text.slice(-80)}"` };
            }, { interval: 20 });
            await visible(ui.button(page, 'Stop'), 'the "Stop" button while the reply streams');
        });

        await t.step('the reply completes with exactly the text the provider sent', () => expectCompleteReply(article, reply));

        await t.step('after the reply: "Stop" gone, "Send" back', async () => {
            await hidden(ui.button(page, 'Stop'), 'the "Stop" button');
            await visible(ui.button(page, 'Send'), 'the "Send" button');
        });

        await t.step('"Reply finished" announced once through a live region', async () => {
            await waitUntil('"Reply finished" in a polite live region', async () => {
                const log = await page.evaluate(() => window.__liveLog);
                return { ok: log.some((x) => x.includes('Reply finished')), seen: `announcements: ${JSON.stringify(log.slice(-5))}` };
            });
            await page.waitForTimeout(500);
            const log = await page.evaluate(() => window.__liveLog);
            const n = log.filter((x) => x.includes('Reply finished')).length;
            check(n === 1, '"Reply finished" announced exactly once', `${n} times: ${JSON.stringify(log)}`);
            const polite = await page.locator('[aria-live="polite"], [role="status"]').filter({ hasText: 'Reply finished' }).count();
            const assertive = await page.locator('[aria-live="assertive"], [role="alert"]').filter({ hasText: 'Reply finished' }).count();
            check(assertive === 0 && polite <= 1, 'the announcement in a polite region (not assertive)', `${polite} polite, ${assertive} assertive regions hold it`);
        });

        await t.step('the reasoning is folded under a "Thinking" disclosure', async () => {
            const details = article.locator('details').filter({ has: page.locator('summary', { hasText: /^\s*Thinking/ }) });
            await visible(details, 'a <details> whose summary is "Thinking" in the reply');
            check(!(await details.first().evaluate((d) => d.open)), 'the "Thinking" disclosure closed once the reply is complete', 'open');
            const visibleText = await ui.text(article);
            check(!visibleText.includes(normalize(reply.reasoning)), 'the reasoning hidden while folded', 'the reasoning text is on screen');
            await details.first().locator('summary').click();
            await waitUntil('the reasoning text after opening "Thinking"', async () => {
                const inner = normalize(await details.first().innerText());
                return { ok: inner.includes(normalize(reply.reasoning)), seen: `"${inner.slice(0, 160)}"` };
            });
        });

        await t.step('the chat is listed with its automatic title', async () => {
            await ui.waitInList(page, titleFor(prompt), `a link "${titleFor(prompt)}" (the automatic title) in the Chats list`);
        });
    },
};
