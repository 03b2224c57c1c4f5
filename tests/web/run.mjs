#!/usr/bin/env node
// Browser tests of Teehee's web client: headless Chromium (Debian's) against a real
// teehee-server and a fake OpenAI-compatible provider, at 390×844 (phone) and 1280×800 (desktop).
//
//   node tests/web/run.mjs --server build-test/app/teehee-server [--only stream,offline]
//        [--viewport phone|desktop] [--out DIR] [--screenshots DIR] [--verbose] [--list]
//
// Exits non-zero when any scenario fails. See README.md.

import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
    const args = { only: null, viewports: ['phone', 'desktop'], out: join(tmpdir(), 'teehee-web-results'), verbose: false };
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        const value = () => {
            if (i + 1 >= argv.length)
                throw new Error(`${a} needs a value`);
            return argv[++i];
        };
        if (a === '--server') args.server = resolve(value());
        else if (a === '--desktop-share') args.desktopShare = resolve(value());
        else if (a === '--mcp-server') args.mcpServer = resolve(value());
        else if (a === '--only') args.only = value().split(',').map((s) => s.trim()).filter(Boolean);
        else if (a === '--viewport') args.viewports = value().split(',');
        else if (a === '--out') args.out = resolve(value());
        else if (a === '--screenshots') args.screenshots = resolve(value());
        else if (a === '--verbose') args.verbose = true;
        else if (a === '--list') args.list = true;
        else if (a === '-h' || a === '--help') args.help = true;
        else throw new Error(`unknown argument ${a} (try --help)`);
    }
    args.server ??= process.env.TEEHEE_SERVER ?? resolve(here, '../../build-test/app/teehee-server');
    args.mcpServer ??= process.env.TEEHEE_FAKE_MCP ?? resolve(here, '../../build-test/tests/mcp/fakemcpserver');
    return args;
}

const HELP = `usage: node tests/web/run.mjs [--server PATH] [--only NAME[,NAME]] [--viewport phone|desktop]
                            [--out DIR] [--screenshots DIR] [--verbose] [--list] [--mcp-server PATH]
  --server       teehee-server binary (default: $TEEHEE_SERVER or build-test/app/teehee-server)
  --mcp-server   the fake MCP server (tests/mcp, fakemcpserver) the tools scenario adds over stdio
                 (default: $TEEHEE_FAKE_MCP or build-test/tests/mcp/fakemcpserver)
  --desktop-share  teehee-webshare binary: run the desktop-share scenarios against the desktop
                 app's share (TLS, self-signed) instead of teehee-server
  --only         run only these scenarios (see --list)
  --viewport     phone (390x844, touch), desktop (1280x800), or both (default)
  --out          where failure screenshots go (default: $TMPDIR/teehee-web-results)
  --screenshots  write README screenshots (phone/desktop, light/dark) into DIR instead of testing
  --verbose      echo the server's log`;

async function main() {
    const args = parseArgs(process.argv.slice(2));
    if (args.help) {
        console.log(HELP);
        return 0;
    }
    if (!existsSync(join(here, 'node_modules', 'playwright-core'))) {
        console.error(`web: ${join(here, 'node_modules')} is missing: run tests/web/setup.sh (npm ci) first`);
        return 2;
    }
    const { scenarios } = await import('./scenarios/index.mjs');
    if (args.list) {
        for (const s of scenarios)
            console.log(`${s.name.padEnd(14)} ${s.title}`);
        return 0;
    }
    if (args.desktopShare && !existsSync(args.desktopShare)) {
        console.error(`web: no teehee-webshare at ${args.desktopShare}`);
        return 2;
    }
    if (!args.desktopShare && !existsSync(args.server)) {
        console.error(`web: no teehee-server at ${args.server} (give --server)`);
        return 2;
    }
    const { startEnvironment, runScenario } = await import('./lib/harness.mjs');
    const env = await startEnvironment({ serverBinary: args.server, desktopShare: args.desktopShare, mcpServer: args.mcpServer, verbose: args.verbose });
    try {
        if (args.screenshots) {
            const { writeScreenshots } = await import('./screenshots.mjs');
            await writeScreenshots(env, args.screenshots);
            return 0;
        }
        return await runAll(env, args, scenarios, runScenario);
    } finally {
        await env.stop();
    }
}

