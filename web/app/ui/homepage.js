// The new-chat screen (#/): a welcome, the composer and the model chip. The
// chat is created when the first message is sent.
import { h } from '../core/dom.js';
import { t } from '../core/i18n.js';
import { settings } from '../core/settings.js';
import { router, chatHash } from '../core/router.js';
import { chatList } from '../chat/chatlist.js';
import { describeApiError } from '../chat/errors.js';
import { choiceLabel, loadCatalogue } from '../chat/models.js';
import { createComposer } from './composer.js';
import { openModelPicker } from './modelpicker.js';
import { promptDialog } from './dialog.js';
import { queueFirstMessage } from './chatpage.js';

const draft = { options: {}, systemPrompt: '' };

export function openHomePage(shell) {
  shell.setTitle(t('newChat'));
  shell.setChatTools(false);
  const pickModel = () => openModelPicker({
    provider: settings.get('provider'), model: settings.get('model'), options: draft.options,
    onChoose: (provider, model) => { settings.set({ provider, model }); showModel(); },
    onOptions: (options) => { draft.options = options; },
  });
  let sending = false;
  const composer = createComposer({
    onSend: (text, attachments) => {
      if (sending) return false;
      sending = true;
      composer.showAlert('');
      start(text, attachments).finally(() => { sending = false; });
      return true;
    },
    onStop: () => {},
    onModel: pickModel,
    onSystemPrompt: async () => {
      const value = await promptDialog({ title: t('systemPrompt'), label: t('systemPrompt'), value: draft.systemPrompt, multiline: true, hint: t('systemPrompt.hint') });
      if (value !== null) draft.systemPrompt = value;
      composer.setSystemPromptSet(!!draft.systemPrompt.trim());
    },
  });

  async function start(text, attachments) {
    try {
      const fields = {};
      if (draft.systemPrompt.trim()) fields.system_prompt = draft.systemPrompt;
      const chat = await chatList.create(fields);
      if (Object.keys(draft.options).length) await chatList.update(chat.id, { options: draft.options });
      draft.options = {};
      draft.systemPrompt = '';
      queueFirstMessage(chat.id, text, attachments);
      router.go(chatHash(chat.id));
    } catch (e) {
      composer.setDraft(text);
      composer.showAlert(describeApiError(e).text);
    }
  }

  function showModel() {
    const label = choiceLabel(settings.get('provider'), settings.get('model')) || t('chooseModel');
    composer.setModel(label, `${t('model')}: ${label}`);
  }

  const welcome = h('div', { class: 'welcome' },
    h('h2', { class: 'welcome-title', text: t('welcome.title') }),
    h('p', { class: 'welcome-text', text: t('welcome.text') }));
  const suggestions = h('ul', { class: 'suggestions' }, ['welcome.s1', 'welcome.s2', 'welcome.s3'].map((key) => h('li', {},
    h('button', { type: 'button', class: 'suggestion', text: t(key), onclick: () => { composer.setDraft(t(key)); composer.field.focus(); } }))));
  welcome.append(suggestions);
  shell.main.replaceChildren(h('div', { class: 'messages is-empty' }, h('div', { class: 'scroller' }, welcome)), composer.root);
  showModel();
  loadCatalogue().then(showModel, () => {});
  composer.setSystemPromptSet(!!draft.systemPrompt.trim());
  composer.focus();

  return { focus: () => composer.field.focus(), destroy() { composer.destroy(); } };
}
