// The tool calls of a reply: one compact block each (server · tool, status,
// the arguments pretty-printed, the result folded). Arguments and results are
// untrusted text: they only ever become textContent.
import { h } from '../core/dom.js';
import { t } from '../core/i18n.js';

// Arguments as indented JSON; a string the server could not parse stays as it is.
export function prettyArguments(args) {
  if (args === undefined || args === null) return '';
  if (typeof args === 'string') {
    try { return JSON.stringify(JSON.parse(args), null, 2); } catch { return args; }
  }
  try { return JSON.stringify(args, null, 2); } catch { return String(args); }
}

const STATUS_KEYS = {
  awaiting_approval: 'tools.status.awaiting', running: 'tools.status.running',
  ok: 'tools.status.ok', error: 'tools.status.error', denied: 'tools.status.denied',
};

function statusText(status) {
  return STATUS_KEYS[status] ? t(STATUS_KEYS[status]) : String(status || '');
}

function callBlock(call) {
  const name = `${call.server || '?'} · ${call.tool || '?'}`;
  const block = h('section', { class: 'tool-call', 'aria-label': t('tools.call', { name }),
    dataset: { callId: String(call.call_id), status: String(call.status || '') } },
  h('div', { class: 'tool-call-head' },
    h('span', { class: 'tool-call-name', text: name }),
    h('span', { class: 'tool-call-status', text: statusText(call.status) })));
  const args = prettyArguments(call.arguments);
  if (args && args !== '{}') block.append(h('pre', { class: 'tool-call-args', text: args }));
  if (typeof call.content === 'string') {
    block.append(h('details', { class: 'tool-call-result' },
      h('summary', { text: t('tools.result') }),
      h('pre', { text: call.content })));
  }
  return block;
}

// Fills `root` with the calls; hidden when there are none.
export function renderToolCalls(root, calls) {
  root.hidden = !calls?.length;
  root.replaceChildren(...(calls || []).map(callBlock));
}
