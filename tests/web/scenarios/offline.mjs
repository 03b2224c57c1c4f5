// The network drops while a reply streams (the proxy closes every connection and the browser
// goes offline): the page says "Offline" and disables Send; the reply keeps running on the server
// (a dropped connection is never a Stop); back online, the whole reply shows exactly once.

import { replyFor } from '../lib/replies.mjs';
import { visible, hidden, waitUntil, check } from '../lib/check.mjs';
import * as ui from '../lib/ui.mjs';
import { signedInNewChat, sendAndSeeReplyStart, expectCompleteReply, storedReply } from './common.mjs';

export default {
    name: 'offline',
    title: 'Offline mid-stream: "Offline" shown, Send disabled; back online the full reply, not aborted',
    // What Chromium itself logs for requests and sockets that fail while offline.
    allowConsole: [/ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_(RESET|REFUSED|CLOSED)|ERR_NETWORK_CHANGED|ERR_EMPTY_RESPONSE/,
        /WebSocket connection to .* failed/, /Failed to load resource: net::/],
    async run(t) {
        const { page, fake } = t;
        const prompt = `Keep going while offline ${t.viewport} [slow]`;
        const reply = replyFor(prompt);
        const account = await signedInNewChat(t, 'offline');
        await sendAndSeeReplyStart(t, prompt);
        await t.step('the reply streams a while', () => ui.waitReplyContains(page, `${reply.tag}-015`));

        await t.step('the network drops', () => t.setOffline(true));

        await t.step('the page says "Offline" (role "status")', () => visible(ui.offlineStatus(page), 'a status containing "Offline"'));

        // Mid-stream the composer's one button may be Stop rather than Send: whichever it is, it
        // must be disabled (nothing can be sent, and a Stop could not reach the server).
        await t.step('Send (or the Stop that stands in its place mid-stream) is disabled while offline', () =>
            waitUntil('the composer\'s "Send" or "Stop" button disabled', async () => {
                const found = [];
                for (const name of ['Send', 'Stop']) {
                    const b = ui.button(page, name);
                    if (await b.count())
                        found.push(`${name} ${(await b.isDisabled()) ? 'disabled' : 'enabled'}`);
                }
                return { ok: found.length > 0 && found.every((f) => f.endsWith('disabled')), seen: found.join(', ') || 'neither button' };
            }));

        await t.step('the reply finishes on the server meanwhile', () =>
            waitUntil('the fake provider to have streamed the whole reply', async () => {
                const r = fake.requestsFor(prompt)[0];
                return { ok: r?.status === 'complete', seen: `status ${r?.status}, ${r?.sent.length ?? 0} of ${reply.text.length} characters` };
            }));

        await t.step('the network comes back: "Offline" goes away', async () => {
            await t.setOffline(false);
            await hidden(ui.offlineStatus(page), 'the "Offline" status');
        });

        await t.step('the full reply shows exactly once', () => expectCompleteReply(ui.lastArticle(page, 'Assistant'), reply));

        await t.step('the reply was not aborted on the server', async () => {
            const { reply: stored } = await storedReply(account.api, prompt);
            check(stored?.status === 'complete', 'the stored reply to be "complete" (not aborted)', stored?.status);
            const requests = fake.requestsFor(prompt);
            check(requests.length === 1 && requests[0].status === 'complete', 'one provider request that ran to its end',
                JSON.stringify(requests.map((r) => [r.kind, r.status])));
            check(await ui.articles(page, 'Assistant').count() === 1, 'one "Assistant" message', `${await ui.articles(page, 'Assistant').count()}`);
        });

        await t.step('offline while idle: "Offline" shown and Send disabled; online again: Send enabled', async () => {
            await t.setOffline(true);
            await visible(ui.offlineStatus(page), 'a status containing "Offline"');
            await expectSendDisabled(page, 'Written while offline again');
            await t.setOffline(false);
            await hidden(ui.offlineStatus(page), 'the "Offline" status');
            await waitUntil('"Send" enabled once online (with text in the Message field)', async () => {
                const send = ui.button(page, 'Send');
                return { ok: (await send.count()) > 0 && await send.first().isEnabled(), seen: (await send.count()) ? 'disabled' : 'no "Send" button' };
            });
        });
    },
};

// With text in the Message field, "Send" must be there and disabled.
async function expectSendDisabled(page, text, options = {}) {
    const box = ui.messageBox(page);
    if (await box.isEditable().catch(() => false))
        await box.fill(text);
    await waitUntil('a disabled "Send" button', async () => {
        const send = ui.button(page, 'Send');
        const n = await send.count();
        if (!n)
            return { ok: false, seen: `no "Send" button${await ui.button(page, 'Stop').isVisible() ? ' ("Stop" is shown instead)' : ''}` };
        return { ok: await send.first().isDisabled(), seen: 'enabled' };
    }, options);
}
