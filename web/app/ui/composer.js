// The message field and its row: model chip, system prompt, Send/Stop.
// Enter sends on a keyboard; on touch screens Enter is a new line.
import { h, iconButton, isTouch } from '../core/dom.js';
import { icon } from '../core/icons.js';
import { t } from '../core/i18n.js';
import { net } from '../core/netstatus.js';

export function createComposer({ onSend, onStop, onModel, onSystemPrompt }) {
  const field = h('textarea', {
    class: 'composer-field', 'aria-label': t('composer.label'), placeholder: t('composer.placeholder'), rows: 1,
    enterkeyhint: 'send',
  });
  const alert = h('div', { class: 'composer-alert', role: 'alert' });
  const modelLabel = h('span', { class: 'model-name' });
  const modelButton = h('button', { type: 'button', class: 'model-chip', 'aria-label': t('model'), onclick: () => onModel() },
    modelLabel, icon('down'));
  const promptButton = iconButton('prompt', t('systemPrompt'), () => onSystemPrompt(), { class: 'prompt-btn' });
  const action = h('button', { type: 'submit', class: 'send-btn' });
  const form = h('form', { class: 'composer' }, alert,
    h('div', { class: 'composer-box' }, field,
      h('div', { class: 'composer-row' }, modelButton, promptButton, h('span', { class: 'spacer' }), action)));

  let running = false;
  let stopping = false;
  let busy = false; // a question on its way: no second one until it lands

  function fit() {
    field.style.height = 'auto';
    field.style.height = `${Math.min(field.scrollHeight, 220)}px`;
  }

  function refresh() {
    action.replaceChildren(icon(running ? 'stop' : 'send'));
    const label = running ? t('stop') : t('send');
    action.setAttribute('aria-label', label);
    action.title = label;
    action.classList.toggle('stop', running);
    action.disabled = !net.online || (running ? stopping : busy || !field.value.trim());
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (running) {
      stopping = true;
      refresh();
      onStop();
      return;
    }
    const text = field.value;
    if (!text.trim() || !net.online || busy) return;
    if (onSend(text) !== false) {
      field.value = '';
      fit();
      refresh();
    }
  });
  field.addEventListener('input', () => { fit(); refresh(); });
  field.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && !isTouch() && !e.altKey) {
      e.preventDefault();
      if (!running) form.requestSubmit();
    } else if (e.key === 'Escape' && running) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  const offNet = net.on('change', refresh);
  refresh();

  const composer = {
    root: form,
    field,
    focus() { if (!isTouch()) field.focus({ preventScroll: true }); },
    setRunning(value) {
      if (running !== value) stopping = false;
      running = value;
      refresh();
    },
    setBusy(value) {
      busy = value;
      refresh();
    },
    setModel(name, title) {
      modelLabel.textContent = name;
      modelButton.title = title || name;
    },
    setSystemPromptSet(set) { promptButton.classList.toggle('set', !!set); },
    setDraft(text) {
      if (!field.value.trim()) field.value = text;
      fit();
      refresh();
    },
    // A problem in plain words, with buttons that help: [{label, onClick}].
    showAlert(text, buttons = []) {
      alert.replaceChildren();
      if (!text) { alert.classList.remove('shown'); return; }
      alert.classList.add('shown');
      alert.append(h('span', { class: 'alert-text', text }),
        ...buttons.map((b) => h('button', { type: 'button', class: 'btn small', text: b.label, onclick: b.onClick })),
        iconButton('close', t('dismiss'), () => composer.showAlert('')));
    },
    destroy() { offNet(); },
  };
  return composer;
}
