// localStorage holds two things only: the access token and the settings.
const TOKEN_KEY = 'teehee.token';
const SETTINGS_KEY = 'teehee.settings';

function read(key) {
  try { return localStorage.getItem(key); } catch { return null; }
}

function write(key, value) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch { /* private mode: kept for this page only */ }
}

export const tokenStore = {
  get: () => read(TOKEN_KEY),
  set: (token) => write(TOKEN_KEY, token),
  clear: () => write(TOKEN_KEY, null),
  key: TOKEN_KEY,
};

export function readSettings() {
  try { return JSON.parse(read(SETTINGS_KEY) || '{}') || {}; } catch { return {}; }
}

export function writeSettings(settings) {
  write(SETTINGS_KEY, JSON.stringify(settings));
}

export const SETTINGS_STORAGE_KEY = SETTINGS_KEY;
