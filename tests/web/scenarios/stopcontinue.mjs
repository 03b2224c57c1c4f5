// Stop a reply mid-stream: it ends "aborted" with the text so far and "Continue" appears; the
// server cancelled the provider request. Continue: the reply goes on and ends complete, its text
// exactly the provider's full text, nothing repeated.

import { replyFor } from '../lib/replies.mjs';
import { visible, waitUntil, check, tokenProblems } from '../lib/check.mjs';
import * as ui from '../lib/ui.mjs';
import { signedInNewChat, sendAndSeeReplyStart, expectCompleteReply, storedReply } from './common.mjs';

export default {
    name: 'stop',
    title: 'Stop ends the reply aborted with Continue; Continue completes it without duplication',
    async run(t) {
        const { page, fake } = t;
        const prompt = `Tell a long story ${t.viewport} [slow]`;
        const reply = replyFor(prompt);
        const account = await signedInNewChat(t, 'stop');
        const article = await sendAndSeeReplyStart(t, prompt);

        await t.step('the reply streams a while', () => ui.waitReplyContains(page, `${reply.tag}-020`));

        await t.step('click "Stop"', async () => {
            await (await visible(ui.button(page, 'Stop'), 'the "Stop" button')).click();
        });

        let shown;
        await t.step('the reply ends "aborted", keeping the text so far', async () => {
            await ui.waitStatus(article, 'aborted');
            shown = await ui.text(article);
            const last = Math.max(...[...shown.matchAll(new RegExp(`${reply.tag}-(\\d{3})`, 'g'))].map((m) => Number(m[1])));
            check(last >= 20 && last < reply.tokens.length, `a partial reply (between 20 and ${reply.tokens.length - 1} tokens)`, `${last} tokens`);
            const problem = tokenProblems(shown, reply.tag, last);
            check(!problem, 'the partial text without gaps or repeats', problem);
        });

        await t.step('"Continue" appears', () => visible(ui.button(page, 'Continue'), 'the "Continue" button'));

        await t.step('the server cancelled the provider request and stored the reply as aborted', async () => {
            await waitUntil('the fake provider\'s stream to have been closed by the server', async () => {
                const r = fake.requestsFor(prompt)[0];
                return { ok: r?.status === 'closed-by-client', seen: `status ${r?.status}` };
            });
            const { reply: stored } = await storedReply(account.api, prompt);
            check(stored?.status === 'aborted', 'the stored reply to have status "aborted"', stored?.status);
        });

        await t.step('click "Continue"', async () => {
            await ui.button(page, 'Continue').last().click();
        });

        await t.step('the reply completes with the full text, nothing repeated', () => expectCompleteReply(article, reply));

        await t.step('the provider was asked to continue, not to start over', async () => {
            const kinds = fake.requestsFor(prompt).map((r) => r.kind);
            check(kinds.join(',') === 'reply,continue', 'one reply request, then one continue request', kinds.join(','));
            const { reply: stored } = await storedReply(account.api, prompt);
            check(stored?.status === 'complete' && stored.content.text === reply.text, 'the stored reply complete with the full text',
                `status ${stored?.status}, ${stored?.content?.text?.length} characters of ${reply.text.length}`);
        });
    },
};
