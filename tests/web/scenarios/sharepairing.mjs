// The phone's side of "Share on this network" (sharing.md), against the desktop app's share
// (run.mjs --desktop-share): the page opened from the QR code's URL (#pair=<code>&fp=<hex>)
// shows "Pair this device" and a number; the desktop lists the request with the same number
// and its owner approves it; the page is then signed in to the desktop's own account and chats
// there with the owner's key.

import { visible, waitUntil, check } from '../lib/check.mjs';
import * as ui from '../lib/ui.mjs';
import { sendAndSeeReplyStart, expectedReply, expectCompleteReply } from './common.mjs';

export default {
    name: 'sharepairing',
    title: 'Desktop share: #pair= → the owner approves the same number → signed in, a reply streams',
    desktopShare: true,
    // Chromium's own line when it refuses the service worker of a certificate it does not trust
    // (the page catches it and works without one), as a phone does with a self-signed share.
    allowConsole: [/An SSL certificate error occurred when fetching the script/],
    async run(t) {
        const { page, share } = t;
        const url = await t.step('the desktop shows a pairing QR code (its URL)', () => share.pairingUrl(t.origin));
        check(/#pair=[^&]+&fp=[0-9a-f]{64}$/.test(url), 'a pairing URL with the code and the fingerprint', url);
        check(url.endsWith(`fp=${share.fingerprint}`), `the fingerprint of the share's certificate (${share.fingerprint})`, url);

        await t.step('open the pairing link', () => page.goto(url));
        const shown = await t.step('"Pair this device" and the verification number show', async () => {
            await visible(page.getByRole('heading', { name: 'Pair this device' }), 'the heading "Pair this device"');
            const number = page.getByLabel('Verification number', { exact: true });
            return (await waitUntil('a 6-digit verification number', async () => {
                const text = (await number.count()) ? (await number.first().innerText()).replace(/\s/g, '') : '';
                return { ok: /^\d{6}$/.test(text), seen: text ? `"${text}"` : 'no element labelled "Verification number"', value: text };
            })).value;
        });

        await t.step('the desktop lists a request with the same number', () => share.request(shown));
        await t.step('the owner approves it', () => share.approve(shown));
        await t.step('the paired page is signed in', () => ui.waitSignedIn(page));

        await t.step('start a new chat', () => ui.newChat(page));
        const prompt = `Hello from the paired ${t.viewport} [tokens=30] [pace=20]`;
        const article = await sendAndSeeReplyStart(t, prompt);
        await t.step('the reply streams in with the owner\'s key, complete and exact',
            () => expectCompleteReply(article, expectedReply(t.fake, prompt)));
    },
};
