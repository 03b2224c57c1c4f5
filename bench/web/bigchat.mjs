// Time to open a long chat with the CPU slowed down (CDP Emulation.setCPUThrottlingRate):
//  - in the app: from setting the chat route (location.hash) on a signed-in page showing another
//    chat until the last message is rendered (its text laid out on screen);
//  - as a page load: from navigation start of /#/chats/<id> (HTTP cache warm) until the same.
// The page checks once per animation frame, so a figure is at most one frame late.

import * as ui from '../../tests/web/lib/ui.mjs';
import { LAST_MESSAGE_MARKER } from './seed.mjs';

// Init script: window.__whenRendered(marker) resolves with performance.now() once an article
// holding the marker is laid out on screen.
function defineWhenRendered() {
    window.__whenRendered = (marker) => new Promise((resolve) => {
        const look = () => {
            for (const a of document.querySelectorAll('article')) {
                if (!a.textContent.includes(marker))
                    continue;
                const r = a.getBoundingClientRect();
                if (r.height > 0 && r.bottom > 0 && r.top < innerHeight)
                    return resolve(performance.now());
            }
            requestAnimationFrame(look);
        };
        look();
    });
}

export async function measureOpenInApp(env, account, bigChatId, smallChatId, { viewport, cpuRate }) {
    const context = await env.browser.newContext({ ...viewport });
    await context.addInitScript(defineWhenRendered);
    const page = await context.newPage();
    await ui.signIn(page, env.server.origin, account);
    await page.goto(`${env.server.origin}/#/chats/${smallChatId}`);
    await ui.waitStatus(ui.lastArticle(page, 'Assistant'), 'complete');
    await page.waitForTimeout(500);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
    const ms = await page.evaluate(async ({ id, marker }) => {
        const t0 = performance.now();
        location.hash = `#/chats/${id}`;
        return (await window.__whenRendered(marker)) - t0;
    }, { id: bigChatId, marker: LAST_MESSAGE_MARKER });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await context.close();
    return ms;
}

export async function measureOpenAsPageLoad(env, account, bigChatId, { viewport, cpuRate }) {
    const context = await env.browser.newContext({ ...viewport });
    const page = await context.newPage();
    await ui.signIn(page, env.server.origin, account); // fills the HTTP cache and localStorage
    await page.goto('about:blank');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
    await page.addInitScript(defineWhenRendered);
    await page.addInitScript((marker) => {
        window.__renderedAt = null;
        window.__whenRendered(marker).then((t) => { window.__renderedAt = t; });
    }, LAST_MESSAGE_MARKER);
    await page.goto(`${env.server.origin}/#/chats/${bigChatId}`);
    const ms = await page.waitForFunction(() => window.__renderedAt, null, { timeout: 120000, polling: 100 }).then((h) => h.jsonValue());
    await context.close();
    return ms;
}
