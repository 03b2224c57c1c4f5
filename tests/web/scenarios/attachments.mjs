// Files with a question: a picture chosen with the file picker shows as a chip with its
// thumbnail before sending, a file of another type is refused with a message, and once
// sent the picture shows in the conversation (fetched with the token into a blob URL) and
// reaches the provider as an image_url data URL.

import { visible, check, waitUntil } from '../lib/check.mjs';
import * as ui from '../lib/ui.mjs';
import { signedInNewChat, sendAndSeeReplyStart, expectCompleteReply, expectedReply } from './common.mjs';

// A real 1×1 PNG, so that the browser can decode the thumbnail.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

export default {
    name: 'attachments',
    title: 'A picture attached in the composer shows as a thumbnail and reaches the provider; other types are refused',
    // The refused upload's 415, which the page shows in words.
    allowConsole: [/Failed to load resource: the server responded with a status of 415/],
    async run(t) {
        const { page, fake } = t;
        const prompt = `What is in this picture ${t.viewport}`;
        await signedInNewChat(t, 'attach');
        const picker = page.locator('input.att-input');

        await t.step('a zip file chosen with the picker is refused with a message', async () => {
            await picker.setInputFiles({ name: 'archive.zip', mimeType: 'application/zip', buffer: Buffer.from('PK\x03\x04rest') });
            await visible(page.getByRole('alert').filter({ hasText: 'archive.zip cannot be attached' }), 'the message that archive.zip cannot be attached');
            await waitUntil('no chip for archive.zip', async () => {
                const n = await page.locator('.att-tray .att-chip').count();
                return { ok: n === 0, seen: `${n} chip(s)` };
            });
        });

        await t.step('a PNG chosen with the picker shows as a chip with its thumbnail', async () => {
            const attach = await visible(ui.button(page, 'Attach files'), 'the "Attach files" button');
            const [chooser] = await Promise.all([page.waitForEvent('filechooser'), attach.click()]);
            await chooser.setFiles({ name: 'dot.png', mimeType: 'image/png', buffer: PNG });
            await visible(page.locator('.att-tray .att-chip[data-state="ready"]').filter({ hasText: 'dot.png' }), 'a ready chip "dot.png"');
            await visible(ui.button(page, 'Remove dot.png'), 'the "Remove dot.png" button');
            const mini = await page.locator('.att-tray img.att-mini').getAttribute('src');
            check(mini?.startsWith('blob:'), 'the chip\'s thumbnail from the chosen file (a blob: URL)', mini);
        });

        const article = await sendAndSeeReplyStart(t, prompt);
        await t.step('the reply completes', () => expectCompleteReply(article, expectedReply(fake, prompt)));

        await t.step('the chips are gone and the question shows the picture', async () => {
            check(await page.locator('.att-tray .att-chip').count() === 0, 'no chip left in the composer', 'a chip');
            const you = ui.lastArticle(page, 'You');
            await waitUntil('the question\'s thumbnail "dot.png" to load', async () => {
                const img = you.locator('img.att-thumb[alt="dot.png"]');
                if (!(await img.count())) return { ok: false, seen: 'no thumbnail' };
                const state = await img.evaluate((el) => ({ src: el.src, width: el.naturalWidth }));
                return { ok: state.src.startsWith('blob:') && state.width === 1, seen: JSON.stringify(state) };
            });
        });

        await t.step('the provider got the picture as an image_url data URL', () => {
            const request = fake.requestsFor(prompt).find((r) => r.kind === 'reply');
            const user = [...request.body.messages].reverse().find((m) => m.role === 'user');
            const image = Array.isArray(user?.content) ? user.content.find((p) => p.type === 'image_url') : null;
            const wanted = `data:image/png;base64,${PNG.toString('base64')}`;
            check(image?.image_url?.url === wanted, 'an image_url part with the PNG as a data URL', JSON.stringify(user?.content)?.slice(0, 200));
        });
    },
};
