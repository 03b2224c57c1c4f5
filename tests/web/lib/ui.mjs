// The web client as a user meets it: every control found by role and accessible name
// (web.md, and the names the brief fixes). No CSS selectors for controls.

import { Failure, visible, waitUntil, normalize, WAIT_MS } from './check.mjs';

// The first such button on screen: a layout may keep a hidden copy (e.g. the phone's closed
// drawer) or show two (the drawer's and the top bar's "New chat").
export const button = (scope, name) => scope.getByRole('button', { name, exact: true }).filter({ visible: true }).first();

// One of the open chat's own actions (Rename, Fork, Delete): in the top bar on
// wide screens; on a phone behind the "Chat actions" menu, opened first.
export async function chatAction(page, name) {
    const direct = button(page, name);
    if (await direct.isVisible())
        return direct;
    const menu = button(page, 'Chat actions');
    if (await menu.isVisible())
        await menu.click();
    return direct;
}
export const messageBox = (page) => page.getByRole('textbox', { name: 'Message', exact: true });
export const chatsNav = (page) => page.getByRole('navigation', { name: 'Chats', exact: true });
export const articles = (page, who) => page.getByRole('article', { name: who, exact: true });
export const lastArticle = (page, who) => articles(page, who).last();
export const offlineStatus = (page) => page.getByRole('status').filter({ hasText: 'Offline' });
export const versionSwitcher = (scope) => scope.getByLabel(/^Version \d+ of \d+$/);

// Something only a signed-in page shows.
const signedInMark = (page) =>
    messageBox(page).or(button(page, 'New chat')).or(button(page, 'Show chats')).or(chatsNav(page));

export async function waitSignedIn(page) {
    await visible(signedInMark(page), 'the signed-in app (Message field, "New chat", "Show chats" or the Chats list)');
}

export async function fillCredentials(page, { email, password }) {
    await (await visible(page.getByRole('textbox', { name: 'Email', exact: true }), 'the "Email" field')).fill(email);
    // A password input has no ARIA role: found by its label.
    await (await visible(page.getByLabel('Password', { exact: true }), 'the "Password" field')).fill(password);
}

export async function signIn(page, origin, account) {
    await page.goto(`${origin}/`);
    await fillCredentials(page, account);
    await (await visible(button(page, 'Sign in'), 'the "Sign in" button')).click();
    await waitSignedIn(page);
}

// Waits for the drawer (the Chats navigation) to stop moving: opening or closing, its
// controls are on screen but slide away under the pointer.
export async function settle(page) {
    const nav = chatsNav(page);
    let last = null;
    await waitUntil('the chat drawer to stop moving', async () => {
        // The drawer may close between the two questions: then it has no box.
        const box = (await nav.isVisible()) ? await nav.boundingBox({ timeout: 500 }).catch(() => null) : null;
        const now = JSON.stringify(box);
        const ok = now === last;
        last = now;
        return { ok, seen: `at ${now}` };
    }, { interval: 120, timeout: 10000 });
}

// On a phone the chat list lives in a drawer opened by "Show chats".
export async function showChats(page) {
    const nav = chatsNav(page);
    await settle(page);
    if (await nav.isVisible())
        return nav;
    const toggle = button(page, 'Show chats');
    if (await toggle.isVisible())
        await toggle.click();
    await visible(nav, 'the "Chats" navigation');
    await settle(page);
    return nav;
}

// Waits until the Chats list shows a link with this name, opening the drawer (again) on a
// phone: the app may close it by itself when it moves to another chat.
export async function waitInList(page, name, what = `the link "${name}" in the Chats list`) {
    let link;
    await waitUntil(what, async () => {
        const nav = await showChats(page);
        link = nav.getByRole('link', { name, exact: true });
        const n = await link.count();
        return { ok: n > 0 && await link.first().isVisible(), seen: `links: ${JSON.stringify(await nav.getByRole('link').allInnerTexts())}` };
    });
    return link.first();
}

