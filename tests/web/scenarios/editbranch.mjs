// Edit a sent message and "Save & submit": a new branch with its own reply; the switcher on
// the message shows "2 / 2", and Previous version / Next version bring back each branch's text.

import { replyFor } from '../lib/replies.mjs';
import { visible, waitUntil, check } from '../lib/check.mjs';
import * as ui from '../lib/ui.mjs';
import { signedInNewChat, sendAndSeeReplyStart, expectCompleteReply } from './common.mjs';

export default {
    name: 'edit',
    title: 'Edit → "Save & submit" makes a branch; "2 / 2"; Previous/Next version switch the text',
    async run(t) {
        const { page } = t;
        const first = `First question about cats ${t.viewport}`;
        const second = `Second question about dogs ${t.viewport}`;
        await signedInNewChat(t, 'edit');
        await sendAndSeeReplyStart(t, first);
        await t.step('the first reply completes', () => expectCompleteReply(ui.lastArticle(page, 'Assistant'), replyFor(first)));

        await t.step('"Edit" the question', () => ui.messageAction(page, ui.lastArticle(page, 'You'), 'Edit', t.isPhone));

        await t.step('change it in "Edit message" and "Save & submit"', async () => {
            const box = await visible(page.getByRole('textbox', { name: 'Edit message', exact: true }), 'the "Edit message" field');
            const current = await box.inputValue();
            check(current.includes(first), 'the "Edit message" field to start with the message\'s text', `"${current}"`);
            await box.fill(second);
            await (await visible(ui.button(page, 'Save & submit'), 'the "Save & submit" button')).click();
        });

        await t.step('the edited question and its own reply show', async () => {
            await waitUntil(`the last "You" message to read "${second}"`, async () => {
                const text = await ui.text(ui.lastArticle(page, 'You'));
                return { ok: text.includes(second), seen: `"${text}"` };
            });
            await expectCompleteReply(ui.lastArticle(page, 'Assistant'), replyFor(second), 'the reply to the edited question');
        });

        const you = () => ui.lastArticle(page, 'You');
        await t.step('the question shows "2 / 2"', () => waitSwitch(t, you(), 2, 2));

        await t.step('"Previous version": the first question and its reply come back', async () => {
            await clickVersion(t, you(), 'Previous version');
            await waitSwitch(t, you(), 1, 2);
            await expectBranch(page, first, replyFor(first));
        });

        await t.step('"Next version": the edited question and its reply come back', async () => {
            await clickVersion(t, you(), 'Next version');
            await waitSwitch(t, you(), 2, 2);
            await expectBranch(page, second, replyFor(second));
        });
    },
};

function waitSwitch(t, article, index, count) {
    return ui.waitSwitcher(article, index, count, 'the question');
}

export async function clickVersion(t, article, name) {
    const b = ui.button(article, name);
    if (!t.isPhone)
        await article.hover();
    await (await visible(b, `the "${name}" button of the message`)).click();
}

export async function expectBranch(page, question, reply) {
    await waitUntil(`the question "${question}" with its reply (tokens "${reply.tag}-…")`, async () => {
        const q = await ui.text(ui.lastArticle(page, 'You'));
        const a = await ui.text(ui.lastArticle(page, 'Assistant'));
        return {
            ok: q.includes(question) && a.includes(`${reply.tag}-001`) && a.includes(`${reply.tag}-${String(reply.tokens.length).padStart(3, '0')}`),
            seen: `question "${q.slice(0, 80)}", reply "${a.slice(0, 80)}"`,
        };
    });
}
