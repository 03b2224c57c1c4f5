// Numbers as the chosen language writes them: tokens with thousands
// separators, costs as US dollars (the price table's currency), days.
import { language } from './i18n.js';

const cache = new Map();
function fmt(kind, options) {
  const key = `${language()}|${kind}`;
  if (!cache.has(key)) cache.set(key, new Intl.NumberFormat(language(), options));
  return cache.get(key);
}

export const formatTokens = (n) => fmt('int', { maximumFractionDigits: 0 }).format(Math.round(n || 0));

// Cents for ordinary amounts; a tiny cost keeps two significant digits
// instead of reading as zero.
export function formatCost(usd) {
  const value = Number(usd) || 0;
  if (value !== 0 && Math.abs(value) < 0.01) {
    return fmt('tiny', { style: 'currency', currency: 'USD', maximumSignificantDigits: 2 }).format(value);
  }
  return fmt('usd', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

// "2026-12-06" (a UTC day, as GET /usage groups them) → "Dec 6".
export function formatDay(iso, style = 'short') {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  const options = style === 'long' ? { dateStyle: 'medium', timeZone: 'UTC' } : { month: 'short', day: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(language(), options).format(date);
}
