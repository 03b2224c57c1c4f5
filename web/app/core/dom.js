// Small DOM helpers: every element is built with h(), never from HTML strings,
// so text from the server or a model can only ever become text.
import { icon } from './icons.js';

const PROPS = new Set(['value', 'checked', 'disabled', 'hidden', 'type', 'id', 'href', 'title', 'placeholder',
  'name', 'autocomplete', 'rows', 'min', 'max', 'step', 'required', 'selected', 'tabIndex', 'open', 'lang', 'dir', 'for']);

export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  if (props) {
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'class') el.className = value;
      else if (key === 'text') el.textContent = value;
      else if (key === 'dataset') Object.assign(el.dataset, value);
      else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
      else if (key === 'for') el.htmlFor = value;
      else if (PROPS.has(key)) el[key] = value;
      else el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

// An icon-only button: the label is its accessible name and its tooltip.
export function iconButton(name, label, onclick, { class: cls = '', ...extra } = {}) {
  return h('button', { type: 'button', class: `icon-btn ${cls}`, 'aria-label': label, title: label, onclick, ...extra }, icon(name));
}

// A button with an icon and visible text.
export function textButton(name, label, onclick, { class: cls = '', ...extra } = {}) {
  return h('button', { type: 'button', class: `text-btn ${cls}`, onclick, ...extra },
    name ? icon(name) : null, h('span', { text: label }));
}

export function clear(el) {
  el.replaceChildren();
  return el;
}

// Runs fn at most once per animation frame, however often it is asked.
export function frameThrottle(fn) {
  let queued = false;
  return () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; fn(); });
  };
}

export const isTouch = () => matchMedia('(pointer: coarse)').matches;

export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API is missing on plain-HTTP LAN addresses: the old way still works there.
    const area = h('textarea', { class: 'offscreen', 'aria-hidden': 'true' });
    area.value = text;
    document.body.append(area);
    area.select();
    let ok = false;
    try { ok = document.execCommand('copy'); } catch { ok = false; }
    area.remove();
    return ok;
  }
}
