// The messages of the active branch, windowed: the last WINDOW render at
// first and more as the reader scrolls up, so a 1,000-message chat opens at
// once. Streaming updates touch only the message being written, at most
// once per animation frame. The view follows the bottom unless the reader
// scrolled up; then "Jump to latest" appears.
import { h, frameThrottle } from '../core/dom.js';
import { icon } from '../core/icons.js';
import { t } from '../core/i18n.js';
import { createMessageView } from './message.js';

const WINDOW = 30;
const NEAR_BOTTOM = 80;

export function createMessageList(session, ctx) {
  const top = h('div', { class: 'feed-top' });
  const feed = h('div', { class: 'feed' }, top);
  const scroller = h('div', { class: 'scroller', tabIndex: -1 }, feed);
  const jump = h('button', { type: 'button', class: 'jump', hidden: true, onclick: () => toBottom(true) },
    icon('down'), h('span', { text: t('jumpToLatest') }));
  const root = h('div', { class: 'messages' }, scroller, jump);

  const views = new Map();
  let firstId = null;     // the first message rendered (the window's top)
  let stick = true;
  let pendingEl = null;
  const dirty = new Map(); // id → 'text' | 'reasoning' | 'all'

  const viewCtx = { ...ctx, session, tree: session.tree, busy: () => !!session.running || !!session.pending };

  function displayIds() {
    const { tree, pending } = session;
    if (pending) return pending.after ? tree.pathTo(pending.after) : [];
    return tree.path;
  }

  function atBottom() {
    return scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - NEAR_BOTTOM;
  }

  function toBottom(smooth = false) {
    stick = true;
    jump.hidden = true;
    scroller.scrollTo({ top: scroller.scrollHeight, behavior: smooth ? 'smooth' : 'instant' });
  }

  // Puts the wanted nodes in order after `top`, moving only what is out of place.
  function reconcile(nodes) {
    let cursor = top.nextSibling;
    for (const node of nodes) {
      if (node === cursor) { cursor = cursor.nextSibling; continue; }
      feed.insertBefore(node, cursor);
    }
    while (cursor) {
      const next = cursor.nextSibling;
      cursor.remove();
      cursor = next;
    }
  }

  function renderStructure({ keepTop = false } = {}) {
    const ids = displayIds();
    let start = firstId ? ids.indexOf(firstId) : -1;
    if (start < 0 || (!keepTop && ids.length - start > WINDOW * 3)) start = Math.max(0, ids.length - WINDOW);
    firstId = ids[start] || null;
    const wanted = ids.slice(start);
    const keep = new Set(wanted);
    for (const [id, view] of views) {
      if (!keep.has(id)) views.delete(id);
    }
    const nodes = wanted.map((id) => {
      let view = views.get(id);
      const msg = session.tree.get(id);
      if (!view || view.message !== msg) {
        view = createMessageView(msg, viewCtx);
        views.set(id, view);
      } else {
        view.update('all');
      }
      return view.el;
    });
    if (session.pending) {
      pendingEl = h('article', { class: 'msg user pending', 'aria-label': t('msg.you'), dataset: { status: 'sending' } },
        h('div', { class: 'bubble', text: session.pending.text }));
      nodes.push(pendingEl);
    } else {
      pendingEl = null;
    }
    reconcile(nodes);
    markFound();
    top.classList.toggle('more', start > 0);
    top.textContent = start > 0 ? t('loadingEarlier') : '';
    root.classList.toggle('is-empty', !nodes.length);
    if (stick) toBottom();
  }

  // Reveals WINDOW more messages above, keeping what is on screen in place.
  function revealEarlier() {
    const ids = displayIds();
    const start = firstId ? ids.indexOf(firstId) : 0;
    if (start <= 0) return;
    const before = scroller.scrollHeight;
    const scrolled = scroller.scrollTop;
    firstId = ids[Math.max(0, start - WINDOW)];
    renderStructure({ keepTop: true });
    scroller.scrollTop = scrolled + (scroller.scrollHeight - before);
  }

  const flush = frameThrottle(() => {
    const wasAtBottom = stick;
    let statusChanged = false;
    for (const [id, what] of dirty) {
      if (what === 'all') statusChanged = true;
      views.get(id)?.update(what);
    }
    dirty.clear();
    // A reply started or ended: the other messages' buttons follow (busy or not).
    if (statusChanged) for (const view of views.values()) view.update('all');
    if (wasAtBottom) scroller.scrollTop = scroller.scrollHeight;
  });

  const offs = [
    session.on('structure', () => renderStructure()),
    session.on('message', (id, what) => {
      const kind = what === 'status' ? 'all' : what;
      dirty.set(id, dirty.get(id) === 'all' ? 'all' : kind);
      flush();
    }),
  ];

  scroller.addEventListener('scroll', () => {
    stick = atBottom();
    jump.hidden = stick || !session.running;
    if (scroller.scrollTop < 400) revealEarlier();
  }, { passive: true });
  // The window grew or the keyboard opened: stay at the bottom if we were.
  // Markdown or colours arriving change heights too.
  const resize = new ResizeObserver(() => { if (stick) scroller.scrollTop = scroller.scrollHeight; });
  resize.observe(scroller);
  resize.observe(feed);

  // The message a search result asked for: marked for a moment, and kept
  // marked when a reload of the chat renders it anew.
  let found = null;
  let foundTimer = 0;
  function markFound() {
    const el = found && views.get(found)?.el;
    if (!el || el.dataset.found === 'true') return el;
    el.dataset.found = 'true';
    el.classList.add('found');
    if (!el.hasAttribute('tabindex')) el.tabIndex = -1;
    return el;
  }

  // Brings a message of the shown branch into view and marks it.
  function scrollToMessage(id) {
    const ids = displayIds();
    const at = ids.indexOf(id);
    if (at < 0) return;
    const start = firstId ? ids.indexOf(firstId) : 0;
    if (start < 0 || at < start) {
      firstId = ids[at];
      renderStructure({ keepTop: true });
    }
    found = id;
    const el = markFound();
    if (!el) return;
    stick = false;
    el.scrollIntoView({ block: 'center', behavior: 'instant' });
    el.focus({ preventScroll: true });
    clearTimeout(foundTimer);
    foundTimer = setTimeout(() => views.get(id)?.el.classList.remove('found'), 2500);
  }

  renderStructure();

  return {
    root,
    scroller,
    toBottom,
    scrollToMessage,
    refresh: () => renderStructure(),
    destroy() { offs.forEach((off) => off()); resize.disconnect(); clearTimeout(foundTimer); },
  };
}
