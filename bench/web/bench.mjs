#!/usr/bin/env node
// Web client bench: prints (never asserts) what web.md sets targets for:
//   1. bytes of a first visit, compressed, before the Markdown part is fetched and in total;
//   2. time to open a 1,000-message chat with the CPU slowed down 4× (phone-class);
//   3. the longest main-thread task while a reply streams at 200 tokens/s.
// Median of --runs runs (default 3). Uses tests/web's playwright-core, fake provider and
// server starter (run tests/web/setup.sh first).
//
//   node bench/web/bench.mjs [--server build-test/app/teehee-server] [--runs 3] [--messages 1000]

import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEnvironment } from '../../tests/web/lib/harness.mjs';
import { newAccount } from '../../tests/web/lib/api.mjs';
import { VIEWPORTS } from '../../tests/web/lib/browser.mjs';
import { seedLongChat, seedSmallChat, seedMarkdownChat } from './seed.mjs';
import { measureFirstLoad } from './firstload.mjs';
import { measureOpenInApp, measureOpenAsPageLoad } from './bigchat.mjs';
import { measureStreaming } from './streaming.mjs';

const here = dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
    const args = { server: process.env.TEEHEE_SERVER ?? resolve(here, '../../build-test/app/teehee-server'), runs: 3, messages: 1000 };
    for (let i = 0; i < argv.length; i++) {
        if (argv[i] === '--server') args.server = resolve(argv[++i]);
        else if (argv[i] === '--runs') args.runs = Number(argv[++i]);
        else if (argv[i] === '--messages') args.messages = Number(argv[++i]);
        else throw new Error(`unknown argument ${argv[i]}`);
    }
    return args;
}

const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const cpuLabel = (rate) => (rate === 1 ? 'CPU at full speed' : `CPU ${rate}× slower`);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (x) => `${x.toFixed(0)} ms`;

async function repeat(n, fn) {
    const out = [];
    for (let i = 0; i < n; i++)
        out.push(await fn(i));
    return out;
}

async function main() {
    const args = parseArgs(process.argv.slice(2));
    const env = await startEnvironment({ serverBinary: args.server });
    try {
        const account = await newAccount(env.server.origin, env.providerKey, 'bench');
        const phone = VIEWPORTS.phone;
        console.log(`web bench: Chromium ${env.browser.version()}, median of ${args.runs} runs, phone viewport 390×844`);

        const mdChat = await seedMarkdownChat(account.api);
        const loads = await repeat(args.runs, () => measureFirstLoad(env, account, mdChat, phone));
        console.log('\n1. First visit, bytes on the wire (headers included; content-encoding seen: %s)', loads[0].encodings);
        console.log(`   app shell before Markdown: ${kb(median(loads.map((l) => l.shell)))} (${loads[0].shellFiles} files)`);
        console.log(`   Markdown part:             ${kb(median(loads.map((l) => l.markdown)))} (${loads[0].markdownFiles} files)`);
        console.log(`   app total:                 ${kb(median(loads.map((l) => l.shell + l.markdown)))}`);
        console.log(`   API answers:               ${kb(median(loads.map((l) => l.api)))} (${loads[0].apiCalls} requests)`);
        console.log(`   largest: ${loads[0].largest.map(([b, p]) => `${p} ${kb(b)}`).join(', ')}`);

        const seedStart = Date.now();
        const { id: big, how } = await seedLongChat(account.api, args.messages);
        const small = await seedSmallChat(account.api);
        console.log(`\n2. Opening a ${args.messages}-message chat (seeded with ${how} in ${((Date.now() - seedStart) / 1000).toFixed(1)} s), `
            + 'until its last message is on screen');
        for (const cpuRate of [4, 1]) {
            const inApp = await repeat(args.runs, () => measureOpenInApp(env, account, big, small, { viewport: phone, cpuRate }));
            const load = await repeat(args.runs, () => measureOpenAsPageLoad(env, account, big, { viewport: phone, cpuRate }));
            console.log(`   ${cpuLabel(cpuRate)}: in the app ${ms(median(inApp))} (runs: ${inApp.map(ms).join(', ')}); `
                + `as a page load ${ms(median(load))} (runs: ${load.map(ms).join(', ')})`);
        }

        console.log('\n3. Longest main-thread task while streaming 200 tokens/s (1,000 tokens)');
        for (const cpuRate of [1, 4]) {
            const runs = await repeat(args.runs, (run) => measureStreaming(env, account, { viewport: phone, cpuRate, run }));
            console.log(`   ${cpuLabel(cpuRate)}: longest task ${ms(median(runs.map((r) => r.longest)))} `
                + `(runs: ${runs.map((r) => ms(r.longest)).join(', ')}); tasks over 50 ms: ${runs.map((r) => r.over50).join(', ')}`);
        }
    } finally {
        await env.stop();
    }
}

main().catch((e) => {
    console.error(`bench: ${e.stack ?? e}`);
    process.exit(1);
});
