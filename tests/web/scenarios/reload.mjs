// Reload the page while a reply streams: the reply keeps running on the server, and after the
// reload the page shows the whole reply exactly once — no gap, no duplicate, no second request.

import { replyFor } from '../lib/replies.mjs';
import { check } from '../lib/check.mjs';
import * as ui from '../lib/ui.mjs';
import { signedInNewChat, sendAndSeeReplyStart, expectCompleteReply, storedReply } from './common.mjs';

export default {
    name: 'reload',
    title: 'Reload mid-stream: the full reply arrives exactly once',
    async run(t) {
        const { page, fake } = t;
        const prompt = `Reload while streaming ${t.viewport} [slow]`;
        const reply = replyFor(prompt);
        const account = await signedInNewChat(t, 'reload');
        await sendAndSeeReplyStart(t, prompt);
        await t.step('the reply streams a while', () => ui.waitReplyContains(page, `${reply.tag}-015`));

        await t.step('reload the page', async () => {
            await page.reload();
            await ui.waitSignedIn(page);
        });

        await t.step('the same chat is open again and the reply goes on', () =>
            ui.waitReplyContains(page, `${reply.tag}-001`, 'the reply (its first token) in the reloaded page'));

        await t.step('the full reply arrives exactly once', () => expectCompleteReply(ui.lastArticle(page, 'Assistant'), reply));

        await t.step('the provider was asked once and ran to the end', async () => {
            const requests = fake.requestsFor(prompt);
            check(requests.length === 1 && requests[0].status === 'complete', 'one provider request, completed',
                JSON.stringify(requests.map((r) => [r.kind, r.status])));
            const { reply: stored } = await storedReply(account.api, prompt);
            check(stored?.status === 'complete', 'the stored reply complete', stored?.status);
            check(await ui.articles(page, 'Assistant').count() === 1, 'one "Assistant" message on the page', `${await ui.articles(page, 'Assistant').count()}`);
        });
    },
};
