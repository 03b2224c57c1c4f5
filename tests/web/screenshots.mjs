// --screenshots DIR: pictures of the web client for the README, phone and desktop, light and
// dark: a conversation with a "Thinking" section and a code block (web-phone-light.png,
// web-desktop-dark.png, …), the pairing page when the server can pair (web-pairing-phone.png), and
// the tool approval sheet (web-tools-approval-phone.png).

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { VIEWPORTS } from './lib/browser.mjs';
import { newAccount } from './lib/api.mjs';
import { SCREENSHOT_PROMPT } from './lib/replies.mjs';
import { visible } from './lib/check.mjs';
import * as ui from './lib/ui.mjs';
import { addFakeToolServer, approvalSheet, turnToolsOn, TOOL_PROMPT } from './scenarios/tools.mjs';

export async function writeScreenshots(env, dir) {
    mkdirSync(dir, { recursive: true });
    const origin = env.server.origin;
    const account = await newAccount(origin, env.providerKey, 'screenshots');
    await account.api.post('/chats', { name: 'Trip to Lisbon' });
    await account.api.post('/chats', { name: 'Sourdough starter' });
    let chatId = null;
    for (const viewportName of ['phone', 'desktop']) {
        for (const colorScheme of ['light', 'dark']) {
            const context = await env.browser.newContext({ ...VIEWPORTS[viewportName], colorScheme, locale: 'en-US', timezoneId: 'UTC' });
            const page = await context.newPage();
            await ui.signIn(page, origin, account);
            if (!chatId) {
                await ui.newChat(page);
                await ui.send(page, SCREENSHOT_PROMPT);
                await ui.waitStatus(ui.lastArticle(page, 'Assistant'), 'complete');
                chatId = (await account.api.chats()).find((c) => c.name !== 'Trip to Lisbon' && c.name !== 'Sourdough starter')?.id;
            } else {
                await page.goto(`${origin}/#/chats/${chatId}`);
                await ui.waitStatus(ui.lastArticle(page, 'Assistant'), 'complete');
            }
            const reply = ui.lastArticle(page, 'Assistant');
            const thinking = reply.locator('details').filter({ has: page.locator('summary', { hasText: /Thinking/ }) }).first();
            if (await thinking.count())
                await thinking.evaluate((d) => { d.open = true; });
            await ui.messageBox(page).fill('Can it greet several people at once?');
            await page.mouse.move(0, 0);
            await ui.lastArticle(page, 'You').scrollIntoViewIfNeeded();
            await page.waitForTimeout(400);
            const file = join(dir, `web-${viewportName}-${colorScheme}.png`);
            await page.screenshot({ path: file });
            console.log(`wrote ${file}`);
            await context.close();
        }
    }
    await pairingScreenshot(env, dir, account);
    await toolsScreenshot(env, dir);
}

// The approval sheet at phone size, for a call of the fake MCP server's echo tool; denied after.
async function toolsScreenshot(env, dir) {
    const account = await newAccount(env.server.origin, env.providerKey, 'screenshots-tools');
    try {
        await addFakeToolServer(account.api, env.mcpServer);
    } catch (e) {
        console.log(`no tools screenshot: ${e.message.split('\n')[0]}`);
        return;
    }
    const context = await env.browser.newContext({ ...VIEWPORTS.phone, colorScheme: 'light', locale: 'en-US', timezoneId: 'UTC' });
    const page = await context.newPage();
    await ui.signIn(page, env.server.origin, account);
    await ui.newChat(page);
    await turnToolsOn(page);
    await ui.send(page, TOOL_PROMPT('for the picture'));
    const sheet = await visible(approvalSheet(page), 'the tool approval sheet');
    await page.waitForTimeout(300);
    const file = join(dir, 'web-tools-approval-phone.png');
    await page.screenshot({ path: file });
    console.log(`wrote ${file}`);
    await ui.button(sheet, 'Deny').click();
    await context.close();
}

async function pairingScreenshot(env, dir, account) {
    let invitation;
    try {
        invitation = await account.api.post('/pair/invitations', {});
    } catch (e) {
        console.log(`no pairing screenshot: ${e.message.split('\n')[0]}`);
        return;
    }
    const context = await env.browser.newContext({ ...VIEWPORTS.phone, colorScheme: 'light', locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${env.server.origin}/#pair=${encodeURIComponent(invitation.code)}`);
    await visible(page.getByLabel('Verification number', { exact: true }), 'the verification number');
    await page.waitForTimeout(300);
    const file = join(dir, 'web-pairing-phone.png');
    await page.screenshot({ path: file });
    console.log(`wrote ${file}`);
    await context.close();
}
