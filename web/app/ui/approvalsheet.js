// Tool calls waiting for this account's approval, asked on whichever device is
// open: a bottom sheet with the tool, its server and its arguments (escaped,
// scrollable) and Allow once / Always allow / Deny. It goes when the call is
// answered here or on another device (tool_approval_answered); a 409 means
// another device was first.
import { h } from '../core/dom.js';
import { t } from '../core/i18n.js';
import { api, enc } from '../core/api.js';
import { describeApiError } from '../chat/errors.js';
import { prettyArguments } from './toolcalls.js';
import { showToast } from './toast.js';

export class ApprovalPrompts {
  #waiting = new Map(); // call_id → {call_id, server, tool, arguments, chat_id, message_id}
  #sheet = null;
  #shownId = null;
  #sending = false;

  // An /events message; true when it was one of ours.
  handle(e) {
    if (e.type === 'tool_approval_requested') { this.add(e); return true; }
    if (e.type === 'tool_approval_answered') { this.remove(e.call_id); return true; }
    return false;
  }

  add(request) {
    if (!request?.call_id || this.#waiting.has(request.call_id)) return;
    this.#waiting.set(request.call_id, request);
    this.#render();
  }

  remove(callId) {
    if (!this.#waiting.delete(callId)) return;
    this.#render();
  }

  // GET /tool-calls on load and after a reconnect: what is still waiting replaces what we knew.
  async load() {
    let list;
    try { list = await api('/tool-calls'); } catch { return; }
    if (!Array.isArray(list)) return;
    const ids = new Set(list.map((c) => c.call_id));
    for (const id of [...this.#waiting.keys()]) if (!ids.has(id)) this.#waiting.delete(id);
    for (const c of list) if (!this.#waiting.has(c.call_id)) this.#waiting.set(c.call_id, c);
    this.#render();
  }

  destroy() {
    this.#waiting.clear();
    this.#sheet?.remove();
    this.#sheet = null;
  }

  async #answer(callId, decision) {
    if (this.#sending) return;
    this.#sending = true;
    this.#render();
    try {
      await api(`/tool-calls/${enc(callId)}/approval`, { method: 'POST', body: { decision } });
      this.#waiting.delete(callId);
    } catch (e) {
      if (e.status === 409 || e.status === 404) {
        this.#waiting.delete(callId);
        showToast(t('tools.answeredElsewhere'));
      } else {
        showToast(describeApiError(e).text);
      }
    } finally {
      this.#sending = false;
      this.#render();
    }
  }

  #render() {
    const next = this.#waiting.values().next().value;
    if (!next) {
      this.#sheet?.remove();
      this.#sheet = null;
      this.#shownId = null;
      return;
    }
    if (this.#sheet && this.#shownId === next.call_id) {
      this.#sheet.querySelectorAll('button').forEach((b) => { b.disabled = this.#sending; });
      this.#updateMore();
      return;
    }
    const hadFocus = this.#sheet?.contains(document.activeElement);
    this.#sheet?.remove();
    this.#shownId = next.call_id;
    const title = h('h2', { class: 'approval-title', id: 'approval-title', text: t('tools.approval.title') });
    const button = (label, decision, cls) => h('button', { type: 'button', class: `btn ${cls}`, text: label,
      disabled: this.#sending, onclick: () => this.#answer(next.call_id, decision) });
    const args = prettyArguments(next.arguments);
    this.#sheet = h('div', { class: 'approval-sheet', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'approval-title',
      dataset: { callId: String(next.call_id) } },
    title,
    h('p', { class: 'approval-what' },
      h('span', { class: 'approval-tool', text: String(next.tool ?? '') }),
      h('span', { class: 'approval-server', text: t('tools.approval.from', { server: String(next.server ?? '') }) })),
    h('p', { class: 'approval-label', text: t('tools.arguments') }),
    h('pre', { class: 'approval-args', tabIndex: 0, 'aria-label': t('tools.arguments'), text: args || '{}' }),
    h('p', { class: 'approval-more hint' }),
    h('div', { class: 'approval-actions' },
      button(t('tools.deny'), 'deny', 'danger'),
      button(t('tools.allowAlways'), 'allow_always', ''),
      button(t('tools.allowOnce'), 'allow_once', 'primary')));
    document.body.append(this.#sheet);
    this.#updateMore();
    if (hadFocus) this.#sheet.querySelector('.primary')?.focus();
  }

  #updateMore() {
    const more = this.#sheet?.querySelector('.approval-more');
    if (!more) return;
    const count = this.#waiting.size - 1;
    more.hidden = count < 1;
    more.textContent = count > 0 ? t('tools.approval.more', { count }) : '';
  }
}
