// The per-chat model picker ("Model") and the system prompt ("System prompt") reach the
// provider: the fake sees the chosen model and the system prompt first in the request.

import { visible, check, waitUntil } from '../lib/check.mjs';
import * as ui from '../lib/ui.mjs';
import { signedInNewChat, sendAndSeeReplyStart, expectCompleteReply, expectedReply } from './common.mjs';

const SYSTEM_PROMPT = 'You are a careful assistant who answers briefly.';

export default {
    name: 'modelprompt',
    title: '"Model" picks the model and "System prompt" sets the prompt the provider receives',
    async run(t) {
        const { page, fake } = t;
        const prompt = `Which model answers ${t.viewport}`;
        await signedInNewChat(t, 'model');

        await t.step('choose "gpt-4o" with the "Model" button', async () => {
            await (await visible(ui.button(page, 'Model'), 'the "Model" button')).click();
            const dialog = await visible(page.getByRole('dialog'), 'the model picker dialog');
            const option = await visible(dialog.getByRole('button', { name: /^gpt-4o(\s|$)/ }), 'the model "gpt-4o" in the picker');
            await option.click();
            await waitUntil('the model picker to close and the "Model" button to name gpt-4o', async () => {
                const open = await page.getByRole('dialog').filter({ visible: true }).count();
                const chip = await ui.button(page, 'Model').innerText().catch(() => '');
                return { ok: open === 0 && /gpt-4o(?!-)/.test(chip), seen: `${open} dialog(s) open, "Model" button reads "${chip.trim()}"` };
            });
        });

        await t.step('set the chat\'s "System prompt"', async () => {
            await (await visible(ui.button(page, 'System prompt'), 'the "System prompt" button')).click();
            const dialog = await visible(page.getByRole('dialog'), 'the system prompt dialog');
            await (await visible(dialog.getByRole('textbox'), 'the system prompt field')).fill(SYSTEM_PROMPT);
            await (await visible(dialog.getByRole('button', { name: 'Save', exact: true }), 'the dialog\'s "Save" button')).click();
            await waitUntil('the dialog to close', async () => ({ ok: !(await page.getByRole('dialog').filter({ visible: true }).count()), seen: 'still open' }));
        });

        const article = await sendAndSeeReplyStart(t, prompt);
        await t.step('the reply completes', () => expectCompleteReply(article, expectedReply(fake, prompt)));

        await t.step('the provider got the chosen model and the system prompt first', () => {
            const request = fake.requestsFor(prompt).find((r) => r.kind === 'reply');
            check(request.model === 'gpt-4o', 'the provider request for model "gpt-4o"', request.model);
            const first = request.body.messages[0];
            check(first?.role === 'system' && first.content === SYSTEM_PROMPT, `the system prompt "${SYSTEM_PROMPT}" as the first message`, JSON.stringify(first));
        });
    },
};
