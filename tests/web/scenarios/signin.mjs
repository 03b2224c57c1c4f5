// Create an account in the page, sign out, a wrong password is refused in words, sign in,
// and a revoked token (401) leads back to the sign-in form.

import { visible, waitUntil, check } from '../lib/check.mjs';
import * as ui from '../lib/ui.mjs';

export default {
    name: 'signin',
    title: 'Create account, sign out, wrong password, sign in, 401 returns to sign-in',
    // The browser itself logs the refused sign-in (401) and the revoked token's answers.
    allowConsole: [/Failed to load resource: the server responded with a status of 401/],
    async run(t) {
        const { page } = t;
        const email = `signin-${process.pid}-${Date.now() % 100000}-${t.viewport}@example.com`;
        const password = 'Correct-horse-42';

        await t.step('open the app: the sign-in form shows', async () => {
            await page.goto(`${t.origin}/`);
            await visible(button(page, 'Sign in'), 'the "Sign in" button');
        });

        await t.step('create an account in the page', async () => {
            await ui.fillCredentials(page, { email, password });
            await button(page, 'Create account').click();
            // A form that first switches to a sign-up mode asks for a second click.
            const signedIn = await ui.waitSignedIn(page).then(() => true, () => false);
            if (!signedIn) {
                await ui.fillCredentials(page, { email, password });
                await (await visible(button(page, 'Create account'), 'the "Create account" button')).click();
                await ui.waitSignedIn(page);
            }
        });

        await t.step('the server knows the new account', async () => {
            const api = await t.api().signIn(email, password);
            await api.addKey('openai', t.env.providerKey);
        });

        await t.step('sign out', async () => {
            await clickSignOut(t);
            await visible(button(page, 'Sign in'), 'the sign-in form after "Sign out"');
        });

        await t.step('a wrong password is refused with a message', async () => {
            await ui.fillCredentials(page, { email, password: 'Wrong-password-1' });
            await button(page, 'Sign in').click();
            const alert = await visible(page.getByRole('alert').filter({ hasText: /\S/ }), 'an error message (role "alert") after a wrong password');
            const text = (await alert.innerText()).trim();
            check(text.length > 3, 'the error message to say something', `"${text}"`);
            check(await button(page, 'Sign in').isVisible(), 'to stay on the sign-in form', 'the form is gone');
        });

        await t.step('sign in with the right password', async () => {
            await ui.fillCredentials(page, { email, password });
            await button(page, 'Sign in').click();
            await ui.waitSignedIn(page);
        });

        await t.step('a revoked token (401) returns to the sign-in form with a message', async () => {
            const token = await page.evaluate(() => {
                for (let i = 0; i < localStorage.length; i++) {
                    const v = localStorage.getItem(localStorage.key(i)) ?? '';
                    const m = v.match(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
                    if (m)
                        return m[0];
                }
                return null;
            });
            check(token, 'the access token in localStorage (web.md)', 'no JWT in localStorage');
            // Revoked while the page is open: its sockets close (4001) and its next call answers 401.
            await t.api(token).post('/auth/logout');
            if (await ui.messageBox(page).isVisible())
                await ui.send(page, 'Sent after the token was revoked').catch(() => {});
            await visible(button(page, 'Sign in'), 'the sign-in form after the token was revoked');
            await visible(page.getByRole('alert').or(page.getByRole('status')).filter({ hasText: /\S/ }),
                'a message (role "alert" or "status") saying why the page signed out');
        });
    },
};

const button = ui.button;

// "Sign out" may sit in Settings (or in the phone's drawer): look there if it is not on screen.
async function clickSignOut(t) {
    const { page } = t;
    const signOut = button(page, 'Sign out');
    if (!(await signOut.isVisible())) {
        if (!(await button(page, 'Settings').isVisible()))
            await ui.showChats(page).catch(() => {});
        if (await button(page, 'Settings').isVisible())
            await button(page, 'Settings').click();
    }
    await waitUntil('a "Sign out" button (on screen or in Settings)', async () => ({ ok: await signOut.isVisible(), seen: 'none visible' }));
    await signOut.click();
}
