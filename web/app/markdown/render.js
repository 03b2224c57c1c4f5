// Model output is untrusted: Markdown → marked → DOMPurify → DOM. Until the
// libraries have loaded, replies show as plain text.
import { loadMarked, loadPurify } from '../libs.js';
import { settings } from '../core/settings.js';
import { t } from '../core/i18n.js';

let ready = null;   // {marked, purify} once loaded
let loading = null;
let sanitizingReply = false;

const SAFE_LINK = /^(https?:|mailto:)/i;

function sameOrigin(src) {
  try { return new URL(src, location.href).origin === location.origin; } catch { return false; }
}

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

function configure(marked, purify) {
  marked.setOptions({ gfm: true, breaks: false, headerIds: false, mangle: false });
  // HTML a model writes is shown as the text it is: it never reaches an HTML
  // parser, so not even the sanitiser's parsing trips the page's CSP.
  marked.use({ renderer: { html: (html) => escapeHtml(html) } });
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (!sanitizingReply) return; // the hook is global: code colouring uses DOMPurify too
    // Classes only name a code block's language: no model text borrows our styles.
    if (node.hasAttribute?.('class')) {
      const lang = node.tagName === 'CODE' && node.getAttribute('class').match(/^language-[\w+#.-]{1,32}$/);
      if (lang) node.setAttribute('class', lang[0]);
      else node.removeAttribute('class');
    }
    if (node.tagName === 'A') {
      const href = node.getAttribute('href') || '';
      if (!SAFE_LINK.test(href.trim())) {
        node.removeAttribute('href');
      } else {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      }
    } else if (node.tagName === 'IMG') {
      const src = node.getAttribute('src') || '';
      const allowed = src.startsWith('data:image/') || sameOrigin(src) || (settings.get('remoteImages') && /^https:/i.test(src));
      if (!allowed) {
        node.removeAttribute('src');
        node.removeAttribute('srcset');
        node.setAttribute('data-blocked', '');
      }
      node.setAttribute('loading', 'lazy');
      node.setAttribute('referrerpolicy', 'no-referrer');
    }
  });
}

const PURIFY_CONFIG = {
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'option', 'iframe', 'frame', 'frameset',
    'object', 'embed', 'link', 'meta', 'base', 'svg', 'math', 'video', 'audio', 'source', 'dialog', 'template'],
  FORBID_ATTR: ['style', 'id', 'srcset', 'action', 'formaction'],
  ALLOW_DATA_ATTR: false,
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|data:image\/(?:png|gif|jpeg|webp);|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  RETURN_DOM_FRAGMENT: true,
};

export function markdownReady() { return !!ready; }

let failedAt = 0;

export function loadMarkdown() {
  if (ready) return Promise.resolve(ready);
  // After a failed load, wait a while before asking again (no request per frame).
  if (!loading && Date.now() - failedAt < 30000) return Promise.reject(new Error('markdown unavailable'));
  if (!loading) {
    loading = Promise.all([loadMarked(), loadPurify()]).then(([marked, purify]) => {
      configure(marked, purify);
      ready = { marked, purify };
      return ready;
    }).catch((e) => { loading = null; failedAt = Date.now(); throw e; });
  }
  return loading;
}

// Markdown text → a sanitised DocumentFragment (null before the libraries load).
export function renderMarkdown(text) {
  if (!ready) return null;
  const html = ready.marked.parse(text || '');
  sanitizingReply = true;
  let fragment;
  try {
    fragment = ready.purify.sanitize(html, PURIFY_CONFIG);
  } finally {
    sanitizingReply = false;
  }
  // A blocked image becomes a quiet note naming it (its alt text).
  for (const img of fragment.querySelectorAll('img[data-blocked]')) {
    const note = document.createElement('span');
    note.className = 'blocked-image';
    note.title = t('md.imageBlockedHint');
    note.textContent = `${t('md.imageBlocked')}: ${img.getAttribute('alt') || ''}`.replace(/: $/, '');
    img.replaceWith(note);
  }
  return fragment;
}
