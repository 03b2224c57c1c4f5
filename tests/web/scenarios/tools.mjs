// Tools from an MCP server: a stdio server (the fake, tests/mcp) added through the API, the
// composer's "Tools" switch on, the fake provider asks for its echo tool. The approval sheet
// shows on this page and on a second one of the same account; "Allow once" here closes both,
// the reply shows the call's block (arguments and result as text, never markup) and the final
// answer that quotes the result.

import { Failure, visible, hidden, waitUntil, check } from '../lib/check.mjs';
import * as ui from '../lib/ui.mjs';
import { signedInNewChat } from './common.mjs';

// What the echo tool gets: markup that must stay text everywhere.
const ECHOED = 'hello & <i>world</i>';

export const approvalSheet = (page) => page.getByRole('dialog', { name: 'Allow this tool?', exact: true });

// Adds the fake MCP server to the account and waits until it runs and lists echo.
export async function addFakeToolServer(api, binary) {
    if (!binary)
        throw new Failure('the fake MCP server binary (--mcp-server)', 'none given');
    const server = await api.post('/tools/servers', { name: 'fake', transport: 'stdio', command: binary, args: [] });
    await waitUntil('the tool server "fake" to run with its echo tool', async () => {
        const list = await api.get('/tools/servers');
        const s = list.find((x) => x.id === server.id);
        return { ok: s?.status === 'running' && s.tools.some((x) => x.name === 'echo'), seen: JSON.stringify(s ?? list).slice(0, 200) };
    });
    return server;
}

export async function turnToolsOn(page) {
    const toggle = await visible(ui.button(page, 'Tools'), 'the composer\'s "Tools" switch');
    if ((await toggle.getAttribute('aria-pressed')) !== 'true')
        await toggle.click();
    await waitUntil('"Tools" to be on', async () => {
        const pressed = await toggle.getAttribute('aria-pressed');
        return { ok: pressed === 'true', seen: `aria-pressed=${pressed}` };
    });
}

export const TOOL_PROMPT = (suffix) => `Use the echo tool ${suffix} [tool=echo ${ECHOED}]`;

export default {
    name: 'tools',
    title: 'A tool call asks for approval on every device; Allow once runs it and the answer quotes it',
    async run(t) {
        const { page, context } = t;
        const account = await signedInNewChat(t, 'tools');
        await t.step('add the fake MCP server over stdio (API)', () => addFakeToolServer(account.api, t.mcpServer));

        const other = await t.step('open a second page of the same account', async () => {
            const p = await context.newPage();
            await p.goto(`${t.origin}/`);
            await ui.waitSignedIn(p);
            return p;
        });

        const prompt = TOOL_PROMPT(t.viewport);
        await t.step('turn "Tools" on and send', async () => {
            await page.bringToFront();
            await turnToolsOn(page);
            await ui.send(page, prompt);
        });

        for (const [p, where] of [[page, 'this page'], [other, 'the second page']]) {
            await t.step(`the approval sheet shows the tool, its server and its arguments on ${where}`, async () => {
                const sheet = await visible(approvalSheet(p), `the "Allow this tool?" sheet on ${where}`);
                const text = await sheet.innerText();
                check(text.includes('echo') && text.includes('fake'), 'the sheet to name the tool "echo" and the server "fake"', text);
                const args = await sheet.locator('pre').textContent();
                check(JSON.parse(args).text === ECHOED, `the arguments as text, ${JSON.stringify({ text: ECHOED })}`, args);
                check(await sheet.locator('i').count() === 0, 'no markup from the arguments in the sheet', await sheet.innerHTML());
                for (const name of ['Allow once', 'Always allow', 'Deny'])
                    await visible(ui.button(sheet, name), `"${name}" on ${where}`);
            });
        }

        await t.step('"Allow once" on this page closes the sheet here and on the second page', async () => {
            await page.bringToFront();
            await ui.button(approvalSheet(page), 'Allow once').click();
            await hidden(approvalSheet(page), 'the sheet on this page');
            await hidden(approvalSheet(other), 'the sheet on the second page');
        });

        const reply = ui.lastArticle(page, 'Assistant');
        await t.step('the reply shows the call with its result as text, then the answer quoting it', async () => {
            await ui.waitStatus(reply, 'complete');
            const block = await visible(reply.getByRole('region', { name: 'Tool call fake · echo', exact: true }), 'the "fake · echo" block');
            check(await block.getAttribute('data-status') === 'ok', 'the call\'s status ok', await block.getAttribute('data-status'));
            const result = block.locator('details');
            await result.locator('summary').click();
            const shown = await result.locator('pre').textContent();
            check(shown.includes(ECHOED), `the result "${ECHOED}" as text`, shown);
            check(await block.locator('i').count() === 0, 'no markup from the tool in the block', await block.innerHTML());
            await ui.waitReplyContains(page, 'The tool answered:', 'the final answer');
        });

        await t.step('the provider got the result, and the server kept the call', async () => {
            const asked = t.fake.requestsFor(prompt);
            const followUp = asked.find((r) => r.kind === 'tool-answer');
            check(followUp, 'a second provider request carrying the tool result', JSON.stringify(asked.map((r) => r.kind)));
            const toolMessage = followUp.body.messages.find((m) => m.role === 'tool');
            check(String(toolMessage?.content ?? '').includes(ECHOED), 'the tool message to hold the echoed text', JSON.stringify(toolMessage));
            const chats = await account.api.chats();
            const chat = await account.api.chat(chats[0].id);
            const saved = chat.messages.filter((m) => m.role === 'assistant').pop();
            const calls = saved?.content?.tool_calls ?? [];
            check(calls.length === 1 && calls[0].status === 'ok' && calls[0].tool === 'echo', 'one saved call of echo, ok', JSON.stringify(calls));
        });

        await t.step('after a reload the saved call still shows', async () => {
            await other.close();
            await page.reload();
            const again = ui.lastArticle(page, 'Assistant');
            await ui.waitStatus(again, 'complete');
            await visible(again.getByRole('region', { name: 'Tool call fake · echo', exact: true }), 'the saved "fake · echo" block');
        });

        await t.step('Settings → Tools lists the server running with its tools', async () => {
            if (!(await ui.button(page, 'Settings').isVisible()))
                await ui.showChats(page);
            await (await visible(ui.button(page, 'Settings'), 'the "Settings" button')).click();
            const dialog = await visible(page.getByRole('dialog', { name: 'Settings' }), 'the Settings dialog');
            const section = await visible(dialog.getByRole('region', { name: 'Tools', exact: true }), 'the "Tools" section');
            await waitUntil('the server "fake", Running, with echo', async () => {
                const text = await section.innerText();
                return { ok: /fake/.test(text) && /Running/.test(text) && /\becho\b/.test(text) && /No tool is always allowed/.test(text), seen: text };
            });
        });
    },
};
