// Hash routes: #/ (chats, new chat), #/usage (usage and cost), #/chats/<id>[?m=<message id>] (a chat opened at
// one of its messages, as a search result does), #pair=<code>[&fp=...].
// No API path is ever a page path.
import { Emitter } from './emitter.js';

export function parseRoute(hash = location.hash) {
  const raw = hash.replace(/^#/, '');
  if (raw.startsWith('pair=')) {
    const params = new URLSearchParams(raw);
    return { name: 'pair', code: params.get('pair') || '', fp: params.get('fp') || '' };
  }
  if (raw === '/usage') return { name: 'usage' };
  const chat = raw.match(/^\/chats\/([0-9a-fA-F-]{36})\/?(?:\?m=([0-9a-fA-F-]{36}))?$/);
  if (chat) return { name: 'chat', id: chat[1].toLowerCase(), message: chat[2]?.toLowerCase() || null };
  return { name: 'home' };
}

class Router extends Emitter {
  current = parseRoute();

  constructor() {
    super();
    window.addEventListener('hashchange', () => {
      this.current = parseRoute();
      this.emit('change', this.current);
    });
  }

  // Rewrites the address without a change event (the page already shows it).
  settle(hash) {
    history.replaceState(null, '', hash);
    this.current = parseRoute();
  }

  go(hash, { replace = false } = {}) {
    if (replace) {
      history.replaceState(null, '', hash);
      this.current = parseRoute();
      this.emit('change', this.current);
    } else if (location.hash !== hash) {
      location.hash = hash;
    } else {
      this.emit('change', this.current);
    }
  }
}

export const router = new Router();
export const chatHash = (id, messageId = null) => `#/chats/${id}${messageId ? `?m=${messageId}` : ''}`;
