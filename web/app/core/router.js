// Hash routes: #/ (chats, new chat), #/chats/<id>, #pair=<code>[&fp=...].
// No API path is ever a page path.
import { Emitter } from './emitter.js';

export function parseRoute(hash = location.hash) {
  const raw = hash.replace(/^#/, '');
  if (raw.startsWith('pair=')) {
    const params = new URLSearchParams(raw);
    return { name: 'pair', code: params.get('pair') || '', fp: params.get('fp') || '' };
  }
  const chat = raw.match(/^\/chats\/([0-9a-fA-F-]{36})\/?$/);
  if (chat) return { name: 'chat', id: chat[1].toLowerCase() };
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
export const chatHash = (id) => `#/chats/${id}`;