// The server must serve the web client at "/" at all; otherwise every scenario would wait in vain.
async function preflight(env) {
    let res;
    let type = '';
    let body = '';
    if (env.desktopShare) {
        const { pinnedGet } = await import('./lib/desktopshare.mjs');
        res = await pinnedGet(`${env.server.origin}/`, env.server.fingerprint).catch((e) => ({ status: 0, error: e }));
        type = res.type ?? '';
        body = res.status === 200 ? res.body : String(res.error ?? '');
    } else {
        res = await fetch(`${env.server.origin}/`).catch((e) => ({ status: 0, error: e }));
        type = res.headers?.get('content-type') ?? '';
        body = res.status === 200 ? await res.text() : '';
    }
    if (res.status !== 200 || !type.startsWith('text/html') || !/<script[^>]+type="module"/.test(body)) {
        console.log(`FAIL  preflight: expected GET / to serve the web client (200, text/html, a module script)`);
        console.log(`      seen: ${res.status} ${type} ${body.slice(0, 120).replace(/\s+/g, ' ')}`);
        console.log('\nweb_client: 0 passed, 1 failed');
        return false;
    }
    return true;
}

async function runAll(env, args, scenarios, runScenario) {
    if (!(await preflight(env)))
        return 1;
    const unknown = (args.only ?? []).filter((n) => !scenarios.some((s) => s.name === n));
    if (unknown.length) {
        console.error(`web: no scenario named ${unknown.join(', ')} (try --list)`);
        return 2;
    }
    // The desktop share runs its own scenarios; teehee-server all the others.
    const selected = scenarios.filter((s) => Boolean(s.desktopShare) === Boolean(args.desktopShare)
        && (!args.only || args.only.includes(s.name)));
    let passed = 0;
    let skipped = 0;
    const failed = [];
    for (const scenario of selected) {
        for (const viewport of (scenario.viewports ?? ['phone', 'desktop']).filter((v) => args.viewports.includes(v))) {
            const r = await runScenario(env, scenario, viewport, { outDir: args.out });
            const label = `${scenario.name} (${viewport})`;
            if (r.skipped) {
                skipped += 1;
                console.log(`skip  ${label.padEnd(26)} ${scenario.title}: ${r.skipped}`);
                continue;
            }
            if (r.ok) {
                passed += 1;
                console.log(`ok    ${label.padEnd(26)} ${scenario.title} [${(r.ms / 1000).toFixed(1)} s]`);
                for (const n of r.notes)
                    console.log(`      note: ${n}`);
                continue;
            }
            failed.push(label);
            console.log(`FAIL  ${label.padEnd(26)} ${scenario.title}`);
            if (r.error) {
                console.log(`      at step: ${r.step}`);
                console.log(`      ${r.error.expected !== undefined ? r.error.message : (r.error.stack ?? r.error.message).split('\n').slice(0, 6).join('\n      ')}`);
            }
            const problems = new Map();
            for (const p of r.problems)
                problems.set(p, (problems.get(p) ?? 0) + 1);
            for (const [p, n] of [...problems].slice(0, 15))
                console.log(`      problem${n > 1 ? ` (${n}×)` : ''}: ${p}`);
            if (problems.size > 15)
                console.log(`      … and ${problems.size - 15} more kinds of problems`);
            for (const s of r.screenshots)
                console.log(`      screenshot: ${s}`);
        }
    }
    if (failed.length)
        console.log(`\nfailed: ${failed.join(', ')}`);
    if (failed.length && env.server.output().trim())
        console.log(`server log (last lines):\n${env.server.output().trim().split('\n').slice(-15).map((l) => `  ${l}`).join('\n')}`);
    console.log(`\nweb_client: ${passed} passed, ${failed.length} failed${skipped ? `, ${skipped} skipped` : ''}`);
    return failed.length ? 1 : 0;
}

main().then((code) => process.exit(code), (e) => {
    console.error(`web: ${e.stack ?? e}`);
    process.exit(2);
});
