// Short notices at the bottom of the screen, optionally with one action
// (the delete toast's Undo).
import { h } from '../core/dom.js';

let region = null;

export function mountToasts(parent) {
  region = h('div', { class: 'toasts', 'aria-live': 'polite' });
  parent.append(region);
}

// → {close()}; onTimeout runs when it expires without the action.
export function showToast(text, { action, onAction, onTimeout, duration = 5000 } = {}) {
  if (!region) return { close() {} };
  // The same notice from two sources at once (a socket and the chat list) shows once.
  if (!action && [...region.children].some((el) => el.textContent === text)) return { close() {} };
  let done = false;
  const finish = (acted) => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    el.remove();
    if (acted) onAction?.();
    else onTimeout?.();
  };
  const el = h('div', { class: 'toast' },
    h('span', { class: 'toast-text', text }),
    action ? h('button', { type: 'button', class: 'toast-action', text: action, onclick: () => finish(true) }) : null);
  region.append(el);
  const timer = setTimeout(() => finish(false), duration);
  return { close: () => finish(false), element: el };
}
