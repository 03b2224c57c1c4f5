// The longest main-thread task while a reply streams at 200 tokens/s (the fake provider sends
// 1,000 tokens 5 ms apart), from a Chromium trace (RunTask events of the renderer's main
// thread), with the CPU at full speed or slowed down. Long tasks (> 50 ms) are counted too.

import * as ui from '../../tests/web/lib/ui.mjs';

export const STREAM_PROMPT = 'Bench streaming [tokens=1000] [pace=5]';

export async function measureStreaming(env, account, { viewport, cpuRate, run }) {
    const context = await env.browser.newContext({ ...viewport });
    const page = await context.newPage();
    await ui.signIn(page, env.server.origin, account);
    await ui.newChat(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
    await env.browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    // A distinct prompt each run: the fake gives each its own text.
    await ui.send(page, `${STREAM_PROMPT} run ${run} cpu ${cpuRate}`);
    await ui.waitStatus(ui.lastArticle(page, 'Assistant'), 'complete');
    const trace = JSON.parse((await env.browser.stopTracing()).toString('utf8'));
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await context.close();
    return longestTask(trace.traceEvents ?? trace);
}

function longestTask(events) {
    const mainThreads = new Set(events
        .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
        .map((e) => `${e.pid}:${e.tid}`));
    let longest = 0;
    let over50 = 0;
    for (const e of events) {
        if (e.name !== 'RunTask' || e.ph !== 'X' || !mainThreads.has(`${e.pid}:${e.tid}`))
            continue;
        const ms = (e.dur ?? 0) / 1000;
        longest = Math.max(longest, ms);
        if (ms > 50)
            over50 += 1;
    }
    return { longest, over50 };
}
