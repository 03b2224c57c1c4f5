// A WebSocket that comes back: reconnects with backoff when it drops, at
// once when the network returns or the page wakes, and checks a quiet socket
// with a ping. Closing here never stops anything on the server: a dropped
// connection is not a Stop, the reply keeps running there.
import { Emitter } from '../core/emitter.js';
import { auth } from '../core/session.js';
import { net } from '../core/netstatus.js';

const PING_EVERY = 25000;
const PONG_WITHIN = 5000;
const MAX_BACKOFF = 15000;

export class LiveSocket extends Emitter {
  #path;
  #ws = null;
  #stopped = true;
  #attempt = 0;
  #retryTimer = 0;
  #pingTimer = 0;
  #pongTimer = 0;
  #unsubscribe = [];
  #queue = [];
  state = 'closed';
  everOpened = false;
  failures = 0; // connection attempts that failed since the last open

  constructor(path) {
    super();
    this.#path = path;
  }

  start() {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#unsubscribe = [
      net.on('wake', () => this.#check()),
      net.on('change', (online) => { if (online) this.#check(); }),
    ];
    this.#connect();
  }

  stop() {
    this.#stopped = true;
    this.#unsubscribe.forEach((off) => off());
    this.#unsubscribe = [];
    clearTimeout(this.#retryTimer);
    this.#clearTimers();
    this.#queue = [];
    const ws = this.#ws;
    this.#ws = null;
    if (ws) {
      ws.onclose = ws.onmessage = ws.onerror = ws.onopen = null;
      try { ws.close(1000); } catch { /* already closed */ }
    }
    this.#setState('closed');
  }

  get isOpen() { return this.#ws?.readyState === WebSocket.OPEN; }

  // Sent now when open, else when the socket next opens.
  send(message) {
    if (this.isOpen) this.#ws.send(JSON.stringify(message));
    else this.#queue.push(message);
  }

  #url() {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    return `${scheme}//${location.host}${this.#path}?token=${encodeURIComponent(auth.token || '')}`;
  }

  #connect() {
    if (this.#stopped || !auth.token) return;
    clearTimeout(this.#retryTimer);
    this.#setState('connecting');
    let ws;
    try { ws = new WebSocket(this.#url()); } catch { this.#scheduleRetry(); return; }
    this.#ws = ws;
    ws.onopen = () => {
      if (ws !== this.#ws) return;
      this.#attempt = 0;
      this.failures = 0;
      this.#setState('open');
      const reopened = this.everOpened;
      this.everOpened = true;
      this.emit('open', reopened);
      const queued = this.#queue.splice(0);
      for (const m of queued) ws.send(JSON.stringify(m));
      this.#armPing();
    };
    ws.onmessage = (e) => {
      if (ws !== this.#ws) return;
      this.#armPing();
      let message;
      try { message = JSON.parse(e.data); } catch { return; }
      if (message?.type === 'pong' || message?.type === 'ping') return;
      this.emit('message', message);
    };
    ws.onclose = (e) => {
      if (ws !== this.#ws) return;
      this.#ws = null;
      this.#clearTimers();
      this.#setState('closed');
      if (e.code === 4001) { auth.signOut('expired'); return; }
      if (e.code === 4004) { this.emit('gone'); this.stop(); return; }
      this.#scheduleRetry();
    };
    ws.onerror = () => { /* onclose follows */ };
  }

  #scheduleRetry() {
    if (this.#stopped) return;
    this.failures++;
    const base = Math.min(MAX_BACKOFF, 500 * 2 ** this.#attempt++);
    const delay = net.online ? base * (0.75 + Math.random() * 0.5) : MAX_BACKOFF;
    clearTimeout(this.#retryTimer);
    this.#retryTimer = setTimeout(() => this.#connect(), delay);
  }

  // The page woke or the network came back: a closed socket tries now; an
  // open one must answer a ping soon, or it was silently dead.
  #check() {
    if (this.#stopped) return;
    if (!this.#ws) { this.#attempt = 0; this.#connect(); return; }
    if (this.isOpen) this.#ping();
  }

  #armPing() {
    clearTimeout(this.#pingTimer);
    clearTimeout(this.#pongTimer);
    this.#pongTimer = 0;
    this.#pingTimer = setTimeout(() => this.#ping(), PING_EVERY);
  }

  #ping() {
    if (!this.isOpen) return;
    try { this.#ws.send('{"type":"ping"}'); } catch { /* onclose follows */ }
    if (this.#pongTimer) return;
    this.#pongTimer = setTimeout(() => this.#drop(), PONG_WITHIN);
  }

  // No answer: give up on this socket and open another.
  #drop() {
    const ws = this.#ws;
    if (!ws) return;
    this.#ws = null;
    ws.onclose = ws.onmessage = ws.onerror = ws.onopen = null;
    try { ws.close(4000, 'no pong'); } catch { /* gone */ }
    this.#clearTimers();
    this.#setState('closed');
    this.#attempt = 0;
    this.#connect();
  }

  #clearTimers() {
    clearTimeout(this.#pingTimer);
    clearTimeout(this.#pongTimer);
    this.#pingTimer = this.#pongTimer = 0;
  }

  #setState(state) {
    if (this.state === state) return;
    this.state = state;
    this.emit('state', state);
  }
}
