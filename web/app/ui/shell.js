// The signed-in frame: the sidebar (beside the conversation on wide
// screens, a drawer on phones), the header with the chat's actions, the
// offline status and the live region that announces finished replies.
import { h, iconButton } from '../core/dom.js';
import { t } from '../core/i18n.js';
import { createSidebar } from './sidebar.js';
import { mountToasts } from './toast.js';

const wide = matchMedia('(min-width: 900px)');

export function createShell(actions) {
  const sidebar = createSidebar({
    onNewChat: () => { closeDrawer(); actions.onNewChat(); },
    onSettings: () => { closeDrawer(); actions.onSettings(); },
    onUsage: () => { closeDrawer(); actions.onUsage(); },
    onNavigate: () => closeDrawer(),
  });
  const title = h('h1', { class: 'chat-title', text: '' });
  // What the open chat's replies used and cost, under its name.
  const usageLine = h('p', { class: 'chat-usage', role: 'note', 'aria-label': t('usage.chat'), hidden: true });
  const heading = h('div', { class: 'chat-heading' }, title, usageLine);
  const drawerButton = iconButton('sidebar', t('showChats'), () => openDrawer(), {
    class: 'only-narrow', 'aria-controls': 'sidebar', 'aria-expanded': 'false',
  });
  // The chat's own actions: in the bar on wide screens; on phones behind
  // "Chat actions", so the bar keeps one row and the title its room.
  const toolsMenu = h('div', { class: 'chat-tools-menu', id: 'chat-tools-menu' },
    iconButton('edit', t('rename'), () => runTool(actions.onRename)),
    iconButton('fork', t('fork'), () => runTool(actions.onFork)),
    iconButton('download', t('exportMarkdown'), () => runTool(actions.onExportMarkdown)),
    iconButton('download', t('exportJson'), () => runTool(actions.onExportJson)),
    iconButton('delete', t('delete'), () => runTool(actions.onDelete)));
  const moreButton = iconButton('more', t('chatActions'), () => setToolsOpen(!toolsOpen()), {
    class: 'only-phone', 'aria-controls': 'chat-tools-menu', 'aria-expanded': 'false',
  });
  const chatTools = h('div', { class: 'chat-tools', hidden: true }, moreButton, toolsMenu);
  const header = h('header', { class: 'topbar' },
    drawerButton, heading,
    iconButton('plus', t('newChat'), () => actions.onNewChat(), { class: 'only-narrow' }),
    iconButton('settings', t('settings'), () => actions.onSettings(), { class: 'only-narrow' }),
    chatTools);

  function toolsOpen() { return chatTools.classList.contains('open'); }
  function setToolsOpen(open) {
    chatTools.classList.toggle('open', open);
    moreButton.setAttribute('aria-expanded', String(open));
  }
  function runTool(action) {
    const fromMenu = toolsOpen();
    setToolsOpen(false);
    if (fromMenu) moreButton.focus({ preventScroll: true });
    action();
  }
  chatTools.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && toolsOpen()) { setToolsOpen(false); moreButton.focus(); e.stopPropagation(); }
  });
  document.addEventListener('pointerdown', (e) => { if (toolsOpen() && !chatTools.contains(e.target)) setToolsOpen(false); });
  const offline = h('div', { class: 'offline', role: 'status' });
  const main = h('main', { class: 'conversation', id: 'main' });
  const column = h('div', { class: 'column' }, header, offline, main);
  const backdrop = h('div', { class: 'backdrop', onclick: () => closeDrawer() });
  const announcer = h('div', { class: 'sr-only', 'aria-live': 'polite' });
  const root = h('div', { class: 'shell' }, sidebar.root, backdrop, column, announcer);
  mountToasts(root);

  let isOffline = false;
  let reconnecting = false;
  function showStatus() {
    const text = isOffline ? t('offline') : reconnecting ? t('reconnecting') : '';
    if (offline.textContent !== text) offline.textContent = text;
    offline.classList.toggle('shown', !!text);
  }

  function openDrawer() {
    if (wide.matches) return;
    root.classList.add('drawer-open');
    column.inert = true;
    drawerButton.setAttribute('aria-expanded', 'true');
    (sidebar.root.querySelector('[aria-current="page"]') || sidebar.search).focus();
  }

  function closeDrawer() {
    if (!root.classList.contains('drawer-open')) return;
    root.classList.remove('drawer-open');
    column.inert = false;
    drawerButton.setAttribute('aria-expanded', 'false');
    drawerButton.focus({ preventScroll: true });
  }

  sidebar.root.addEventListener('keydown', (e) => { if (e.key === 'Escape') closeDrawer(); });
  wide.addEventListener('change', () => { if (wide.matches) closeDrawer(); });

  return {
    root,
    main,
    sidebar,
    setTitle(text) { title.textContent = text; document.title = text ? `${text} · Teehee` : 'Teehee'; },
    // text '' hides the line; `detail` is its tooltip.
    setChatUsage(text, detail = '') {
      usageLine.hidden = !text;
      usageLine.textContent = text;
      usageLine.title = detail;
    },
    setChatTools(visible, { canFork = true } = {}) {
      chatTools.hidden = !visible;
      if (!visible) setToolsOpen(false);
      toolsMenu.children[1].disabled = !canFork;
    },
    // Offline wins over reconnecting; both say the reply goes on.
    setOffline(offlineNow) {
      isOffline = offlineNow;
      showStatus();
    },
    setReconnecting(value) {
      reconnecting = value;
      showStatus();
    },
    announce(text) {
      // Cleared first so the same words are read again for the next reply.
      announcer.textContent = '';
      setTimeout(() => { announcer.textContent = text; }, 50);
    },
    closeDrawer,
    focusSearch() {
      if (!wide.matches) openDrawer();
      sidebar.search.focus();
      sidebar.search.select();
    },
    destroy() { sidebar.destroy(); },
  };
}
