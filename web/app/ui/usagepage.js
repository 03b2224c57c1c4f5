// The Usage page (#/usage): what the account's replies used and cost over
// the last 7 or 30 days, a bar per day and a table per model (GET /usage).
import { h, clear } from '../core/dom.js';
import { t } from '../core/i18n.js';
import { settings } from '../core/settings.js';
import { usageReport } from '../chat/usage.js';
import { describeApiError } from '../chat/errors.js';
import { formatCost, formatDay, formatTokens } from '../core/format.js';

const RANGES = [7, 30];

const costOrDash = (g) => (typeof g.cost_usd === 'number' ? formatCost(g.cost_usd) : t('usage.noCost'));

export function openUsagePage(shell) {
  shell.setTitle(t('usage.title'));
  shell.setChatTools(false);
  shell.setChatUsage('');
  let days = RANGES.includes(settings.get('usageDays')) ? settings.get('usageDays') : 7;
  let seq = 0;

  const range = h('fieldset', { class: 'choice-group usage-range' }, h('legend', { class: 'sr-only', text: t('usage.range') }),
    RANGES.map((n) => {
      const input = h('input', { type: 'radio', name: 'usage-range', value: String(n), checked: n === days });
      input.addEventListener('change', () => { days = n; settings.set({ usageDays: n }); load(); });
      return h('label', { class: 'choice' }, input, h('span', { text: t('usage.lastDays', { n }) }));
    }));
  const body = h('div', { class: 'usage-body', 'aria-live': 'polite' });
  const page = h('div', { class: 'usage-page' }, h('h2', { class: 'usage-heading', text: t('usage.title') }), range, body);
  shell.main.replaceChildren(h('div', { class: 'messages' }, h('div', { class: 'scroller' }, page)));

  async function load() {
    const mine = ++seq;
    clear(body).append(h('p', { class: 'hint', text: t('loading') }));
    let report;
    try {
      report = await usageReport(days);
    } catch (e) {
      if (mine === seq) clear(body).append(h('p', { class: 'hint', role: 'alert', text: describeApiError(e).text }));
      return;
    }
    if (mine !== seq) return;
    clear(body);
    const totals = report.totals;
    if (!report.models.length) {
      body.append(h('p', { class: 'usage-empty', text: t('usage.empty') }));
      return;
    }
    body.append(summary(totals), dayBars(report.days), modelTable(report.models));
    if (report.prices?.as_of) body.append(h('p', { class: 'hint', text: t('usage.pricesAsOf', { date: formatDay(report.prices.as_of, 'long') }) }));
  }

  load();
  return { destroy() { seq += 1; } };
}

function summary(totals) {
  const item = (label, value) => h('div', { class: 'usage-total' }, h('dt', { text: label }), h('dd', { text: value }));
  return h('dl', { class: 'usage-totals', 'aria-label': t('usage.totals') },
    item(t('usage.input'), formatTokens(totals.input_tokens)),
    item(t('usage.output'), formatTokens(totals.output_tokens)),
    item(t('usage.costLabel'), costOrDash(totals)));
}

// One bar per day, as tall as that day's tokens (input + output) against the busiest day.
function dayBars(list) {
  const most = Math.max(1, ...list.map((d) => d.input_tokens + d.output_tokens));
  const every = list.length > 10 ? 7 : 1; // labels that fit under thirty thin bars, counted back from today
  return h('figure', { class: 'usage-chart' },
    h('figcaption', { text: t('usage.perDay') }),
    h('ol', { class: 'usage-days' }, list.map((d, i) => {
      const tokens = d.input_tokens + d.output_tokens;
      const words = t('usage.dayDetail', { day: formatDay(d.key, 'long'), tokens: formatTokens(tokens), cost: costOrDash(d) });
      const bar = h('span', { class: 'usage-bar' });
      bar.style.height = `${((tokens / most) * 100).toFixed(1)}%`;
      return h('li', { class: 'usage-day', title: words },
        h('span', { class: 'usage-bar-box' }, bar),
        h('span', { class: 'usage-day-label', 'aria-hidden': 'true', text: (list.length - 1 - i) % every === 0 ? formatDay(d.key) : '' }),
        h('span', { class: 'sr-only', text: words }));
    })));
}

function modelTable(models) {
  const cell = (text, cls = 'num') => h('td', { class: cls, text });
  return h('div', { class: 'usage-table-box' }, h('table', { class: 'usage-models' },
    h('caption', { text: t('usage.perModel') }),
    h('thead', {}, h('tr', {}, [t('model'), t('usage.replies'), t('usage.input'), t('usage.output'), t('usage.costLabel')]
      .map((text, i) => h('th', { scope: 'col', class: i ? 'num' : '', text })))),
    h('tbody', {}, models.map((g) => h('tr', {},
      h('th', { scope: 'row', text: g.key || t('usage.unknownModel') }),
      cell(formatTokens(g.replies)), cell(formatTokens(g.input_tokens)), cell(formatTokens(g.output_tokens)), cell(costOrDash(g)))))));
}
