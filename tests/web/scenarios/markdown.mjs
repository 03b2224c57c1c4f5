// Assistant Markdown rendered as web.md says: heading, list, table, a code block with a
// language label, syntax colours and a Copy button that copies the code, links that open in a
// new tab with rel=noopener.

import { CODE_SNIPPET } from '../lib/replies.mjs';
import { visible, waitUntil, check } from '../lib/check.mjs';
import * as ui from '../lib/ui.mjs';
import { signedInNewChat, sendAndSeeReplyStart, expectCompleteReply, expectedReply } from './common.mjs';

export default {
    name: 'markdown',
    title: 'Markdown: heading, list, table, code block (label, colours, Copy), safe links',
    async run(t) {
        const { page } = t;
        const prompt = `Show me code ${t.viewport} [code]`;
        await signedInNewChat(t, 'markdown');
        const article = await sendAndSeeReplyStart(t, prompt);
        await t.step('the reply completes', () => expectCompleteReply(article, expectedReply(t.fake, prompt)));

        await t.step('heading, list and table are rendered', async () => {
            await visible(article.getByRole('heading', { name: 'Greeting' }), 'the heading "Greeting"');
            await visible(article.getByRole('listitem').filter({ hasText: 'It takes a name.' }), 'the list item "It takes a name."');
            await visible(article.getByRole('table'), 'a table');
        });

        const code = article.locator('pre code, pre').filter({ hasText: 'def greet' }).first();
        await t.step('the code block shows the code with a language label', async () => {
            await visible(code, 'a code block holding "def greet"');
            await visible(article.getByText('python', { exact: true }), 'the language label "python"');
        });

        await t.step('the code has syntax colours', async () => {
            const colours = await code.evaluate((el) => {
                const set = new Set();
                for (const n of el.querySelectorAll('*'))
                    set.add(getComputedStyle(n).color);
                set.add(getComputedStyle(el).color);
                return [...set];
            });
            check(colours.length >= 3, 'at least three text colours in the code block (keywords, strings, plain)', `${colours.length}: ${colours.join(', ')}`);
        });

        await t.step('a "Copy" button copies the code', async () => {
            // The message's own "Copy" and the code block's ("Copy" or "Copy code").
            const copies = article.getByRole('button', { name: /^Copy( code)?$/ });
            const n = await copies.count();
            check(n >= 1, 'a "Copy" button in the reply', 'none');
            const seen = [];
            for (let i = 0; i < n; i++) {
                if (!t.isPhone)
                    await article.hover();
                if (!(await copies.nth(i).isVisible()))
                    continue;
                await page.evaluate(() => navigator.clipboard.writeText(''));
                await copies.nth(i).click();
                const copied = await waitUntil('something on the clipboard', async () => {
                    const c = await page.evaluate(() => navigator.clipboard.readText());
                    return { ok: c.length > 0, seen: 'empty' };
                }, { timeout: 5000 }).then(async () => page.evaluate(() => navigator.clipboard.readText()), () => '');
                seen.push(copied);
                if (copied.trim() === CODE_SNIPPET.trim())
                    return;
            }
            check(false, `a "Copy" button that copies exactly the code:\n${CODE_SNIPPET}`, JSON.stringify(seen).slice(0, 400));
        });

        await t.step('links open in a new tab with rel "noopener"', async () => {
            const link = await visible(article.getByRole('link', { name: 'the docs' }), 'the link "the docs"');
            const attrs = await link.evaluate((a) => ({ href: a.getAttribute('href'), target: a.target, rel: a.rel }));
            check(attrs.href === 'https://example.invalid/docs', 'the link to keep its address', attrs.href);
            check(attrs.target === '_blank', 'target "_blank"', attrs.target);
            check(/\bnoopener\b/.test(attrs.rel), 'rel containing "noopener"', attrs.rel);
        });
    },
};
