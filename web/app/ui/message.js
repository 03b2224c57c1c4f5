// One message as an <article>: a user bubble (plain text) or an assistant
// reply (Markdown, thinking, notices), with its actions row.
import { h, iconButton, textButton, copyText } from '../core/dom.js';
import { t } from '../core/i18n.js';
import { describeError, providerName } from '../chat/errors.js';
import { renderReplyBody } from './messagebody.js';
import { renderToolCalls } from './toolcalls.js';
import { renderMessageAttachments } from './attachments.js';
import { openEditor } from './messageeditor.js';
import { icon } from '../core/icons.js';
import { createTip } from './tip.js';
import { replyUsage } from '../chat/usage.js';
import { formatCost, formatTokens } from '../core/format.js';

// "Tokens: 1,234 in (200 cached), 56 out · Cost: $0.0031", or null when the provider said nothing.
export function usageText(msg) {
  const u = replyUsage(msg);
  if (!u) return null;
  const tokens = u.cached
    ? t('usage.tokensCached', { input: formatTokens(u.input), cached: formatTokens(u.cached), output: formatTokens(u.output) })
    : t('usage.tokens', { input: formatTokens(u.input), output: formatTokens(u.output) });
  return `${tokens} · ${u.cost === null ? t('usage.noPrice') : t('usage.cost', { cost: formatCost(u.cost) })}`;
}

