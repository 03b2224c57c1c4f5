// A small control whose words show in a tooltip: on hover or keyboard focus
// with a mouse, on tap with a finger (tap again, elsewhere or Escape hides
// it). The tooltip floats above its anchor, so showing it moves nothing.
import { h } from '../core/dom.js';

let next = 0;
const open = new Set();
document.addEventListener('pointerdown', (e) => {
  for (const tip of [...open]) if (!tip.root.contains(e.target)) tip.hide();
});
document.addEventListener('keydown', (e) => {
  if (e.key !== 'Escape' || !open.size) return;
  for (const tip of [...open]) tip.hide();
  e.stopPropagation();
}, true);

// `content`: the anchor's own inside (an icon, a bar); `label`: its accessible name.
export function createTip({ label, content, className = '' }) {
  const id = `tip-${(next += 1)}`;
  const bubble = h('span', { class: 'tip-bubble', role: 'tooltip', id });
  const button = h('button', {
    type: 'button', class: 'tip-anchor', 'aria-label': label, 'aria-describedby': id, 'aria-expanded': 'false',
  }, content);
  const root = h('span', { class: `tip ${className}` }, button, bubble);
  const tip = {
    root,
    button,
    bubble,
    setText(text) { bubble.textContent = text; },
    show() { root.classList.add('open'); button.setAttribute('aria-expanded', 'true'); open.add(tip); },
    hide() { root.classList.remove('open'); button.setAttribute('aria-expanded', 'false'); open.delete(tip); },
  };
  button.addEventListener('click', () => (root.classList.contains('open') ? tip.hide() : tip.show()));
  return tip;
}
