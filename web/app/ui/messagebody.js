// The text of an assistant reply: Markdown once the libraries are here,
// plain text before; a caret while it streams; code colours when finished.
import { h } from '../core/dom.js';
import { loadMarkdown, markdownReady, renderMarkdown } from '../markdown/render.js';
import { enhanceCodeBlocks, highlightCode } from '../markdown/code.js';

const waiting = new WeakSet(); // bodies already asked to render again once Markdown loads

export function renderReplyBody(body, text, streaming, onLibrariesLoaded) {
  const fragment = markdownReady() ? renderMarkdown(text) : null;
  if (fragment) {
    body.classList.remove('plain');
    body.replaceChildren(fragment);
    enhanceCodeBlocks(body);
    if (!streaming) highlightCode(body);
  } else {
    body.classList.add('plain');
    body.textContent = text;
    if (!waiting.has(body)) {
      waiting.add(body);
      loadMarkdown().then(onLibrariesLoaded, () => { /* stays plain text */ }).finally(() => waiting.delete(body));
    }
  }
  if (streaming) addCaret(body);
}

// The caret goes at the end of the last text block, not on a line of its own.
function addCaret(body) {
  let target = body;
  for (;;) {
    const last = target.lastElementChild;
    if (!last || ['PRE', 'TABLE', 'HR', 'IMG', 'BR'].includes(last.tagName)) break;
    if (last.classList.contains('codeblock')) break;
    target = last;
  }
  target.append(h('span', { class: 'caret', 'aria-hidden': 'true' }));
}
