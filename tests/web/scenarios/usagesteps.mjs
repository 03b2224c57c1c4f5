// Usage and cost as the page shows them, checked against the fake provider's token counts and
// the test price table (lib/prices.mjs): a reply's tooltip (hover with a mouse, tap on a phone),
// the chat's line in the header, the composer's context meter and the Usage page.

import { check, visible, waitUntil, Failure } from '../lib/check.mjs';
import * as ui from '../lib/ui.mjs';
import { costOf } from '../lib/prices.mjs';

const tokens = (n) => n.toLocaleString('en-US');

// "$1,234.56" or "$0.0052" → the number; null when the text holds no dollar amount.
function dollars(text) {
    const m = /\$([\d,]*\.?\d+)/.exec(text);
    return m ? Number(m[1].replace(/,/g, '')) : null;
}

// A shown amount is the expected one, rounded as shown (cents, or two significant digits below a cent).
function checkCost(text, expected, what) {
    const shown = dollars(text);
    const slack = expected < 0.01 ? expected * 0.05 : 0.005;
    check(shown !== null && Math.abs(shown - expected) <= slack + 1e-9, `${what}: $${expected.toFixed(6)} as shown (±${slack.toFixed(4)})`, text);
}

// The replies the fake streamed for these prompts, with what each used and must cost.
export function fakeUsage(fake, prompts, provider = 'openai') {
    const replies = fake.log.filter((r) => r.kind === 'reply' && prompts.includes(r.prompt) && r.status === 'complete');
    if (!replies.length)
        throw new Failure(`the fake provider to have answered ${JSON.stringify(prompts)}`, JSON.stringify(fake.log.map((r) => [r.kind, r.prompt, r.status])));
    return replies.map((r) => ({ ...r.usage, model: r.model, cost: costOf(provider, r.model, r.usage) }));
}

export function sum(list) {
    return list.reduce((s, u) => ({ input: s.input + u.input, output: s.output + u.output, cost: s.cost + u.cost, replies: s.replies + 1 }),
        { input: 0, output: 0, cost: 0, replies: 0 });
}

// Hover with a mouse, tap with a finger: then the anchor's tooltip (aria-describedby) shows.
async function tooltipOf(t, anchor, what) {
    await visible(anchor, what);
    if (t.isPhone)
        await anchor.tap();
    else
        await anchor.hover();
    const id = await anchor.getAttribute('aria-describedby');
    const tip = t.page.locator(`[id="${id}"]`);
    await waitUntil(`the tooltip of ${what} to show`, async () => ({ ok: await tip.isVisible(), seen: 'hidden' }));
    return (await tip.innerText()).trim();
}

async function dismiss(t) {
    await t.page.keyboard.press('Escape');
}

export async function expectReplyUsage(t, article, u) {
    const text = await tooltipOf(t, article.getByRole('button', { name: 'Usage and cost of this reply', exact: true }), 'the reply\'s "Usage and cost of this reply"');
    const words = u.cached
        ? `Tokens: ${tokens(u.input)} in (${tokens(u.cached)} cached), ${tokens(u.output)} out`
        : `Tokens: ${tokens(u.input)} in, ${tokens(u.output)} out`;
    check(text.includes(words), `the reply's tooltip to say "${words}"`, text);
    checkCost(text, u.cost, 'the reply\'s cost');
    await dismiss(t);
}

// The header's line: the chat's tokens and cost, as GET /usage?group_by=chat has them too.
export async function expectChatUsage(t, api, chatId, total) {
    const line = await visible(t.page.getByRole('note', { name: 'Usage of this chat', exact: true }), 'the chat\'s usage line in the header');
    await waitUntil('the header to show the chat\'s total', async () => {
        const text = await line.innerText();
        return { ok: text.includes(`${tokens(total.input + total.output)} tokens`), seen: text };
    });
    const text = await line.innerText();
    checkCost(text, total.cost, 'the chat\'s cost in the header');
    const server = await api.get('/usage?group_by=chat');
    const group = server.groups.find((g) => g.key === chatId);
    check(group && group.input_tokens === total.input && group.output_tokens === total.output && Math.abs(group.cost_usd - total.cost) < 1e-9,
        `GET /usage?group_by=chat to hold the chat with ${total.input} in, ${total.output} out, $${total.cost}`, JSON.stringify(group));
}

export async function expectMeter(t, used, contextTokens) {
    const text = await tooltipOf(t, ui.button(t.page, 'Context window'), 'the composer\'s "Context window" meter');
    const words = `${tokens(used)} of ${tokens(contextTokens)} tokens`;
    check(text === words, `the meter's tooltip "${words}"`, text);
    await dismiss(t);
}

// From the side bar on a wide screen, from Settings on a phone.
export async function openUsagePage(t) {
    const { page } = t;
    const direct = ui.button(page, 'Usage and cost');
    if (!(await direct.isVisible())) {
        await (await visible(ui.button(page, 'Settings'), 'the "Settings" button')).click();
    }
    await (await visible(ui.button(page, 'Usage and cost'), 'the "Usage and cost" button')).click();
    await visible(page.getByRole('heading', { name: 'Usage and cost', level: 2 }), 'the Usage page');
}

export async function expectUsageEmpty(t) {
    await openUsagePage(t);
    await visible(t.page.getByText('No usage in this period.', { exact: true }), 'the Usage page\'s empty state');
}

export async function expectUsagePage(t, total, model) {
    const { page } = t;
    await openUsagePage(t);
    const totals = await visible(page.getByLabel('Totals', { exact: true }), 'the Usage page\'s totals');
    const text = (await totals.innerText()).replace(/\s+/g, ' ');
    for (const [label, n] of [['Input tokens', total.input], ['Output tokens', total.output]])
        check(text.includes(`${label} ${tokens(n)}`), `"${label} ${tokens(n)}" in the totals`, text);
    checkCost(text, total.cost, 'the total cost');

    const row = page.getByRole('table', { name: 'Per model' }).getByRole('row', { name: new RegExp(`^${model} `) });
    const cells = (await (await visible(row, `the "${model}" row of the "Per model" table`)).getByRole('cell').allInnerTexts()).map((s) => s.trim());
    check(cells[0] === String(total.replies) && cells[1] === tokens(total.input) && cells[2] === tokens(total.output),
        `the ${model} row: ${total.replies} replies, ${tokens(total.input)} in, ${tokens(total.output)} out`, cells.join(' | '));
    checkCost(cells[3], total.cost, `the ${model} row's cost`);

    const days = page.getByRole('figure', { name: 'Tokens per day' }).getByRole('listitem');
    const week = await days.allTextContents();
    check(week.length === 7, 'seven days (the last 7 days) in the chart', `${week.length}`);
    check(week[6].includes(`${tokens(total.input + total.output)} tokens`), `today's bar with ${tokens(total.input + total.output)} tokens`, week[6]);
    await page.getByRole('radio', { name: 'Last 30 days' }).check();
    await waitUntil('thirty days in the chart', async () => {
        const n = await days.count();
        return { ok: n === 30, seen: `${n}` };
    });
}
