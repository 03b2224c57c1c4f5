// Code blocks of a rendered reply: a header with the language and a Copy
// button, and syntax colours (highlight.js 9) once a reply is finished.
import { h, copyText } from '../core/dom.js';
import { icon } from '../core/icons.js';
import { t } from '../core/i18n.js';
import { loadHighlight, loadPurify } from '../libs.js';

const AUTO_LIMIT = 3000;     // highlightAuto tries every language: small blocks only
const HIGHLIGHT_LIMIT = 100000;

export function enhanceCodeBlocks(root) {
  for (const pre of root.querySelectorAll('pre')) {
    if (pre.parentElement?.classList.contains('codeblock')) continue;
    const code = pre.querySelector('code');
    const lang = (code?.className.match(/language-([\w+#.-]+)/) || [])[1] || '';
    pre.tabIndex = 0; // scrollable: reachable by keyboard
    const copy = h('button', {
      type: 'button', class: 'code-copy', 'aria-label': t('code.copy'), title: t('code.copy'),
      onclick: async () => {
        const ok = await copyText(code ? code.textContent : pre.textContent);
        label.textContent = ok ? t('copied') : t('copyFailed');
        setTimeout(() => { label.textContent = t('copy'); }, 1500);
      },
    }, icon('copy'));
    const label = h('span', { text: t('copy') });
    copy.append(label);
    const block = h('div', { class: 'codeblock' },
      h('div', { class: 'code-head' }, h('span', { class: 'code-lang', text: lang || t('code.plain') }), copy));
    pre.replaceWith(block);
    block.append(pre);
  }
}

// Colours come when a block nears the screen, in idle time: opening a long
// chat never waits for highlight.js.
let observer = null;

export function highlightCode(root) {
  const blocks = root.querySelectorAll('.codeblock pre code:not([data-highlighted])');
  if (!blocks.length) return;
  observer ??= new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      observer.unobserve(entry.target);
      const idle = window.requestIdleCallback || ((fn) => setTimeout(fn, 16));
      idle(() => highlightOne(entry.target));
    }
  }, { rootMargin: '300px 0px' });
  for (const code of blocks) observer.observe(code);
}

async function highlightOne(code) {
  if (!code.isConnected || code.dataset.highlighted) return;
  let hljs, purify;
  try { [hljs, purify] = await Promise.all([loadHighlight(), loadPurify()]); } catch { return; }
  if (!code.isConnected || code.dataset.highlighted) return;
  const text = code.textContent;
  code.dataset.highlighted = '1';
  if (text.length > HIGHLIGHT_LIMIT) return;
  const lang = (code.className.match(/language-([\w+#.-]+)/) || [])[1];
  let result = null;
  try {
    if (lang && hljs.getLanguage(lang)) result = hljs.highlight(lang, text, true);
    else if (!lang && text.length <= AUTO_LIMIT) result = hljs.highlightAuto(text);
  } catch { result = null; }
  if (!result) return;
  // highlight.js escapes the code; its spans are still passed through DOMPurify.
  const fragment = purify.sanitize(result.value, { ALLOWED_TAGS: ['span'], ALLOWED_ATTR: ['class'], RETURN_DOM_FRAGMENT: true });
  code.replaceChildren(fragment);
  code.classList.add('hljs');
}
