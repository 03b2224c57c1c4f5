// The chat's model options (api.md "Chat settings"): temperature 0–2,
// longest reply in tokens, reasoning effort. Empty means the provider's default.
import { h } from '../core/dom.js';
import { t } from '../core/i18n.js';

export function createOptionsForm(options, onSave) {
  const temperature = h('input', { type: 'number', class: 'field', min: '0', max: '2', step: '0.1', placeholder: t('options.default'), inputmode: 'decimal' });
  const maxTokens = h('input', { type: 'number', class: 'field', min: '1', step: '1', placeholder: t('options.default'), inputmode: 'numeric' });
  const effort = h('select', { class: 'field' },
    ['', 'low', 'medium', 'high'].map((v) => h('option', { value: v, text: v ? t(`options.effort.${v}`) : t('options.default') })));
  temperature.value = options.temperature ?? '';
  maxTokens.value = options.max_tokens ?? '';
  effort.value = options.reasoning_effort ?? '';
  const error = h('p', { class: 'form-error', role: 'alert' });
  const form = h('form', { class: 'options-form' },
    h('label', { class: 'field-label' }, h('span', { text: t('options.temperature') }), temperature),
    h('label', { class: 'field-label' }, h('span', { text: t('options.maxTokens') }), maxTokens),
    h('label', { class: 'field-label' }, h('span', { text: t('options.effort') }), effort),
    error,
    h('div', { class: 'dialog-actions' }, h('button', { type: 'submit', class: 'btn primary', text: t('options.save') })));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const next = { ...options };
    delete next.temperature; delete next.max_tokens; delete next.reasoning_effort;
    if (temperature.value !== '') {
      const v = Number(temperature.value);
      if (!(v >= 0 && v <= 2)) { error.textContent = t('options.badTemperature'); return; }
      next.temperature = v;
    }
    if (maxTokens.value !== '') {
      const v = Number(maxTokens.value);
      if (!Number.isInteger(v) || v < 1) { error.textContent = t('options.badMaxTokens'); return; }
      next.max_tokens = v;
    }
    if (effort.value) next.reasoning_effort = effort.value;
    onSave(next);
  });
  return form;
}
