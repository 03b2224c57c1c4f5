// Modal dialogs on <dialog>: focus stays inside, Esc closes, the page behind
// is inert (and so out of the accessibility tree).
import { h, iconButton } from '../core/dom.js';
import { t } from '../core/i18n.js';

export function openDialog({ title, body, className = '', onClose, labelledBy } = {}) {
  const heading = h('h2', { class: 'dialog-title', id: `dlg-${Math.random().toString(36).slice(2)}`, text: title });
  const dialog = h('dialog', { class: `dialog ${className}`, 'aria-labelledby': labelledBy || heading.id },
    h('div', { class: 'dialog-head' }, heading, iconButton('close', t('close'), () => close())),
    h('div', { class: 'dialog-body' }, body));
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    if (dialog.open) dialog.close();
    dialog.remove();
    onClose?.();
  };
  dialog.addEventListener('close', close);
  // A click on the backdrop (outside the box) closes it.
  dialog.addEventListener('mousedown', (e) => { if (e.target === dialog) close(); });
  document.body.append(dialog);
  dialog.showModal();
  return { dialog, close };
}

// A small form dialog: one labelled field and Save/Cancel. Resolves the
// value, or null when cancelled.
export function promptDialog({ title, label, value = '', multiline = false, saveLabel = t('save'), hint = '' }) {
  return new Promise((resolve) => {
    let result = null;
    const field = multiline
      ? h('textarea', { class: 'field', rows: 8, 'aria-label': label })
      : h('input', { class: 'field', type: 'text', 'aria-label': label, autocomplete: 'off' });
    field.value = value;
    const form = h('form', { class: 'prompt-form', method: 'dialog' },
      h('label', { class: 'field-label' }, h('span', { text: label }), field),
      hint ? h('p', { class: 'hint', text: hint }) : null,
      h('div', { class: 'dialog-actions' },
        h('button', { type: 'button', class: 'btn', text: t('cancel'), onclick: () => handle.close() }),
        h('button', { type: 'submit', class: 'btn primary', text: saveLabel })));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      result = field.value;
      handle.close();
    });
    const handle = openDialog({ title, body: form, onClose: () => resolve(result) });
    field.focus();
    if (!multiline) field.select();
  });
}

export function confirmDialog({ title, text, confirm }) {
  return new Promise((resolve) => {
    let ok = false;
    const body = h('div', {},
      h('p', { text }),
      h('div', { class: 'dialog-actions' },
        h('button', { type: 'button', class: 'btn', text: t('cancel'), onclick: () => handle.close() }),
        h('button', { type: 'button', class: 'btn danger', text: confirm, onclick: () => { ok = true; handle.close(); } })));
    const handle = openDialog({ title, body, onClose: () => resolve(ok) });
  });
}
