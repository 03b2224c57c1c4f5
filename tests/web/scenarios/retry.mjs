// A provider error: the reply ends "failed" with the error in plain words and a "Retry" button;
// Retry asks again and the reply completes.

import { replyFor } from '../lib/replies.mjs';
import { visible, waitUntil, check } from '../lib/check.mjs';
import * as ui from '../lib/ui.mjs';
import { signedInNewChat, sendAndSeeReplyStart, expectCompleteReply } from './common.mjs';

export default {
    name: 'retry',
    title: 'A provider error shows in words with Retry; Retry completes the reply',
    async run(t) {
        const { page, fake } = t;
        const prompt = `This fails once ${t.viewport} [fail-once]`;
        await signedInNewChat(t, 'retry');
        await sendAndSeeReplyStart(t, prompt);
        const reply = () => ui.lastArticle(page, 'Assistant');

        await t.step('the reply ends "failed" with the error in words', async () => {
            await ui.waitStatus(reply(), 'failed');
            await waitUntil('the provider\'s error message in the reply', async () => {
                const text = await ui.text(reply());
                return { ok: /refuses this prompt/i.test(text), seen: `"${text.slice(0, 200)}"` };
            });
            const text = await ui.text(reply());
            check(!/\{\s*"|stack|undefined|\[object/i.test(text), 'plain words (no JSON, no "undefined")', `"${text.slice(0, 200)}"`);
        });

        await t.step('"Retry" appears and is clicked', async () => {
            const retry = ui.button(reply(), 'Retry').or(ui.button(page, 'Retry'));
            await (await visible(retry, 'the "Retry" button')).click();
        });

        await t.step('the retried reply completes', async () => {
            await expectCompleteReply(reply(), replyFor(prompt, 2), 'the retried reply');
            check(fake.requestsFor(prompt).length === 2, 'two provider requests (the failed one and the retry)', `${fake.requestsFor(prompt).length}`);
        });
    },
};