// Opens a chat from the list by its name and waits for its route (#/chats/<id>).
export async function openChat(page, name) {
    await waitUntil(`to open the chat "${name}" from the Chats list`, async () => {
        const link = await waitInList(page, name);
        const href = await link.getAttribute('href');
        await link.click({ timeout: 3000 }).catch(() => {});
        return { ok: !!href && decodeURIComponent(page.url()).endsWith(decodeURIComponent(href)), seen: `at ${page.url()}, link to ${href}` };
    }, { interval: 200 });
    await settle(page);
}

export async function newChat(page) {
    let b = button(page, 'New chat');
    if (!(await b.isVisible()))
        await showChats(page);
    b = await visible(button(page, 'New chat'), 'the "New chat" button');
    await b.click();
    await visible(messageBox(page), 'the "Message" field');
}

export async function send(page, text) {
    const box = await visible(messageBox(page), 'the "Message" field');
    await box.fill(text);
    const b = await visible(button(page, 'Send'), 'the "Send" button');
    await b.click();
}

// Clicks a button of one message (Edit, Regenerate, Copy, …): hovered first on a desktop,
// tapped first on a phone if the button only shows on demand.
export async function messageAction(page, article, name, isPhone) {
    const b = button(article, name);
    if (!isPhone)
        await article.hover();
    if (!(await b.isVisible())) {
        if (isPhone)
            await article.tap({ position: { x: 10, y: 10 } });
        else
            await article.hover();
    }
    await (await visible(b, `the "${name}" button of the ${await article.getAttribute('aria-label') ?? 'message'}`)).click();
}

export async function status(article) {
    return article.getAttribute('data-status');
}

export async function waitStatus(article, wanted, what = 'the reply') {
    const list = [].concat(wanted);
    return waitUntil(`${what} to have data-status ${list.join(' or ')}`, async () => {
        const s = await status(article);
        return { ok: list.includes(s), seen: `data-status=${s}` };
    });
}

export async function text(article) {
    return normalize(await article.innerText());
}

// Waits for the last assistant message to contain `needle` (e.g. a token) — i.e. to be streaming.
export async function waitReplyContains(page, needle, what) {
    return waitUntil(what ?? `the reply to show "${needle}"`, async () => {
        const a = lastArticle(page, 'Assistant');
        if (!(await a.count()))
            return { ok: false, seen: 'no "Assistant" article' };
        const t = await text(a);
        return { ok: t.includes(needle), seen: `reply text: "${t.slice(-120)}"` };
    }, { interval: 20 });
}

export async function switcherState(scope) {
    const s = versionSwitcher(scope);
    if (!(await s.count()))
        return null;
    return { label: await s.first().getAttribute('aria-label'), text: normalize(await s.first().innerText()) };
}

export async function waitSwitcher(scope, index, count, what) {
    return waitUntil(`${what} to show the version switcher "${index} / ${count}" (aria-label "Version ${index} of ${count}")`, async () => {
        const st = await switcherState(scope);
        const ok = st && st.label === `Version ${index} of ${count}` && st.text.includes(`${index} / ${count}`);
        return { ok, seen: st ? `aria-label "${st.label}", text "${st.text}"` : 'no version switcher' };
    });
}

// Is the page scrolled sideways anywhere? (scrollWidth against the window's width)
export async function horizontalOverflow(page) {
    return page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        bodyScrollWidth: document.body.scrollWidth,
    }));
}

export async function expectNoHorizontalScroll(page, where) {
    const o = await horizontalOverflow(page);
    if (o.scrollWidth > o.innerWidth || o.bodyScrollWidth > o.innerWidth)
        throw new Failure(`no horizontal page scroll on ${where} (scrollWidth <= innerWidth ${o.innerWidth})`,
            `documentElement.scrollWidth ${o.scrollWidth}, body.scrollWidth ${o.bodyScrollWidth}`);
}

export { WAIT_MS };
