// Export and import: "Export as Markdown" of the open chat downloads its active path,
// Settings → "Export all" downloads every chat, and "Import a file" sends that file back
// (a second import of the same file adds nothing).

import fs from 'node:fs/promises';
import { visible, check, waitUntil } from '../lib/check.mjs';
import * as ui from '../lib/ui.mjs';
import { seedChat } from './common.mjs';

async function downloaded(page, click) {
    const [download] = await Promise.all([page.waitForEvent('download'), click()]);
    const path = await download.path();
    return { name: download.suggestedFilename(), text: await fs.readFile(path, 'utf8'), path };
}

export default {
    name: 'transfer',
    title: 'Export as Markdown, Export all, Import a file',
    async run(t) {
        const { page } = t;
        const account = await t.step('create an account with a chat (API)', async () => {
            const a = await t.account('transfer');
            await seedChat(a.api, 'Loop questions', [['user', 'Show a loop'], ['assistant', '```c\nfor (;;) {}\n```']]);
            return a;
        });
        await t.step('sign in', () => ui.signIn(page, t.origin, account));

        await t.step('"Export as Markdown" downloads the chat', async () => {
            await ui.openChat(page, 'Loop questions');
            const file = await downloaded(page, async () =>
                (await visible(await ui.chatAction(page, 'Export as Markdown'), 'the "Export as Markdown" button')).click());
            check(file.name === 'Loop questions.md', 'the file "Loop questions.md"', file.name);
            check(file.text.includes('## User\n\nShow a loop\n') && file.text.includes('```c\nfor (;;) {}\n```'),
                'the turns with the code verbatim', file.text.slice(0, 300));
        });

        let exported;
        await t.step('Settings → "Export all" downloads every chat', async () => {
            await (await visible(ui.button(page, 'Settings'), 'the "Settings" button')).click();
            const dialog = await visible(page.getByRole('dialog'), 'the Settings dialog');
            exported = await downloaded(page, async () =>
                (await visible(ui.button(dialog, 'Export all'), 'the "Export all" button')).click());
            const doc = JSON.parse(exported.text);
            check(doc.format === 'teehee.export.v1' && doc.chats.length === 1, 'a teehee.export.v1 document with one chat',
                `${doc.format}, ${doc.chats?.length} chats`);
        });

        await t.step('"Import a file" imports it; the same file again is skipped', async () => {
            const dialog = page.getByRole('dialog');
            const importOnce = async () => {
                const [chooser] = await Promise.all([page.waitForEvent('filechooser'),
                    (await visible(ui.button(dialog, 'Import a file'), 'the "Import a file" button')).click()]);
                await chooser.setFiles(exported.path);
            };
            await importOnce();
            await visible(page.getByText('1 chats imported, 0 skipped'), 'the toast "1 chats imported, 0 skipped"');
            await waitUntil('two chats on the server', async () => {
                const n = (await account.api.chats()).length;
                return { ok: n === 2, seen: `${n} chats` };
            });
            await importOnce();
            await visible(page.getByText('0 chats imported, 1 skipped'), 'the toast "0 chats imported, 1 skipped"');
            const n = (await account.api.chats()).length;
            check(n === 2, 'still two chats after the second import', `${n} chats`);
        });
    },
};
