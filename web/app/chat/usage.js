// What replies used and cost, without DOM: one reply's usage, a chat's sum
// over every branch, how full the model's context window is, and the
// account's report from GET /usage.
import { api } from '../core/api.js';

const count = (n) => (Number.isFinite(n) && n >= 0 ? n : null);

// A reply's `content.usage` (or a `stream_complete` event's) → numbers, or
// null when the provider said nothing. `cost` is null when no price is known.
export function replyUsage(msg) {
  const u = msg?.usage;
  if (!u || typeof u !== 'object') return null;
  const input = count(u.input_tokens);
  const output = count(u.output_tokens);
  if (input === null && output === null) return null;
  return { input: input ?? 0, output: output ?? 0, cached: count(u.cached_tokens), cost: count(u.cost_usd) };
}

// The chat's total: every reply the tree holds, on every branch (the same
// sum as GET /usage?group_by=chat). Cost only over replies with a price.
export function chatUsage(tree) {
  const total = { input: 0, output: 0, cost: null, replies: 0 };
  for (const m of tree.byId.values()) {
    const u = m.role === 'assistant' ? replyUsage(m) : null;
    if (!u) continue;
    total.input += u.input;
    total.output += u.output;
    total.replies += 1;
    if (u.cost !== null) total.cost = (total.cost ?? 0) + u.cost;
  }
  return total;
}

// Tokens a text takes, roughly: a quarter of its characters.
export const estimateTokens = (text) => Math.ceil((text || '').length / 4);

// How much of the context window the shown branch uses: the last reply that
// reports usage (its input + output), plus an estimate for what came after it;
// with no usage at all, an estimate of the whole branch and the system prompt.
export function contextUse(tree, systemPrompt = '') {
  const path = tree.path.map((id) => tree.get(id)).filter(Boolean);
  let at = -1;
  for (let i = path.length - 1; i >= 0; i -= 1) {
    if (path[i].role === 'assistant' && replyUsage(path[i])) { at = i; break; }
  }
  let tokens = 0;
  let estimated = at < 0;
  if (at >= 0) {
    const u = replyUsage(path[at]);
    tokens = u.input + u.output;
  } else {
    tokens = estimateTokens(systemPrompt);
  }
  for (const m of path.slice(at + 1)) {
    if (!m.deleted) { tokens += estimateTokens(m.text); estimated = true; }
  }
  return { tokens, estimated };
}

const isoDay = (date) => date.toISOString().slice(0, 10);

// The last `days` days up to today (UTC days, as the server counts them).
export function lastDays(days, now = new Date()) {
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const from = new Date(to.getTime() - (days - 1) * 86400000);
  const list = [];
  for (let d = from.getTime(); d <= to.getTime(); d += 86400000) list.push(isoDay(new Date(d)));
  return { from: isoDay(from), to: isoDay(to), list };
}

// GET /usage per day and per model for a range: {totals, days, models, prices}.
export async function usageReport(days) {
  const range = lastDays(days);
  const query = `from=${range.from}&to=${range.to}`;
  const [byDay, byModel] = await Promise.all([
    api(`/usage?${query}&group_by=day`),
    api(`/usage?${query}&group_by=model`),
  ]);
  const known = new Map((byDay?.groups || []).map((g) => [g.key, g]));
  return {
    range,
    totals: byDay?.totals || { input_tokens: 0, output_tokens: 0 },
    days: range.list.map((day) => known.get(day) || { key: day, input_tokens: 0, output_tokens: 0, replies: 0 }),
    models: byModel?.groups || [],
    prices: byDay?.prices || null,
  };
}
