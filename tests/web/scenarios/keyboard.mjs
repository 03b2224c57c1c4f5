// The keyboard alone: Tab to the fields and sign in with Enter, Enter sends a message and
// Shift+Enter makes a new line, Escape closes a dialog and gives focus back. Desktop only:
// on a touch screen Enter is a new line (web.md).

import { replyFor } from '../lib/replies.mjs';
import { visible, waitUntil, check } from '../lib/check.mjs';
import * as ui from '../lib/ui.mjs';
import { expectCompleteReply } from './common.mjs';

export default {
    name: 'keyboard',
    title: 'Keyboard only: sign in, Enter sends, Shift+Enter new line, Escape closes a dialog',
    viewports: ['desktop'],
    async run(t) {
        const { page } = t;
        const account = await t.step('create an account with an OpenAI key (API)', () => t.account('keyboard'));
        const focusedName = () => page.evaluate(() => {
            const el = document.activeElement;
            return el ? (el.getAttribute('aria-label') || el.labels?.[0]?.textContent || el.textContent || el.localName).trim() : '';
        });

        await t.step('Tab reaches "Email", then "Password"; Enter signs in', async () => {
            await page.goto(`${t.origin}/`);
            await visible(ui.button(page, 'Sign in'), 'the sign-in form');
            const email = page.getByRole('textbox', { name: 'Email', exact: true });
            for (let i = 0; i < 10 && !(await email.evaluate((el) => el === document.activeElement)); i++)
                await page.keyboard.press('Tab');
            check(await email.evaluate((el) => el === document.activeElement), '"Email" reachable with Tab', `focus on "${await focusedName()}"`);
            await page.keyboard.type(account.email);
            await page.keyboard.press('Tab');
            check(await page.getByLabel('Password', { exact: true }).evaluate((el) => el === document.activeElement),
                'Tab from "Email" to reach "Password"', `focus on "${await focusedName()}"`);
            await page.keyboard.type(account.password);
            await page.keyboard.press('Enter');
            await ui.waitSignedIn(page);
        });

        const prompt = 'Typed with the keyboard';
        await t.step('Shift+Enter makes a new line, Enter sends', async () => {
            const box = await visible(ui.messageBox(page), 'the "Message" field');
            await box.focus();
            await page.keyboard.type('First line');
            await page.keyboard.press('Shift+Enter');
            await page.keyboard.type('second line');
            const value = await box.inputValue();
            check(value === 'First line\nsecond line', 'Shift+Enter to insert a new line', JSON.stringify(value));
            await box.fill('');
            await page.keyboard.type(prompt);
            await page.keyboard.press('Enter');
            await expectCompleteReply(await visible(ui.lastArticle(page, 'Assistant'), 'the reply'), replyFor(prompt));
        });

        await t.step('Escape closes the "System prompt" dialog and focus returns to its button', async () => {
            const opener = ui.button(page, 'System prompt');
            await opener.focus();
            await page.keyboard.press('Enter');
            await visible(page.getByRole('dialog'), 'the system prompt dialog');
            await page.keyboard.press('Escape');
            await waitUntil('the dialog closed', async () => ({ ok: !(await page.getByRole('dialog').filter({ visible: true }).count()), seen: 'still open' }));
            check(await opener.evaluate((el) => el === document.activeElement), 'focus back on "System prompt"', `focus on "${await focusedName()}"`);
        });
    },
};
