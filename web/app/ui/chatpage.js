// An open chat: its session, the message list and the composer, wired to
// the shell (title, chat actions, announcements).
import { t } from '../core/i18n.js';
import { settings } from '../core/settings.js';
import { router, chatHash } from '../core/router.js';
import { ChatSession } from '../chat/session.js';
import { describeError, describeApiError } from '../chat/errors.js';
import { choiceLabel, loadCatalogue, contextTokensOf } from '../chat/models.js';
import { chatUsage, contextUse } from '../chat/usage.js';
import { formatCost, formatTokens } from '../core/format.js';
import { createComposer } from './composer.js';
import { createMessageList } from './messagelist.js';
import { openModelPicker } from './modelpicker.js';
import { promptDialog } from './dialog.js';
import { showToast } from './toast.js';

// A first message typed on the new-chat screen, sent once the chat is open.
const outbox = new Map();
export const queueFirstMessage = (chatId, text, attachments = []) => outbox.set(chatId, { text, attachments });

export function openChatPage(shell, chatId, { openSettings, message = null }) {
  const session = new ChatSession(chatId);
  const pickModel = () => {
    const chat = session.chat || {};
    openModelPicker({
      provider: chat.provider || settings.get('provider'), model: chat.model || settings.get('model'), options: chat.options || {},
      onChoose: (provider, model) => {
        settings.set({ provider, model });
        session.update({ provider, model }).catch((e) => composer.showAlert(describeApiError(e).text));
      },
      onOptions: (options) => session.update({ options }).catch((e) => composer.showAlert(describeApiError(e).text)),
    });
  };
  const editPrompt = async () => {
    const value = await promptDialog({
      title: t('systemPrompt'), label: t('systemPrompt'), value: session.chat?.system_prompt || '', multiline: true,
      hint: t('systemPrompt.hint'),
    });
    if (value === null) return;
    session.update({ system_prompt: value.trim() ? value : null }).catch((e) => composer.showAlert(describeApiError(e).text));
  };
  const composer = createComposer({
    onSend: (text, attachments) => { composer.showAlert(''); session.send(text, attachments); },
    onStop: () => session.stop(),
    onModel: pickModel,
    onSystemPrompt: editPrompt,
  });
  const list = createMessageList(session, { openSettings, openModelPicker: pickModel });
  shell.main.replaceChildren(list.root, composer.root);

  function showChat(chat) {
    shell.setTitle(chat?.name || t('newChat'));
    const provider = chat?.provider || settings.get('provider');
    const model = chat?.model || settings.get('model');
    const label = choiceLabel(provider, model) || t('chooseModel');
    composer.setModel(label, `${t('model')}: ${label}`);
    composer.setSystemPromptSet(!!chat?.system_prompt);
    showUsage();
  }

  // The chat's total in the header (every version of every reply, as the
  // tree holds them) and the context meter for the shown branch.
  function showUsage() {
    const total = chatUsage(session.tree);
    if (!total.replies) shell.setChatUsage('');
    else {
      const tokens = t('usage.chatTokens', { tokens: formatTokens(total.input + total.output) });
      shell.setChatUsage(total.cost === null ? tokens : `${tokens} · ${formatCost(total.cost)}`,
        t('usage.chatDetail', { input: formatTokens(total.input), output: formatTokens(total.output), replies: total.replies }));
    }
    const chat = session.chat || {};
    const limit = contextTokensOf(chat.provider || settings.get('provider'), chat.model || settings.get('model'));
    composer.setContextUse(session.tree.path.length && limit ? { ...contextUse(session.tree, chat.system_prompt || ''), limit } : null);
  }

  function syncRunning() {
    composer.setRunning(!!session.running);
    composer.setBusy(!!session.pending);
    shell.setChatTools(true, { canFork: !!session.tree.leaf });
  }

  function actionsFor(words, retry) {
    const buttons = [];
    if (words.action === 'settings') buttons.push({ label: t('settings'), onClick: openSettings });
    if (words.action === 'model') buttons.push({ label: t('pickModel'), onClick: pickModel });
    if (words.action === 'retry' && retry) buttons.push({ label: t('retry'), onClick: retry });
    return buttons;
  }

  // A socket down for more than a moment (while the network is up) is said, quietly.
  let downTimer = 0;
  const onConnection = (state) => {
    if (state === 'open') {
      clearTimeout(downTimer);
      downTimer = 0;
      shell.setReconnecting(false);
    } else if (!downTimer) {
      downTimer = setTimeout(() => shell.setReconnecting(true), 2500);
    }
  };
  const offs = [
    session.on('connection', onConnection),
    () => { clearTimeout(downTimer); shell.setReconnecting(false); },
    session.on('chat', showChat),
    session.on('structure', () => { syncRunning(); showUsage(); }),
    session.on('message', (id, what) => { if (what === 'status') { syncRunning(); showUsage(); } }),
    () => shell.setChatUsage(''),
    session.on('finished', (m) => {
      shell.announce(m.status === 'complete' ? t('replyFinished') : m.status === 'aborted' ? t('replyStopped') : t('replyFailed'));
    }),
    session.on('refused', ({ message, pending }) => {
      const words = describeError({ message, provider: session.chat?.provider || settings.get('provider') });
      if (pending) composer.setDraft(pending.text);
      composer.showAlert(words.text, actionsFor(words, pending ? () => { composer.showAlert(''); composer.root.requestSubmit(); } : null));
    }),
    session.on('loaderror', (e) => {
      const words = describeApiError(e);
      composer.showAlert(words.text, [{ label: t('retry'), onClick: () => { composer.showAlert(''); session.refresh(); } }]);
    }),
    session.on('gone', () => {
      showToast(t('chatGone'));
      router.go('#/', { replace: true });
    }),
  ];
  // Esc stops a reply from anywhere on the page (not from dialogs or the editor).
  const onEscape = (e) => {
    if (e.key !== 'Escape' || e.defaultPrevented || !session.running || document.querySelector('dialog[open]')) return;
    if (e.target.closest?.('.editor, .sidebar')) return;
    e.preventDefault();
    session.stop();
  };
  document.addEventListener('keydown', onEscape);
  offs.push(() => document.removeEventListener('keydown', onEscape));
  // The chip shows custom endpoints by name once the catalogue is known.
  loadCatalogue().then(() => showChat(session.chat), () => {});

  showChat(session.chat);
  syncRunning();
  // A message asked for (a search result): its branch made the active one,
  // then scrolled to and marked; the address forgets it once shown.
  async function showMessage(id) {
    router.settle(chatHash(chatId));
    if (await session.showMessage(id)) list.scrollToMessage(id);
    else list.toBottom();
  }

  session.open().then(() => {
    const first = outbox.get(chatId);
    if (first) {
      outbox.delete(chatId);
      session.send(first.text, first.attachments);
    }
    if (message) {
      showMessage(message);
      return;
    }
    list.toBottom();
    composer.focus();
  });

  return {
    chatId,
    session,
    showMessage,
    forkBase: () => session.tree.leaf,
    destroy() {
      offs.forEach((off) => off());
      list.destroy();
      composer.destroy();
      session.close();
    },
  };
}
