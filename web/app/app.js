// The signed-in app: the shell, the chat list and its live events, the page
// for the current route, and the chat-wide actions (rename, fork, delete).
import { t } from './core/i18n.js';
import { router, chatHash } from './core/router.js';
import { net } from './core/netstatus.js';
import { chatList } from './chat/chatlist.js';
import { describeApiError } from './chat/errors.js';
import { AccountEvents } from './live/accountevents.js';
import { createShell } from './ui/shell.js';
import { openChatPage } from './ui/chatpage.js';
import { openHomePage } from './ui/homepage.js';
import { openUsagePage } from './ui/usagepage.js';
import { openSettings } from './ui/settingsdialog.js';
import { promptDialog } from './ui/dialog.js';
import { showToast } from './ui/toast.js';
import { askToApprovePairing } from './ui/devices.js';
import { download } from './core/transfer.js';
import { ApprovalPrompts } from './ui/approvalsheet.js';

let app = null;
const pendingDeletes = new Map(); // chat id → its toast

export function startApp(root, { onLanguage, onSignOut }) {
  stopApp();
  const settingsDialog = () => openSettings({ onSignOut, onLanguage, onUsage: () => router.go('#/usage') });
  const shell = createShell({
    onNewChat: () => {
      if (router.current.name === 'home') app?.page?.focus?.();
      router.go('#/');
    },
    onSettings: settingsDialog,
    onUsage: () => router.go('#/usage'),
    onRename: () => renameChat(),
    onFork: () => forkChat(),
    onExportMarkdown: () => exportChat('markdown', 'md'),
    onExportJson: () => exportChat('json', 'json'),
    onDelete: () => deleteChat(router.current.id),
  });
  root.replaceChildren(shell.root);
  const account = new AccountEvents();
  const approvals = new ApprovalPrompts();
  const offs = [
    account.on('message', (e) => {
      if (e.type === 'pair_requested') askToApprovePairing(e);
      else if (!approvals.handle(e)) chatList.apply(e);
    }),
    account.on('open', (reopened) => {
      approvals.load(); // on every (re)connect: requests made while we were away
      if (reopened) chatList.load().catch(() => {});
    }),
    () => approvals.destroy(),
    chatList.on('change', () => {
      const id = router.current.id;
      const chat = id && chatList.find(id);
      if (chat) shell.setTitle(chat.name);
    }),
    chatList.on('removed', (id) => {
      if (router.current.id === id && !pendingDeletes.has(id)) {
        showToast(t('chatGone'));
        router.go('#/', { replace: true });
      }
    }),
    net.on('change', (online) => shell.setOffline(!online)),
    router.on('change', () => showRoute()),
    keyboardShortcuts(shell, settingsDialog),
  ];
  app = { shell, account, offs, page: null, settingsDialog };
  shell.setOffline(!net.online);
  chatList.load().catch((e) => showToast(describeApiError(e).text));
  account.start();
  showRoute();
}

export function stopApp() {
  if (!app) return;
  app.page?.destroy();
  app.offs.forEach((off) => off());
  app.account.stop();
  app.shell.destroy();
  chatList.reset();
  app = null;
}

function showRoute() {
  if (!app) return;
  const route = router.current;
  if (route.name === 'pair') return;
  // A search result in the chat already open: no reload, just go to the message.
  if (route.name === 'chat' && route.message && app.page?.chatId === route.id) {
    app.page.showMessage(route.message);
    return;
  }
  app.page?.destroy();
  if (route.name === 'chat' && !chatList.hidden.has(route.id)) {
    app.page = openChatPage(app.shell, route.id, { openSettings: app.settingsDialog, message: route.message });
    app.shell.sidebar.setCurrent(route.id);
  } else if (route.name === 'usage') {
    app.page = openUsagePage(app.shell);
    app.shell.sidebar.setCurrent(null);
  } else {
    app.page = openHomePage(app.shell);
    app.shell.sidebar.setCurrent(null);
  }
}

async function renameChat() {
  const id = router.current.id;
  const chat = id && chatList.find(id);
  if (!chat) return;
  const name = await promptDialog({ title: t('rename.title'), label: t('rename.label'), value: chat.name || '' });
  if (name === null || !name.trim() || name.trim() === chat.name) return;
  try {
    await chatList.rename(id, name.trim());
  } catch (e) {
    showToast(describeApiError(e).text);
  }
}

async function forkChat() {
  const id = router.current.id;
  const base = app?.page?.forkBase?.();
  if (!id || !base) return;
  try {
    const chat = await chatList.fork(id, base);
    showToast(t('forked'));
    router.go(chatHash(chat.id));
  } catch (e) {
    showToast(describeApiError(e).text);
  }
}

function exportChat(format, extension) {
  const id = router.current.id;
  if (!id) return;
  download(`/chats/${encodeURIComponent(id)}/export?format=${format}`, `chat.${extension}`)
    .catch((e) => showToast(describeApiError(e).text));
}

// Deleting waits for the Undo toast to go; leaving the page deletes at once.
function deleteChat(id) {
  const chat = id && chatList.find(id);
  if (!chat) return;
  chatList.hide(id, true);
  if (router.current.id === id) router.go('#/');
  const toast = showToast(t('deleted', { name: chat.name || t('newChat') }), {
    action: t('undo'),
    onAction: () => {
      pendingDeletes.delete(id);
      chatList.hide(id, false);
      router.go(chatHash(id));
    },
    onTimeout: () => {
      pendingDeletes.delete(id);
      chatList.destroy(id).catch((e) => showToast(describeApiError(e).text));
    },
  });
  pendingDeletes.set(id, toast);
}

window.addEventListener('pagehide', () => {
  for (const id of pendingDeletes.keys()) chatList.destroy(id, { keepalive: true }).catch(() => {});
  pendingDeletes.clear();
});

// Ctrl+K search, Ctrl+, settings, Ctrl+Shift+O new chat (Ctrl+N belongs to the browser).
function keyboardShortcuts(shell, settingsDialog) {
  const onKey = (e) => {
    if (document.querySelector('dialog[open]')) return;
    const mod = e.ctrlKey || e.metaKey;
    if (mod && !e.shiftKey && e.key.toLowerCase() === 'k') {
      e.preventDefault();
      shell.focusSearch();
    } else if (mod && e.key === ',') {
      e.preventDefault();
      settingsDialog();
    } else if (mod && e.shiftKey && e.key.toLowerCase() === 'o') {
      e.preventDefault();
      router.go('#/');
    }
  };
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}
