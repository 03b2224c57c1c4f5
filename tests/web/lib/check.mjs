// Assertions that say what was expected and what was seen. Waiting is generous (the machine
// may be slow and shared); nothing here asserts on wall-clock durations.

export const WAIT_MS = Number(process.env.TEEHEE_WEB_WAIT_MS || 30000);

export class Failure extends Error {
    constructor(expected, seen) {
        super(`expected ${expected}\n      seen:    ${seen}`);
        this.expected = expected;
        this.seen = seen;
    }
}

export function check(condition, expected, seen) {
    if (!condition)
        throw new Failure(expected, typeof seen === 'function' ? seen() : seen);
}

export function same(actual, wanted, what) {
    if (actual !== wanted)
        throw new Failure(`${what} to be ${JSON.stringify(wanted)}`, JSON.stringify(actual));
}

// Calls probe() until it answers { ok: true }; on timeout fails with the last thing seen.
// probe returns { ok, seen } (seen: a short description of the current state).
export async function waitUntil(expected, probe, { timeout = WAIT_MS, interval = 100 } = {}) {
    const deadline = Date.now() + timeout;
    let last = { ok: false, seen: '(nothing yet)' };
    for (;;) {
        try {
            last = await probe();
        } catch (e) {
            last = { ok: false, seen: `error while looking: ${e.message.split('\n')[0]}` };
        }
        if (last.ok)
            return last;
        if (Date.now() > deadline)
            throw new Failure(expected, last.seen);
        await new Promise((r) => setTimeout(r, interval));
    }
}

function describeLocator(locator) {
    return String(locator).replace(/^Locator@/, '');
}

// Waits for a locator to be visible (the first match).
export async function visible(locator, what, { timeout = WAIT_MS } = {}) {
    try {
        await locator.first().waitFor({ state: 'visible', timeout });
    } catch {
        const n = await locator.count().catch(() => 0);
        throw new Failure(`${what} to be visible (${describeLocator(locator)})`,
            n === 0 ? 'no such element' : `${n} matching element(s), none visible`);
    }
    return locator.first();
}

export async function hidden(locator, what, { timeout = WAIT_MS } = {}) {
    try {
        await locator.first().waitFor({ state: 'hidden', timeout });
    } catch {
        throw new Failure(`${what} to be gone (${describeLocator(locator)})`, 'still visible');
    }
}

export function normalize(text) {
    return String(text ?? '').replace(/\s+/g, ' ').trim();
}

// Checks that every numbered token `${tag}-NNN` (1..count) appears exactly once, in order, in `text`.
// Returns null when it does, else a description of what is missing or repeated.
export function tokenProblems(text, tag, count) {
    const found = [...String(text).matchAll(new RegExp(`${tag}-(\\d{3})`, 'g'))].map((m) => Number(m[1]));
    const counts = new Map();
    for (const n of found)
        counts.set(n, (counts.get(n) ?? 0) + 1);
    const missing = [];
    const repeated = [];
    for (let i = 1; i <= count; i++) {
        const c = counts.get(i) ?? 0;
        if (c === 0)
            missing.push(i);
        else if (c > 1)
            repeated.push(`${i}×${c}`);
    }
    const outOfOrder = found.some((n, i) => i > 0 && n <= found[i - 1]);
    if (!missing.length && !repeated.length && !outOfOrder && found.length === count)
        return null;
    const parts = [];
    if (missing.length)
        parts.push(`missing tokens ${summarize(missing)}`);
    if (repeated.length)
        parts.push(`repeated tokens ${repeated.slice(0, 10).join(', ')}${repeated.length > 10 ? ' …' : ''}`);
    if (outOfOrder)
        parts.push('tokens out of order');
    parts.push(`${found.length} tokens of ${count}`);
    return parts.join('; ');
}

function summarize(numbers) {
    if (numbers.length <= 8)
        return numbers.join(', ');
    return `${numbers.slice(0, 4).join(', ')} … ${numbers.slice(-2).join(', ')} (${numbers.length} in all)`;
}

// Thrown when a scenario cannot run here (e.g. the server lacks a feature yet): reported, not failed.
export class Skip extends Error {}
