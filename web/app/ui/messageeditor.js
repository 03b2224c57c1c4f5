// Editing a question in place: "Save & submit" makes a new branch with a
// new reply; Cancel (or Esc) puts the message back.
import { h } from '../core/dom.js';
import { t } from '../core/i18n.js';

export function openEditor(container, text, { busy, onSubmit, onCancel }) {
  const field = h('textarea', { class: 'edit-field', 'aria-label': t('edit.label'), rows: 3 });
  field.value = text;
  const save = h('button', { type: 'submit', class: 'btn primary', text: t('edit.save') });
  const form = h('form', { class: 'editor' }, field,
    h('div', { class: 'editor-actions' },
      h('button', { type: 'button', class: 'btn', text: t('cancel'), onclick: () => onCancel() }), save));
  const fit = () => { field.style.height = 'auto'; field.style.height = `${Math.min(field.scrollHeight + 2, 400)}px`; };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!field.value.trim() || busy()) return;
    onSubmit(field.value);
  });
  field.addEventListener('input', fit);
  field.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); onCancel(); }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); form.requestSubmit(); }
  });
  container.replaceChildren(form);
  requestAnimationFrame(() => { fit(); field.focus(); field.setSelectionRange(field.value.length, field.value.length); });
  return form;
}
