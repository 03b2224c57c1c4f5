// Regenerate a reply: a second version streams in, the reply shows "2 / 2", and the
// Previous/Next version buttons switch between the two texts.

import { replyFor } from '../lib/replies.mjs';
import { waitUntil } from '../lib/check.mjs';
import * as ui from '../lib/ui.mjs';
import { signedInNewChat, sendAndSeeReplyStart, expectCompleteReply } from './common.mjs';
import { clickVersion } from './editbranch.mjs';

export default {
    name: 'regenerate',
    title: 'Regenerate adds a version "2 / 2"; Previous/Next version switch the text',
    async run(t) {
        const { page } = t;
        const prompt = `Question for regeneration ${t.viewport}`;
        const v1 = replyFor(prompt, 1);
        const v2 = replyFor(prompt, 2);
        await signedInNewChat(t, 'regen');
        await sendAndSeeReplyStart(t, prompt);
        const reply = () => ui.lastArticle(page, 'Assistant');
        await t.step('the first version completes', () => expectCompleteReply(reply(), v1));

        await t.step('"Regenerate" the reply', () => ui.messageAction(page, reply(), 'Regenerate', t.isPhone));

        await t.step('a second version streams in and completes', async () => {
            await waitUntil('the reply to show the second version\'s text', async () => {
                const text = await ui.text(reply());
                return { ok: text.includes(`${v2.tag}-001`), seen: `"${text.slice(0, 100)}"` };
            });
            await expectCompleteReply(reply(), v2, 'the second version');
        });

        await t.step('the reply shows "2 / 2"', () => ui.waitSwitcher(reply(), 2, 2, 'the reply'));

        await t.step('"Previous version" shows the first text', async () => {
            await clickVersion(t, reply(), 'Previous version');
            await ui.waitSwitcher(reply(), 1, 2, 'the reply');
            await expectCompleteReply(reply(), v1, 'the first version');
        });

        await t.step('"Next version" shows the second text', async () => {
            await clickVersion(t, reply(), 'Next version');
            await ui.waitSwitcher(reply(), 2, 2, 'the reply');
            await expectCompleteReply(reply(), v2, 'the second version');
        });
    },
};
