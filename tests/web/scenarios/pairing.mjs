// Pairing a new device (api.md "Devices and pairing"): the page opened at /#pair=<code> shows
// "Pair this device" and the 6-digit verification number the inviting account sees; once the
// account approves, the page is signed in without a password.

import { visible, waitUntil, check, Skip } from '../lib/check.mjs';
import * as ui from '../lib/ui.mjs';

export default {
    name: 'pairing',
    title: 'Pairing page: "Pair this device", the verification number, approved → signed in',
    async run(t) {
        const { page } = t;
        const account = await t.step('create an account (API)', () => t.account('pairing'));
        const invitation = await t.step('the account asks for an invitation (POST /pair/invitations)', async () => {
            try {
                return await account.api.post('/pair/invitations', {});
            } catch (e) {
                if (/answered (404|405)/.test(e.message))
                    throw new Skip('the server has no /pair/invitations yet');
                throw e;
            }
        });

        await t.step('open the pairing link', () => page.goto(`${t.origin}/#pair=${encodeURIComponent(invitation.code)}`));

        const shown = await t.step('"Pair this device" and the verification number show', async () => {
            await visible(page.getByRole('heading', { name: 'Pair this device' }), 'the heading "Pair this device"');
            const number = page.getByLabel('Verification number', { exact: true });
            return (await waitUntil('a 6-digit verification number', async () => {
                const text = (await number.count()) ? (await number.first().innerText()).replace(/\s/g, '') : '';
                return { ok: /^\d{6}$/.test(text), seen: text ? `"${text}"` : 'no element labelled "Verification number"', value: text };
            })).value;
        });

        const request = await t.step('the account sees the same number and approves', async () => {
            const requests = await account.api.get('/pair/requests');
            const r = requests.find((x) => x.verification === shown || x.verification?.replace(/\s/g, '') === shown);
            check(r, `a pairing request with the verification number ${shown}`, JSON.stringify(requests));
            await account.api.post(`/pair/requests/${r.pairing_id}/approve`, {});
            return r;
        });

        await t.step('the paired page is signed in', () => ui.waitSignedIn(page));
        await t.step('the new device is listed for the account', async () => {
            const devices = await account.api.get('/devices');
            check(devices.length >= 1, 'the paired device in GET /devices', JSON.stringify(devices));
            check(request.device_name === undefined || typeof request.device_name === 'string', 'a device name', JSON.stringify(request));
        });
    },
};
