// No horizontal page scroll on the chat list, on a conversation with a wide code block and a
// wide table (they scroll inside themselves), and in Settings; on a phone, the main controls
// are touch-sized (≥ 44 px), the top bar keeps to one row, and 320 px wide works too.

import { replyFor } from '../lib/replies.mjs';
import { visible, check } from '../lib/check.mjs';
import * as ui from '../lib/ui.mjs';
import { seedChat, expectCompleteReply } from './common.mjs';

export default {
    name: 'layout',
    title: 'No horizontal page scroll (chat list, wide code and table, Settings); touch-sized controls',
    async run(t) {
        const { page } = t;
        const account = await t.step('create an account with chats: long names and a wide conversation (API)', async () => {
            const a = await t.account('layout');
            await seedChat(a.api, `A${'very'.repeat(40)}LongUnbrokenChatName`, [['user', 'Hi'], ['assistant', 'Hello.']]);
            await seedChat(a.api, 'A chat with a rather long name that goes on and on well past the width of a phone screen', [['user', 'Hi'], ['assistant', 'Hello.']]);
            const wide = '[wide] show wide things';
            await seedChat(a.api, 'Wide content', [['user', wide], ['assistant', replyFor(wide).text]]);
            return a;
        });
        await t.step('sign in', () => ui.signIn(page, t.origin, account));

        await t.step('the chat list: no horizontal scroll', async () => {
            await ui.waitInList(page, 'Wide content');
            await ui.expectNoHorizontalScroll(page, 'the chat list');
        });

        if (t.isPhone) {
            await t.step('touch targets of the main controls are at least 44 × 44 px', async () => {
                const small = [];
                for (const name of ['New chat', 'Settings', 'Show chats', 'Send']) {
                    for (const b of await page.getByRole('button', { name, exact: true }).filter({ visible: true }).all()) {
                        const box = await b.boundingBox();
                        if (box.width < 44 || box.height < 44)
                            small.push(`"${name}" ${Math.round(box.width)}×${Math.round(box.height)}`);
                    }
                }
                check(small.length === 0, 'buttons of at least 44 × 44 px', small.join(', '));
            });
        }

        await t.step('a conversation with a wide code block and table: no horizontal scroll', async () => {
            await ui.openChat(page, 'Wide content');
            const article = await visible(ui.articles(page, 'Assistant'), 'the "Assistant" message');
            await expectCompleteReply(article, replyFor('[wide] show wide things'));
            await visible(article.getByRole('table'), 'the wide table');
            await ui.expectNoHorizontalScroll(page, 'a conversation with a wide code block and a wide table');
        });

        await t.soft('the top bar\'s controls sit on one row', async () => {
            const rows = await page.getByRole('banner').first().evaluate((bar) => {
                const tops = new Set();
                for (const b of bar.querySelectorAll('button, a[href]')) {
                    const r = b.getBoundingClientRect();
                    if (r.width && r.height)
                        tops.add(Math.round((r.top + r.bottom) / 2 / 8));
                }
                return tops.size;
            });
            check(rows <= 1, 'every button of the top bar (role "banner") on one row', `${rows} rows`);
        });

        await t.step('the wide code block and table scroll inside themselves', async () => {
            const article = ui.lastArticle(page, 'Assistant');
            const notScrollable = await article.evaluate((root) => {
                const out = [];
                const scrollsSideways = (el) => {
                    for (let e = el; e && e !== root.parentElement; e = e.parentElement) {
                        const o = getComputedStyle(e).overflowX;
                        if ((o === 'auto' || o === 'scroll') && e.scrollWidth > e.clientWidth)
                            return true;
                    }
                    return false;
                };
                for (const el of root.querySelectorAll('pre, table'))
                    if (!scrollsSideways(el))
                        out.push(`<${el.localName}> (${el.scrollWidth} px wide)`);
                return out;
            });
            check(notScrollable.length === 0, 'each wide <pre> and <table> inside a box that scrolls sideways', notScrollable.join(', '));
            const composer = await ui.messageBox(page).boundingBox();
            const width = page.viewportSize().width;
            check(composer && composer.x >= 0 && composer.x + composer.width <= width, `the Message field within the ${width} px screen`, JSON.stringify(composer));
        });

        await t.step('Settings: no horizontal scroll', async () => {
            if (!(await ui.button(page, 'Settings').isVisible()))
                await ui.showChats(page);
            await (await visible(ui.button(page, 'Settings'), 'the "Settings" button')).click();
            await visible(page.getByRole('heading', { name: 'Settings' }).or(page.getByRole('dialog', { name: 'Settings' })), 'the Settings page (heading or dialog "Settings")');
            await ui.expectNoHorizontalScroll(page, 'Settings');
        });

        if (t.isPhone) {
            await t.step('at 320 px wide (web.md: works from 320 px): no horizontal scroll in the conversation and the list', async () => {
                await page.keyboard.press('Escape');
                await page.setViewportSize({ width: 320, height: 640 });
                await ui.openChat(page, 'Wide content');
                await visible(ui.lastArticle(page, 'Assistant').getByRole('table'), 'the wide table');
                await ui.expectNoHorizontalScroll(page, 'a wide conversation at 320 px');
                await ui.showChats(page);
                await ui.expectNoHorizontalScroll(page, 'the chat list at 320 px');
            });
        }
    },
};
