// The chat list: New chat, search (titles at once; message text through
// GET /search when the server has it) and the chats grouped by day.
import { h, iconButton, textButton, clear } from '../core/dom.js';
import { t } from '../core/i18n.js';
import { api } from '../core/api.js';
import { chatList } from '../chat/chatlist.js';
import { chatHash } from '../core/router.js';
import { groupChats } from './chatgroups.js';
import { serverOffers } from '../core/features.js';

let searchAvailable = null; // unknown until the first search

export function createSidebar({ onNewChat, onSettings, onUsage, onNavigate }) {
  const search = h('input', {
    type: 'search', class: 'search-field', 'aria-label': t('search.label'), placeholder: t('search.placeholder'),
    autocomplete: 'off', enterkeyhint: 'search',
  });
  const list = h('div', { class: 'chat-list' });
  const results = h('div', { class: 'search-results', hidden: true });
  const nav = h('nav', { class: 'chats-nav', 'aria-label': t('chats') }, list, results);
  const root = h('aside', { class: 'sidebar', id: 'sidebar' },
    h('div', { class: 'side-head' },
      h('span', { class: 'brand', text: 'Teehee' }),
      iconButton('plus', t('newChat'), onNewChat, { class: 'new-chat' })),
    h('div', { class: 'side-search' }, search),
    nav,
    h('div', { class: 'side-foot' }, textButton('usage', t('usage.title'), onUsage),
      textButton('settings', t('settings'), onSettings, { 'aria-label': t('settings') })));

  let currentId = null;
  let query = '';
  let searchTimer = 0;
  let searchSeq = 0;

  nav.addEventListener('click', (e) => {
    const link = e.target.closest('a[href^="#/chats/"]');
    if (link) onNavigate?.();
  });

  function render() {
    const focused = list.contains(document.activeElement) ? document.activeElement.getAttribute('href') : null;
    fill();
    if (focused) list.querySelector(`a[href="${CSS.escape(focused)}"]`)?.focus({ preventScroll: true });
  }

  function fill() {
    const chats = chatList.visible;
    const q = query.trim().toLowerCase();
    const shown = q ? chats.filter((c) => (c.name || '').toLowerCase().includes(q)) : chats;
    clear(list);
    if (!chatList.loaded) {
      list.append(h('p', { class: 'list-note', text: t('loading') }));
      return;
    }
    if (!shown.length) {
      list.append(h('p', { class: 'list-note', text: q ? t('search.noMatch') : t('noChats') }));
      return;
    }
    for (const group of groupChats(shown)) {
      const headingId = `grp-${group.key}`;
      list.append(h('section', { class: 'chat-group', 'aria-labelledby': headingId },
        h('h2', { class: 'group-title', id: headingId, text: group.label }),
        h('ul', { class: 'chat-items' }, group.chats.map((c) => chatItem(c)))));
    }
  }

  function chatItem(chat) {
    const link = h('a', {
      href: chatHash(chat.id), class: 'chat-link', 'aria-current': chat.id === currentId ? 'page' : null,
    }, h('span', { class: 'chat-name', text: chat.name || t('newChat') }));
    if (chatList.running.has(chat.id)) link.append(h('span', { class: 'running-dot', title: t('replying'), 'aria-hidden': 'true' }));
    return h('li', {}, link);
  }

  async function searchMessages(q) {
    const seq = ++searchSeq;
    if (searchAvailable === null && await serverOffers('/search') === false) searchAvailable = false;
    if (!q.trim() || searchAvailable === false) { results.hidden = true; return; }
    let answer;
    try {
      answer = await api(`/search?q=${encodeURIComponent(q.trim())}&limit=20`);
      searchAvailable = true;
    } catch (e) {
      if (e.status === 404 || e.status === 405) searchAvailable = false;
      results.hidden = true;
      return;
    }
    if (seq !== searchSeq) return;
    const hits = (answer?.results || []).filter((r) => r.message_id);
    clear(results);
    results.hidden = !hits.length;
    if (!hits.length) return;
    results.append(h('h2', { class: 'group-title', text: t('search.inMessages') }),
      h('ul', { class: 'chat-items' }, hits.map((r) => h('li', {},
        h('a', { href: chatHash(r.chat_id, r.message_id), class: 'chat-link result' },
          h('span', { class: 'chat-name', text: r.chat_name || t('newChat') }),
          h('span', { class: 'snippet', text: r.snippet || '' }))))));
  }

  search.addEventListener('input', () => {
    query = search.value;
    render();
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => searchMessages(query), 250);
  });
  search.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && search.value) {
      e.stopPropagation();
      search.value = '';
      query = '';
      results.hidden = true;
      render();
    }
  });

  const off = chatList.on('change', render);
  render();

  return {
    root,
    search,
    setCurrent(id) {
      currentId = id;
      for (const a of list.querySelectorAll('a.chat-link')) {
        if (a.getAttribute('href') === chatHash(id)) a.setAttribute('aria-current', 'page');
        else a.removeAttribute('aria-current');
      }
    },
    destroy() { off(); },
  };
}
