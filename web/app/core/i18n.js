// The same languages as the desktop app. English is the source and the
// fallback for any string a translation lacks.
import { settings } from './settings.js';

export const LANGUAGES = { en: 'English', de: 'Deutsch', es: 'Español', fr: 'Français', ja: '日本語' };

let strings = {};
let fallback = {};
let current = 'en';

async function fetchStrings(code) {
  const res = await fetch(new URL(`../i18n/${code}.json`, import.meta.url));
  if (!res.ok) throw new Error(`i18n ${code}: ${res.status}`);
  return res.json();
}

export function chooseLanguage() {
  const chosen = settings.get('lang');
  if (chosen && LANGUAGES[chosen]) return chosen;
  for (const tag of navigator.languages || [navigator.language || 'en']) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (LANGUAGES[base]) return base;
  }
  return 'en';
}

export async function loadLanguage(code = chooseLanguage()) {
  if (!Object.keys(fallback).length) fallback = await fetchStrings('en');
  strings = code === 'en' ? fallback : await fetchStrings(code).catch(() => fallback);
  current = code;
  document.documentElement.lang = code;
}

export const language = () => current;

// t('deleted', {name}) → the string with {name} filled in.
export function t(key, vars) {
  let text = strings[key] ?? fallback[key] ?? key;
  if (vars) text = text.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
  return text;
}
