// The world a scenario runs in: one fake provider and one teehee-server for the whole run;
// per scenario and viewport a network proxy, a guarded browser context and a page.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { FakeProvider } from './fakeprovider.mjs';
import { startServer } from './server.mjs';
import { startDesktopShare } from './desktopshare.mjs';
import { NetProxy } from './netproxy.mjs';
import { launchBrowser, newGuardedContext } from './browser.mjs';
import { newAccount, Api } from './api.mjs';
import { Failure, Skip } from './check.mjs';
import { TEST_PRICES } from './prices.mjs';

// `desktopShare`: the desktop app's share host (teehee-webshare) instead of teehee-server,
// with the fake's key saved as the desktop owner's.
// `mcpServer`: the fake MCP server's binary; teehee-server lets accounts add stdio tool servers.
export async function startEnvironment({ serverBinary, desktopShare, mcpServer, verbose }) {
    const providerKey = `sk-fake-${randomBytes(12).toString('hex')}`;
    const fake = await new FakeProvider({ apiKey: providerKey }).start();
    let server;
    try {
        server = desktopShare
            ? await startDesktopShare({ binary: desktopShare, providerOrigin: fake.origin, ownerKey: providerKey, verbose })
            : await startServer({ binary: serverBinary, providerOrigin: fake.origin, prices: TEST_PRICES, verbose,
                extraEnv: { ALLOW_STDIO_TOOLS: 'true' } });
    } catch (e) {
        await fake.stop();
        throw e;
    }
    const browser = await launchBrowser();
    return {
        fake, server, browser, providerKey, desktopShare: Boolean(desktopShare), mcpServer,
        async stop() {
            await browser.close().catch(() => {});
            await server.stop();
            await fake.stop();
        },
    };
}

// A scenario's handle on everything: t.page, t.origin (the page's origin, through the proxy),
// t.account() for a fresh user with the fake's key, t.step() to name what it is doing.
class ScenarioContext {
    constructor(env, viewportName, context, guards, page, proxy) {
        Object.assign(this, { env, context, guards, page, proxy });
        this.viewport = viewportName;
        this.isPhone = viewportName === 'phone';
        this.origin = proxy.origin;
        this.serverOrigin = env.server.origin;
        this.share = env.desktopShare ? env.server : null; // the desktop share's handle (invitations, Approve)
        this.fake = env.fake;
        this.mcpServer = env.mcpServer;
        this.currentStep = '(start)';
        this.notes = [];
    }

    // Something the scenario could not check here, printed with its result.
    note(text) {
        this.notes.push(text);
    }

    account(label = 'user') {
        return newAccount(this.serverOrigin, this.env.providerKey, label);
    }

    api(token) {
        return new Api(this.serverOrigin, token);
    }

    async step(name, fn) {
        this.currentStep = name;
        return fn();
    }

    // A failed expectation that need not stop the scenario: reported with the others at the end.
    async soft(name, fn) {
        try {
            return await this.step(name, fn);
        } catch (e) {
            this.guards.problems.push(`step "${name}": ${e.message.replace(/\n\s*/g, ' | ')}`);
            return undefined;
        }
    }

    // Cuts the network of this scenario's page (the proxy closes its connections) or restores it.
    async setOffline(offline) {
        this.proxy.setOffline(offline);
        await this.context.setOffline(offline);
    }
}

function withTimeout(promise, ms, what) {
    let timer;
    return Promise.race([
        promise,
        new Promise((_, reject) => { timer = setTimeout(() => reject(new Failure(`${what} to finish within ${ms / 1000} s`, 'still running')), ms); }),
    ]).finally(() => clearTimeout(timer));
}

// Runs one scenario at one viewport: { ok, step, error, problems, screenshots, ms }.
export async function runScenario(env, scenario, viewportName, { outDir }) {
    const proxy = await new NetProxy(env.server.origin).start();
    const { context, guards } = await newGuardedContext(env.browser, {
        viewportName,
        // The share's certificate is self-signed: its fingerprint is checked apart (pinnedGet).
        ignoreHTTPSErrors: env.desktopShare,
        allowedOrigins: [proxy.origin, env.server.origin],
        allowConsole: scenario.allowConsole ?? [],
    });
    const page = await context.newPage();
    const t = new ScenarioContext(env, viewportName, context, guards, page, proxy);
    const started = Date.now();
    const result = { ok: true, step: null, error: null, problems: [], screenshots: [] };
    try {
        await withTimeout(scenario.run(t), scenario.timeoutMs ?? 240000, `scenario "${scenario.name}"`);
        await page.waitForTimeout(300); // late console errors and CSP reports
    } catch (e) {
        if (e instanceof Skip) {
            result.skipped = e.message;
            result.ms = Date.now() - started;
            await context.close().catch(() => {});
            await proxy.stop();
            return result;
        }
        result.ok = false;
        result.step = t.currentStep;
        result.error = e;
    }
    result.problems = [...guards.problems];
    if (result.problems.length)
        result.ok = false;
    if (!result.ok) {
        mkdirSync(outDir, { recursive: true });
        let n = 0;
        for (const p of context.pages()) {
            const file = join(outDir, `${scenario.name}-${viewportName}${n ? `-tab${n + 1}` : ''}.png`);
            n += 1;
            try {
                await p.screenshot({ path: file, fullPage: false, timeout: 10000 });
                result.screenshots.push(file);
            } catch { /* a closed or hung page: no picture */ }
        }
    }
    result.ms = Date.now() - started;
    result.notes = t.notes;
    await context.close().catch(() => {});
    await proxy.stop();
    return result;
}
