// Bytes transferred by a first visit (empty cache): open "/", sign in, open a chat whose reply
// has Markdown and code. Sizes are what crossed the wire (CDP Network.loadingFinished
// encodedDataLength: compressed bodies plus headers). The Markdown part is marked, DOMPurify,
// highlight.js and the client's own markdown/ modules, fetched only when a reply is rendered.

import * as ui from '../../tests/web/lib/ui.mjs';

const MARKDOWN_PART = /\/(marked|purify|highlight)[^/]*\.js|\/markdown\//;
const STATIC = /^\/(app\/.*|sw\.js|manifest\.webmanifest|icon[^/]*|favicon\.ico)?$/;

export async function measureFirstLoad(env, account, chatId, viewport) {
    const context = await env.browser.newContext({ ...viewport });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const requests = new Map();
    cdp.on('Network.requestWillBeSent', (e) => requests.set(e.requestId, { url: e.request.url, bytes: 0, done: false }));
    cdp.on('Network.loadingFinished', (e) => {
        const r = requests.get(e.requestId);
        if (r) {
            r.bytes = e.encodedDataLength;
            r.done = true;
        }
    });
    const encodings = new Set();
    cdp.on('Network.responseReceived', (e) => {
        const enc = e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'];
        if (enc)
            encodings.add(enc);
    });

    await ui.signIn(page, env.server.origin, account);
    await page.goto(`${env.server.origin}/#/chats/${chatId}`);
    await ui.waitStatus(ui.lastArticle(page, 'Assistant'), 'complete');
    await page.waitForTimeout(1500); // late lazy loads
    await context.close();

    const sum = { shell: 0, markdown: 0, api: 0, shellFiles: 0, markdownFiles: 0, apiCalls: 0, largest: [] };
    for (const r of requests.values()) {
        if (!r.done || !/^https?:/.test(r.url))
            continue;
        const path = new URL(r.url).pathname;
        sum.largest.push([r.bytes, path.replace(/^\/app\/[0-9a-f]+\//, '/app/…/')]);
        if (MARKDOWN_PART.test(path)) {
            sum.markdown += r.bytes;
            sum.markdownFiles += 1;
        } else if (STATIC.test(path)) {
            sum.shell += r.bytes;
            sum.shellFiles += 1;
        } else {
            sum.api += r.bytes;
            sum.apiCalls += 1;
        }
    }
    sum.encodings = [...encodings].join(',') || 'none';
    sum.largest = sum.largest.sort((a, b) => b[0] - a[0]).slice(0, 5);
    return sum;
}
