// The model picker: searchable, grouped by provider (custom endpoints list
// their live models), and the chat's model options below.
import { h, clear } from '../core/dom.js';
import { t } from '../core/i18n.js';
import { openDialog } from './dialog.js';
import { loadCatalogue, liveModels } from '../chat/models.js';
import { createOptionsForm } from './modeloptions.js';

export function openModelPicker({ provider, model, options, onChoose, onOptions }) {
  const search = h('input', { type: 'search', class: 'field', 'aria-label': t('models.search'), placeholder: t('models.search'), autocomplete: 'off' });
  const list = h('div', { class: 'model-list' }, h('p', { class: 'list-note', text: t('loading') }));
  const optionsForm = createOptionsForm(options || {}, (next) => { onOptions(next); handle.close(); });
  const body = h('div', { class: 'picker' }, search, list,
    h('details', { class: 'options-box' }, h('summary', { text: t('options.title') }), optionsForm));
  const handle = openDialog({ title: t('chooseModel'), body, className: 'picker-dialog' });
  let groups = [];

  const choose = (choice, name) => { onChoose(choice, name); handle.close(); };

  function modelButton(group, m) {
    const current = group.id === provider && m.name === model;
    const detail = m.context_tokens ? t('models.context', { k: Math.round(m.context_tokens / 1000) }) : '';
    return h('li', {}, h('button', {
      type: 'button', class: 'model-option', 'aria-pressed': current ? 'true' : 'false',
      onclick: () => choose(group.id, m.name),
    }, h('span', { class: 'model-option-name', text: m.display_name || m.name }),
    detail ? h('span', { class: 'model-option-detail', text: detail }) : null));
  }

  function render() {
    const q = search.value.trim().toLowerCase();
    clear(list);
    let any = false;
    for (const group of groups) {
      const models = (group.models || []).filter((m) => !q || m.name.toLowerCase().includes(q) || group.label.toLowerCase().includes(q));
      if (q && !models.length && !group.custom) continue;
      any = true;
      const section = h('section', { class: 'model-group' }, h('h3', { text: group.label }));
      if (group.error) section.append(h('p', { class: 'hint', text: group.error }));
      if (group.models === null) section.append(h('p', { class: 'hint', text: t('loading') }));
      section.append(h('ul', {}, models.map((m) => modelButton(group, m))));
      if (group.custom) section.append(customName(group));
      list.append(section);
    }
    if (!any) list.append(h('p', { class: 'list-note', text: t('models.none') }));
  }

  // A custom endpoint may serve models it does not list: type one.
  function customName(group) {
    const field = h('input', { type: 'text', class: 'field', 'aria-label': t('models.typeName', { endpoint: group.label }), placeholder: t('models.typeNameShort'), autocomplete: 'off' });
    return h('form', { class: 'inline-form', onsubmit: (e) => { e.preventDefault(); if (field.value.trim()) choose(group.id, field.value.trim()); } },
      field, h('button', { type: 'submit', class: 'btn small', text: t('models.use') }));
  }

  search.addEventListener('input', render);
  loadCatalogue({ force: true }).then((catalogue) => {
    groups = catalogue.groups.map((g) => ({ ...g }));
    render();
    for (const group of groups.filter((g) => g.custom)) {
      liveModels(group.id).then((models) => { group.models = models; }, (e) => { group.models = []; group.error = e.detail || t('models.listFailed'); })
        .finally(render);
    }
    const current = list.querySelector('[aria-pressed="true"]');
    (current || search).focus();
  }, () => { clear(list); list.append(h('p', { class: 'list-note', text: t('error.network') })); });
  search.focus();
  return handle;
}
