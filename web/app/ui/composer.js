// The message field and its row: model chip, system prompt, Send/Stop.
// Enter sends on a keyboard; on touch screens Enter is a new line.
import { h, iconButton, isTouch } from '../core/dom.js';
import { icon } from '../core/icons.js';
import { t } from '../core/i18n.js';
import { net } from '../core/netstatus.js';
import { ACCEPT, createAttachmentTray } from './attachments.js';
import { createContextMeter } from './contextmeter.js';
import { settings } from '../core/settings.js';

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
  // Files: a picker (on phones the camera too: `capture` on the photo picker), paste, drag and drop.
  const tray = createAttachmentTray({ onChange: () => refresh(), onError: (text) => composer.showAlert(text) });
  const picker = h('input', { type: 'file', class: 'att-input', multiple: true, accept: ACCEPT, hidden: true,
    'aria-hidden': 'true', tabIndex: -1 });
  const camera = h('input', { type: 'file', class: 'att-camera', accept: 'image/*', capture: 'environment', hidden: true,
    'aria-hidden': 'true', tabIndex: -1 });
  for (const input of [picker, camera]) {
    input.addEventListener('change', () => { tray.add([...input.files]); input.value = ''; });
  }
  const meter = createContextMeter();
  // "Tools": offer the account's tools to the model (remembered on this device, for every chat).
  const toolsButton = h('button', { type: 'button', class: 'tools-toggle', 'aria-label': t('tools.toggle'), 'aria-pressed': String(!!settings.get('tools')),
    title: t('tools.toggleHint'), onclick: () => settings.set({ tools: !settings.get('tools') }) },
  icon('tools'), h('span', { class: 'tools-toggle-text', text: t('tools.toggle') }));
  const offTools = settings.on('change', (c) => { if ('tools' in c) toolsButton.setAttribute('aria-pressed', String(!!settings.get('tools'))); });
  const attachButton = iconButton('attach', t('attach.add'), () => picker.click(), { class: 'attach-btn' });
  const cameraButton = isTouch() ? iconButton('camera', t('attach.camera'), () => camera.click(), { class: 'camera-btn' }) : null;
  const form = h('form', { class: 'composer' }, alert,
    h('div', { class: 'composer-box' }, tray.root, field,
      h('div', { class: 'composer-row' }, attachButton, cameraButton, picker, camera, modelButton, promptButton, toolsButton,
        h('span', { class: 'spacer' }), meter.root, action)));
  field.addEventListener('paste', (e) => {
    const files = [...(e.clipboardData?.files || [])];
    if (!files.length) return;
    e.preventDefault();
    tray.add(files);
  });
  form.addEventListener('dragover', (e) => {
    if (![...(e.dataTransfer?.types || [])].includes('Files')) return;
    e.preventDefault();
    form.classList.add('dropping');
  });
  form.addEventListener('dragleave', () => form.classList.remove('dropping'));
  form.addEventListener('drop', (e) => {
    form.classList.remove('dropping');
    const files = [...(e.dataTransfer?.files || [])];
    if (!files.length) return;
    e.preventDefault();
    tray.add(files);
  });

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
    action.disabled = !net.online || (running ? stopping : busy || tray.uploading || (!field.value.trim() && !tray.count));
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
    const attachments = tray.ready();
    if ((!text.trim() && !attachments.length) || !net.online || busy || tray.uploading) return;
    if (onSend(text, attachments) !== false) {
      field.value = '';
      tray.clear();
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
    // {tokens, limit, estimated} of the conversation, or null.
    setContextUse(use) { meter.set(use); },
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
    destroy() { offNet(); offTools(); },
  };
  return composer;
}
