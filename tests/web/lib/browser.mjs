// Debian's Chromium through playwright-core, the two device profiles, and the guards every
// scenario runs under: console errors, uncaught exceptions, CSP violations, script traps
// (window.__pwned and friends), requests that leave the test's own hosts, live-region log.

import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.TEEHEE_CHROMIUM || '/usr/bin/chromium';

export const VIEWPORTS = {
    phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
    desktop: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false },
};

export async function launchBrowser() {
    // No call home: this machine's network is closed, and the tests must not depend on one.
    const args = ['--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-gpu',
        '--disable-quic', '--disable-component-update', '--disable-sync'];
    if (typeof process.getuid === 'function' && process.getuid() === 0)
        args.push('--no-sandbox');
    return chromium.launch({ executablePath: CHROMIUM, headless: true, args });
}

// Runs in every document before the page's own scripts.
function pageTraps() {
    window.__liveLog = [];
    for (const name of ['alert', 'confirm', 'prompt', 'print']) {
        window[name] = (...a) => { window.__pwned?.(`window.${name}(${a.join(',')})`); return null; };
    }
    document.addEventListener('securitypolicyviolation', (e) => {
        window.__cspViolation?.(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile || ''}:${e.lineNumber || 0} ${e.sample || ''}`);
    }, true);
    // Every text a live region announces, in order (to check "announced once").
    const seen = new WeakMap();
    const record = () => {
        for (const el of document.querySelectorAll('[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"]')) {
            const text = (el.textContent || '').replace(/\s+/g, ' ').trim();
            if (text.length > 200)
                continue; // a region holding the conversation itself: not an announcement
            if (text && seen.get(el) !== text)
                window.__liveLog.push(text);
            seen.set(el, text);
        }
    };
    new MutationObserver(record).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-live', 'role'] });
}

// A browser context for one viewport with the guards installed. allowedOrigins: the only
// origins the page may request; anything else is recorded as a problem.
export async function newGuardedContext(browser, { viewportName, colorScheme = 'light', allowedOrigins, allowConsole = [],
                                                   ignoreHTTPSErrors = false }) {
    const context = await browser.newContext({
        ignoreHTTPSErrors,
        ...VIEWPORTS[viewportName],
        colorScheme,
        locale: 'en-US',
        timezoneId: 'UTC',
        serviceWorkers: 'allow',
    });
    const problems = [];
    const guards = { problems, pwned: [], csp: [], consoleErrors: [], external: [] };
    await context.exposeBinding('__pwned', (_source, what) => {
        guards.pwned.push(String(what));
        problems.push(`hostile content ran script: __pwned(${JSON.stringify(String(what))})`);
    });
    await context.exposeBinding('__cspViolation', (_source, what) => {
        guards.csp.push(what);
        problems.push(`CSP violation: ${what}`);
    });
    await context.addInitScript(pageTraps);
    context.on('request', (req) => {
        const url = req.url();
        if (/^(data|blob|about|chrome-extension):/.test(url))
            return;
        const origin = new URL(url).origin;
        if (!allowedOrigins.includes(origin.replace(/^ws/, 'http'))) {
            guards.external.push(url);
            problems.push(`request left the test's hosts: ${req.method()} ${url}`);
        }
    });
    const watch = (page) => {
        page.on('console', (msg) => {
            if (msg.type() !== 'error')
                return;
            const text = msg.text();
            if (allowConsole.some((re) => re.test(text)))
                return;
            // Chromium's console line for a CSP violation: the securitypolicyviolation listener reports it.
            if (/violates the following Content Security Policy directive/.test(text))
                return;
            guards.consoleErrors.push(text);
            problems.push(`console error: ${text}`);
        });
        page.on('pageerror', (err) => problems.push(`uncaught exception in the page: ${err.message}`));
    };
    context.on('page', watch);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    return { context, guards };
}
