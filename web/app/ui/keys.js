// Settings › Providers & keys: the user's keys (masked), Test (lists the
// models the key reaches), Delete, add or replace a key, custom endpoints.
import { h, clear } from '../core/dom.js';
import { t } from '../core/i18n.js';
import { api, enc } from '../core/api.js';
import { providerName } from '../chat/errors.js';
import { liveModels, forgetCatalogue } from '../chat/models.js';
import { confirmDialog } from './dialog.js';

const BUILT_IN = ['openai', 'anthropic', 'mistral'];

export function createKeysSection() {
  const list = h('ul', { class: 'key-list' });
  const status = h('p', { class: 'form-status', role: 'status' });
  const section = h('section', { class: 'settings-section', 'aria-labelledby': 'set-keys' },
    h('h3', { id: 'set-keys', text: t('keys.title') }), list, status, keyForm(), customForm());
  let keys = [];

  function say(text, isError = false) {
    status.textContent = text;
    status.classList.toggle('error', isError);
  }

  async function load() {
    try {
      keys = await api('/user/keys') || [];
    } catch (e) {
      say(e.detail || t('error.network'), true);
      return;
    }
    clear(list);
    if (!keys.length) list.append(h('li', { class: 'list-note', text: t('keys.none') }));
    for (const key of keys) list.append(keyRow(key));
  }

  function keyName(key) {
    return key.provider_name === 'custom' ? `${key.label || t('keys.custom')} (${key.base_url || ''})` : providerName(key.provider_name);
  }

  function keyRow(key) {
    const name = keyName(key);
    const result = h('span', { class: 'key-result' });
    const test = h('button', { type: 'button', class: 'btn small', text: t('keys.test'), 'aria-label': t('keys.testNamed', { name }) });
    test.addEventListener('click', async () => {
      test.disabled = true;
      result.textContent = t('keys.testing');
      try {
        const models = await liveModels(key.provider_name === 'custom' ? `custom:${key.id}` : key.provider_name);
        result.textContent = t('keys.works', { count: models.length });
        result.classList.remove('error');
      } catch (e) {
        result.textContent = e.detail || t('keys.testFailed');
        result.classList.add('error');
      } finally {
        test.disabled = false;
      }
    });
    const remove = h('button', { type: 'button', class: 'btn small danger', text: t('delete'), 'aria-label': t('keys.deleteNamed', { name }) });
    remove.addEventListener('click', async () => {
      if (!await confirmDialog({ title: t('keys.deleteTitle'), text: t('keys.deleteText', { name }), confirm: t('delete') })) return;
      try {
        await api(`/user/keys/${enc(key.id)}`, { method: 'DELETE' });
        forgetCatalogue();
        say(t('keys.deleted', { name }));
        load();
      } catch (e) { say(e.detail || t('error.generic'), true); }
    });
    return h('li', { class: 'key-row' },
      h('span', { class: 'key-name', text: name }), h('code', { class: 'key-hint', text: key.hint || '' }),
      h('span', { class: 'key-buttons' }, test, remove), result);
  }

  function keyForm() {
    const provider = h('select', { class: 'field', 'aria-label': t('keys.provider') },
      BUILT_IN.map((p) => h('option', { value: p, text: providerName(p) })));
    const secret = h('input', { type: 'password', class: 'field', 'aria-label': t('keys.apiKey'), placeholder: t('keys.apiKey'), autocomplete: 'off', required: true });
    const form = h('form', { class: 'key-form' }, h('h4', { text: t('keys.add') }),
      h('div', { class: 'row' }, provider, secret, h('button', { type: 'submit', class: 'btn primary', text: t('save') })));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const name = provider.value;
      if (!secret.value.trim()) return;
      const body = { provider_name: name, api_key: secret.value.trim() };
      try {
        await save(body, keys.find((k) => k.provider_name === name), providerName(name));
        secret.value = '';
      } catch { /* said */ }
    });
    return form;
  }

  function customForm() {
    const label = h('input', { type: 'text', class: 'field', placeholder: t('keys.customName'), 'aria-label': t('keys.customName'), required: true, autocomplete: 'off' });
    const url = h('input', { type: 'url', class: 'field', placeholder: 'https://…/v1', 'aria-label': t('keys.baseUrl'), required: true, autocomplete: 'off' });
    const secret = h('input', { type: 'password', class: 'field', placeholder: t('keys.apiKey'), 'aria-label': t('keys.customKey'), required: true, autocomplete: 'off' });
    const form = h('form', { class: 'key-form' }, h('h4', { text: t('keys.customTitle') }), h('p', { class: 'hint', text: t('keys.customHint') }),
      h('div', { class: 'col' }, label, url, secret, h('button', { type: 'submit', class: 'btn primary', text: t('save') })));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const body = { provider_name: 'custom', label: label.value.trim(), base_url: url.value.trim(), api_key: secret.value.trim() };
      try {
        await save(body, keys.find((k) => k.provider_name === 'custom' && k.label === body.label), body.label);
        label.value = url.value = secret.value = '';
      } catch { /* said */ }
    });
    return form;
  }

  // Adds a key; one that replaces an existing one asks first.
  async function save(body, existing, name) {
    if (existing && !await confirmDialog({ title: t('keys.replaceTitle'), text: t('keys.replaceText', { name }), confirm: t('keys.replace') })) throw new Error('cancelled');
    try {
      if (existing) await api(`/user/keys/${enc(existing.id)}`, { method: 'DELETE' });
      await api('/user/keys', { method: 'POST', body });
      forgetCatalogue();
      say(t('keys.saved', { name }));
      load();
    } catch (e) {
      say(e.detail || t('error.generic'), true);
      if (existing) load();
      throw e;
    }
  }

  load();
  return section;
}
