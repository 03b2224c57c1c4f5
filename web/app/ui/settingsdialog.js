// The Settings dialog: providers & keys, appearance, language, remote
// images, the account and Sign out.
import { h } from '../core/dom.js';
import { t, LANGUAGES, language } from '../core/i18n.js';
import { settings } from '../core/settings.js';
import { api } from '../core/api.js';
import { openDialog } from './dialog.js';
import { createKeysSection } from './keys.js';
import { createDevicesSection } from './devices.js';
import { createToolsSection } from './toolsettings.js';
import { showToast } from './toast.js';
import { download, importFile } from '../core/transfer.js';
import { chatList } from '../chat/chatlist.js';
import { describeApiError } from '../chat/errors.js';

export function openSettings({ onSignOut, onLanguage, onUsage }) {
  const theme = h('fieldset', { class: 'choice-group' }, h('legend', { text: t('settings.theme') }),
    ['system', 'light', 'dark'].map((value) => {
      const input = h('input', { type: 'radio', name: 'theme', value, checked: settings.get('theme') === value });
      input.addEventListener('change', () => settings.set({ theme: value }));
      return h('label', { class: 'choice' }, input, h('span', { text: t(`settings.theme.${value}`) }));
    }));

  const lang = h('select', { class: 'field', id: 'set-lang' },
    h('option', { value: '', text: t('settings.language.browser') }),
    Object.entries(LANGUAGES).map(([code, name]) => h('option', { value: code, text: name, lang: code })));
  lang.value = settings.get('lang') || '';
  lang.addEventListener('change', () => {
    settings.set({ lang: lang.value });
    handle.close();
    onLanguage();
  });

  const images = h('input', { type: 'checkbox', checked: !!settings.get('remoteImages') });
  images.addEventListener('change', () => settings.set({ remoteImages: images.checked }));

  const account = h('p', { class: 'hint' });
  api('/auth/session').then((s) => { account.textContent = t('settings.signedInAs', { email: s?.email || '' }); }, () => {});

  // Everything as one file, and a file (Teehee or ChatGPT export) back in.
  const picker = h('input', { type: 'file', accept: '.json,application/json', hidden: true });
  picker.addEventListener('change', async () => {
    const file = picker.files?.[0];
    picker.value = '';
    if (!file) return;
    try {
      const r = await importFile(file);
      showToast(t('imported', { imported: r.imported, skipped: r.skipped }));
      chatList.load().catch(() => {});
    } catch (e) {
      showToast(describeApiError(e).text);
    }
  });
  const data = h('section', { class: 'settings-section', 'aria-labelledby': 'set-data' },
    h('h3', { id: 'set-data', text: t('settings.data') }),
    h('button', { type: 'button', class: 'btn', text: t('exportAll'),
      onclick: () => download('/export', 'teehee-export.json').catch((e) => showToast(describeApiError(e).text)) }),
    h('button', { type: 'button', class: 'btn', text: t('importFile'), onclick: () => picker.click() }),
    h('button', { type: 'button', class: 'btn', text: t('usage.title'), onclick: () => { handle.close(); onUsage(); } }),
    picker,
    h('p', { class: 'hint', text: t('importHint') }));

  const body = h('div', { class: 'settings' },
    createKeysSection(),
    h('section', { class: 'settings-section', 'aria-labelledby': 'set-look' },
      h('h3', { id: 'set-look', text: t('settings.appearance') }), theme,
      h('label', { class: 'field-label', for: 'set-lang' }, h('span', { text: t('settings.language') })), lang,
      h('label', { class: 'choice' }, images, h('span', { text: t('settings.remoteImages') })),
      h('p', { class: 'hint', text: t('settings.remoteImagesHint') })),
    createDevicesSection(),
    createToolsSection(),
    data,
    h('section', { class: 'settings-section', 'aria-labelledby': 'set-account' },
      h('h3', { id: 'set-account', text: t('settings.account') }), account,
      h('button', { type: 'button', class: 'btn danger', text: t('signOut'), onclick: () => { handle.close(); onSignOut(); } })),
    h('p', { class: 'hint version-note', text: `Teehee · ${LANGUAGES[language()]}` }));
  const handle = openDialog({ title: t('settings'), body, className: 'settings-dialog' });
  return handle;
}