export function createMessageView(msg, ctx) {
  const isUser = msg.role === 'user';
  const el = h('article', {
    class: `msg ${isUser ? 'user' : 'assistant'}`, tabIndex: -1,
    'aria-label': isUser ? t('msg.you') : t('msg.assistant'),
    dataset: { messageId: msg.id },
  });
  const meta = isUser ? null : h('div', { class: 'msg-meta' });
  const thinking = isUser ? null : h('details', { class: 'thinking', hidden: true },
    h('summary', {}, h('span', { class: 'thinking-label' })), h('div', { class: 'thinking-text' }));
  const tools = isUser ? null : h('div', { class: 'tool-calls', hidden: true });
  const body = h('div', { class: isUser ? 'bubble' : 'reply markdown' });
  const notice = h('div', { class: 'notice', hidden: true });
  const actions = h('div', { class: 'actions' });
  el.append(...[meta, thinking, tools, body, notice, actions].filter(Boolean));

  let editing = null;
  // Made once and put back into the rebuilt actions row: an open tooltip stays open.
  const usageTip = isUser ? null : createTip({ label: t('usage.reply'), content: icon('usage'), className: 'usage-tip' });
  // Alt+← / Alt+→ switch between the versions of the focused message.
  el.addEventListener('keydown', (e) => {
    if (!e.altKey || editing || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return;
    if (ctx.tree.siblings(msg.id).length < 2 || ctx.busy()) return;
    e.preventDefault();
    ctx.session.switchVersion(msg.id, e.key === 'ArrowLeft' ? -1 : 1);
  });
  let shown = { text: null, status: null, reasoning: null };

  // A long reply re-parsed on every frame would starve a slow phone: while it
  // streams, renders are spaced by a few times what the last one cost.
  let lastCost = 0;
  let lastAt = 0;
  let catchUp = 0;

  function renderBody(force = false) {
    if (editing) return;
    const streaming = msg.status === 'streaming';
    if (!force && shown.text === msg.text && shown.status === msg.status) return;
    if (streaming && !force && !isUser && shown.status === 'streaming') {
      const wait = lastAt + lastCost * 4 - performance.now();
      if (wait > 0) {
        clearTimeout(catchUp);
        catchUp = setTimeout(() => renderBody(), wait);
        return;
      }
    }
    clearTimeout(catchUp);
    shown.text = msg.text;
    shown.status = msg.status;
    const started = performance.now();
    if (isUser) {
      body.textContent = msg.deleted ? t('msg.deleted') : msg.text;
      if (!msg.deleted) body.append(renderMessageAttachments(msg.attachments) || '');
    }
    else renderReplyBody(body, msg.deleted ? t('msg.deleted') : msg.text, streaming, () => renderBody(true));
    lastAt = performance.now();
    lastCost = lastAt - started;
    el.classList.toggle('empty', !msg.text && streaming);
  }

  function renderThinking() {
    if (!thinking) return;
    thinking.hidden = !msg.reasoning;
    const stillThinking = msg.status === 'streaming' && !msg.text;
    thinking.querySelector('.thinking-label').textContent = stillThinking ? t('thinking.now') : t('thinking');
    if (shown.reasoning === msg.reasoning) return;
    shown.reasoning = msg.reasoning;
    thinking.querySelector('.thinking-text').textContent = msg.reasoning;
  }

  let shownCalls = null;
  function renderTools() {
    if (!tools || shownCalls === msg.toolCalls) return;
    shownCalls = msg.toolCalls;
    renderToolCalls(tools, msg.deleted ? [] : msg.toolCalls);
  }

  function renderMeta() {
    if (!meta) return;
    const parts = [];
    if (msg.model) parts.push(msg.model);
    else if (msg.provider) parts.push(providerName(msg.provider));
    if (msg.status === 'streaming') parts.push(t('msg.writing'));
    meta.textContent = parts.join(' · ');
    const u = msg.usage;
    meta.title = u && (u.input_tokens >= 0 || u.output_tokens >= 0)
      ? t('msg.usage', { input: u.input_tokens ?? '?', output: u.output_tokens ?? '?' }) : '';
  }

  function renderNotice() {
    notice.replaceChildren();
    notice.hidden = true;
    notice.removeAttribute('role');
    if (isUser || msg.deleted) return;
    if (msg.status === 'aborted') {
      notice.hidden = false;
      notice.className = 'notice quiet';
      notice.append(h('span', { text: t('msg.stopped') }),
        textButton('continue', t('continue'), () => ctx.session.continueReply(msg.id), { disabled: ctx.busy() }));
    } else if (msg.status === 'error') {
      const words = describeError({ message: msg.error, reason: msg.errorReason, provider: msg.provider, retryAfter: msg.retryAfter });
      notice.hidden = false;
      notice.className = 'notice error';
      notice.append(h('span', { class: 'notice-text', text: words.text || t('msg.failed') }));
      if (words.action === 'settings') notice.append(textButton('settings', t('settings'), () => ctx.openSettings()));
      if (words.action === 'model') notice.append(textButton(null, t('pickModel'), () => ctx.openModelPicker()));
      // An empty failed reply is answered afresh in place; one with text can go on.
      notice.append(textButton('regenerate', t('retry'), () => (msg.text ? ctx.session.regenerate(msg.id) : ctx.session.continueReply(msg.id)), { disabled: ctx.busy() }));
      if (msg.text) notice.append(textButton('continue', t('continue'), () => ctx.session.continueReply(msg.id), { disabled: ctx.busy() }));
    }
  }

  function renderActions() {
    // Rebuilt on every change: keep keyboard focus on the same button.
    const focused = actions.contains(document.activeElement) ? document.activeElement.getAttribute('aria-label') : null;
    actions.replaceChildren();
    fillActions();
    if (focused) {
      const again = [...actions.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === focused && !b.disabled);
      (again || el).focus({ preventScroll: true });
    }
  }

  function fillActions() {
    const streaming = msg.status === 'streaming';
    const siblings = ctx.tree.siblings(msg.id);
    if (siblings.length > 1) {
      const index = siblings.indexOf(msg.id);
      actions.append(h('div', { class: 'switcher' },
        iconButton('left', t('version.previous'), () => ctx.session.switchVersion(msg.id, -1), { disabled: index <= 0 || ctx.busy() }),
        h('span', { class: 'version', 'aria-label': t('version.label', { n: index + 1, count: siblings.length }), text: `${index + 1} / ${siblings.length}` }),
        iconButton('right', t('version.next'), () => ctx.session.switchVersion(msg.id, 1), { disabled: index >= siblings.length - 1 || ctx.busy() })));
    }
    if (streaming || msg.deleted) return;
    actions.append(iconButton('copy', t('copy'), async (e) => {
      const button = e.currentTarget;
      const ok = await copyText(msg.text);
      button.title = ok ? t('copied') : t('copyFailed');
      button.classList.add('done');
      setTimeout(() => { button.title = t('copy'); button.classList.remove('done'); }, 1500);
    }));
    if (isUser) {
      actions.append(iconButton('edit', t('edit'), () => startEdit()));
    } else {
      actions.append(iconButton('regenerate', t('regenerate'), () => ctx.session.regenerate(msg.id), { disabled: ctx.busy() }));
      const words = usageText(msg);
      if (words) {
        usageTip.setText(words);
        actions.append(usageTip.root);
      }
    }
  }

  function startEdit() {
    if (editing) return;
    editing = openEditor(body, msg.text, {
      busy: ctx.busy,
      onSubmit: (text) => { stopEdit(); ctx.session.edit(msg.id, text); },
      onCancel: () => stopEdit(),
    });
    el.classList.add('editing');
  }

  function stopEdit() {
    editing = null;
    el.classList.remove('editing');
    renderBody(true);
    actions.querySelector('[aria-label="' + t('edit') + '"]')?.focus();
  }

  function update(what = 'all') {
    el.dataset.status = msg.status === 'error' ? 'failed' : msg.status;
    if (what === 'text') { renderBody(); renderMeta(); return; }
    if (what === 'reasoning') { renderThinking(); return; }
    if (what === 'tools') { renderTools(); return; }
    renderMeta();
    renderThinking();
    renderTools();
    renderBody();
    renderNotice();
    renderActions();
  }

  update();
  return { el, update, get editing() { return !!editing; }, message: msg };
}
