// User preferences kept on this device: theme, language, remote images and
// the model new chats start with. Changes are broadcast to the page.
import { Emitter } from './emitter.js';
import { readSettings, writeSettings, SETTINGS_STORAGE_KEY } from './storage.js';

const DEFAULTS = { theme: 'system', lang: '', remoteImages: false, provider: '', model: '' };

class Settings extends Emitter {
  #values = { ...DEFAULTS, ...readSettings() };

  get(key) { return this.#values[key]; }

  set(changes) {
    this.#values = { ...this.#values, ...changes };
    writeSettings(this.#values);
    this.emit('change', changes);
  }

  // Another tab changed them.
  reload() {
    this.#values = { ...DEFAULTS, ...readSettings() };
    this.emit('change', this.#values);
  }
}

export const settings = new Settings();

window.addEventListener('storage', (e) => {
  if (e.key === SETTINGS_STORAGE_KEY) settings.reload();
});

const darkQuery = matchMedia('(prefers-color-scheme: dark)');

export function applyTheme() {
  const choice = settings.get('theme');
  const dark = choice === 'dark' || (choice === 'system' && darkQuery.matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  document.querySelectorAll('meta[name="theme-color"]').forEach((m) => { m.content = dark ? '#17181c' : '#ffffff'; });
}

darkQuery.addEventListener('change', applyTheme);
settings.on('change', (c) => { if ('theme' in c) applyTheme(); });
