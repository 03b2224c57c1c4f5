// The per-chat model picker ("Model") and the system prompt ("System prompt") reach the
// provider: the fake sees the chosen model and the system prompt first in the request.
// Then usage and cost (priced replies of gpt-4o): the Usage page empty before, a reply's
// tokens and cost on hover or tap, the chat's total in the header, the context meter, and the
// Usage page's totals, per model and per day after two replies.

import { visible, check, waitUntil } from '../lib/check.mjs';
import * as ui from '../lib/ui.mjs';
import { signedInNewChat, sendAndSeeReplyStart, expectCompleteReply, expectedReply } from './common.mjs';
import { fakeUsage, sum, expectUsageEmpty, expectReplyUsage, expectChatUsage, expectMeter, expectUsagePage } from './usagesteps.mjs';

const SYSTEM_PROMPT = 'You are a careful assistant who answers briefly.';

export default {
    name: 'modelprompt',
    title: '"Model" picks the model and "System prompt" sets the prompt the provider receives; usage and cost shown',
    async run(t) {
        const { page, fake } = t;
        const prompt = `Which model answers ${t.viewport}`;
        const account = await signedInNewChat(t, 'model');
        await t.step('the Usage page says there is no usage yet', () => expectUsageEmpty(t));
        await t.step('back to a new chat', () => ui.newChat(page));

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

        // A long follow-up: thousands of input tokens (separators), half of them cached, as the fake
        // reports for a conversation with an earlier turn.
        const more = `Tell me more ${t.viewport}: ${'the quick brown fox jumps over the lazy dog '.repeat(120)}`.trim();
        const second = await sendAndSeeReplyStart(t, more);
        await t.step('the second reply completes', () => expectCompleteReply(second, expectedReply(fake, more)));
        const usage = await t.step('the fake reported usage of two priced replies', () => {
            const list = fakeUsage(fake, [prompt, more]);
            check(list.length === 2 && list.every((u) => u.cost !== null) && list[1].cached > 0,
                'two replies of gpt-4o, the second with cached input', JSON.stringify(list));
            return list;
        });
        const total = sum(usage);
        await t.step('the reply\'s tokens and cost show on hover or tap', () => expectReplyUsage(t, second, usage[1]));
        await t.step('the chat header shows the chat\'s tokens and cost', () => {
            const chatId = new URL(page.url()).hash.match(/chats\/([0-9a-f-]{36})/)?.[1];
            return expectChatUsage(t, account.api, chatId, total);
        });
        await t.step('the context meter shows the last reply\'s tokens of gpt-4o\'s window', async () => {
            const model = (await account.api.get('/models')).find((m) => m.provider === 'openai' && m.name === 'gpt-4o');
            check(model?.context_tokens > 0, 'GET /models to give gpt-4o\'s context_tokens', JSON.stringify(model));
            await expectMeter(t, usage[1].input + usage[1].output, model.context_tokens);
        });
        await t.step('the Usage page shows the totals per model and per day', () => expectUsagePage(t, total, 'gpt-4o'));
    },
};
