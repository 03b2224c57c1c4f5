// One open chat: its messages, its live socket (/stream/{chat_id}) and what
// the user can do in it. Events are applied so that the whole reply shows
// after any reconnect with no gap and nothing twice: `token` events carry
// the text so far, `stream_resume` the text so far on (re)connect, and a
// reply's text only grows while it streams (see MessageTree.merge).
import { Emitter } from '../core/emitter.js';
import { api, enc } from '../core/api.js';
import { settings } from '../core/settings.js';
import { LiveSocket } from '../live/socket.js';
import { chatList } from './chatlist.js';
import { MessageTree, normalize, isTerminal } from './tree.js';
import { followReply, sendOverSse } from './ssestream.js';

const QUIET_CHECK_MS = 20000;

// A tool_call or tool_result event folded into a reply's calls (by call_id).
function mergeToolCall(calls, e) {
  const list = [...(calls || [])];
  const i = list.findIndex((c) => c.call_id === e.call_id);
  const known = i >= 0 ? list[i] : { call_id: e.call_id };
  const next = { ...known, status: e.status || known.status };
  for (const key of ['server', 'tool', 'arguments', 'content']) if (e[key] !== undefined) next[key] = e[key];
  if (i >= 0) list[i] = next; else list.push(next);
  return list;
}

// "tools": true rides on every request that starts a generation while the Tools switch is on.
function withTools(message) {
  if (settings.get('tools')) message.tools = true;
  return message;
}

export class ChatSession extends Emitter {
  tree = new MessageTree();
  chat = null;
  loaded = false;
  pending = null;        // a question sent, not yet confirmed: {text, after}
  expecting = null;      // what the last request over the socket asked for
  #buffer = [];          // events held while the chat is (re)loaded
  #refreshing = null;
  #lastEventAt = Date.now();
  #watchdog = 0;
  #announced = new Set();
  #off = [];
  #sse = null;           // AbortController of an SSE fallback in use
  #sseFollowing = false; // that fallback only follows a reply (no question of ours in flight)

  constructor(chatId) {
    super();
    this.id = chatId;
    this.chat = chatList.find(chatId);
    this.socket = new LiveSocket(`/stream/${enc(chatId)}`);
  }

  open() {
    const s = this.socket;
    this.#off.push(
      s.on('message', (e) => this.#receive(e)),
      s.on('open', (reopened) => {
        if (this.#sseFollowing) this.#sse?.abort(); // the socket takes over again (a send over SSE finishes)
        if (reopened) this.refresh();
      }),
      s.on('state', (state) => { this.emit('connection', state); this.#maybeFollowOverSse(); }),
      s.on('gone', () => this.emit('gone')),
      chatList.on('event', (e) => this.#accountEvent(e)),
    );
    s.start();
    this.#watchdog = setInterval(() => this.#checkQuiet(), 5000);
    return this.refresh();
  }

  close() {
    this.#sse?.abort();
    clearInterval(this.#watchdog);
    this.#off.forEach((off) => off());
    this.socket.stop();
    this.clearHandlers();
  }

  get running() { return this.tree.streaming(); }

  // GET the chat; events that arrive meanwhile are applied after it, on top.
  refresh() {
    if (this.#refreshing) return this.#refreshing;
    this.#buffer ??= [];
    this.#refreshing = (async () => {
      try {
        const detail = await api(`/chats/${enc(this.id)}`);
        const { messages, current_path: path, ...chat } = detail;
        this.#setChat(chat);
        this.tree.load(detail);
        this.loaded = true;
      } catch (e) {
        if (e.status === 404) this.emit('gone');
        else this.emit('loaderror', e);
      } finally {
        const held = this.#buffer || [];
        this.#buffer = null;
        this.#refreshing = null;
        for (const e of held) this.#apply(e);
        this.#lastEventAt = Date.now();
        this.emit('structure');
      }
    })();
    return this.#refreshing;
  }

  #receive(event) {
    this.#lastEventAt = Date.now();
    if (this.#buffer) this.#buffer.push(event);
    else this.#apply(event);
  }

  #apply(e) {
    const tree = this.tree;
    switch (e.type) {
      case 'message_created': {
        const m = tree.merge(normalize(e.message));
        tree.path = tree.pathTo(m.id);
        if (this.pending) this.pending = null;
        this.emit('structure');
        break;
      }
      case 'stream_start':
      case 'stream_resume': {
        const known = tree.get(e.message_id);
        const m = tree.merge({
          ...(known || normalize({
            id: e.message_id, parent_message_id: e.parent_message_id, role: 'assistant',
            model: this.chat?.model, provider: this.chat?.provider,
          })),
          status: 'streaming', error: '', errorReason: '',
          text: e.content ?? known?.text ?? '',
          reasoning: e.reasoning ?? known?.reasoning ?? '',
        });
        if (e.parent_message_id && !tree.get(e.parent_message_id)) { this.refresh(); break; }
        // A new reply (here or on another device) is where the chat now is.
        if (!known || e.type === 'stream_start') tree.path = tree.pathTo(m.id);
        this.pending = null;
        this.expecting = null;
        this.emit('structure');
        break;
      }
      case 'stream_continue': {
        const m = tree.get(e.message_id);
        if (!m) { this.refresh(); break; }
        m.status = 'streaming';
        m.error = m.errorReason = '';
        if ((e.existing_content ?? '').length >= m.text.length) m.text = e.existing_content ?? m.text;
        this.expecting = null;
        this.emit('message', m.id, 'status');
        break;
      }
      case 'token':
      case 'reasoning': {
        const m = tree.get(e.message_id);
        if (!m) { this.refresh(); break; }
        const field = e.type === 'token' ? 'text' : 'reasoning';
        const next = typeof e.content === 'string' ? e.content : m[field] + (e.token || '');
        if (next.length >= m[field].length) m[field] = next;
        if (m.status !== 'streaming') { m.status = 'streaming'; this.emit('message', m.id, 'status'); }
        this.emit('message', m.id, field);
        break;
      }
      case 'stream_complete':
      case 'stream_aborted':
      case 'stream_error':
        this.#finish(e);
        break;
      case 'tool_call':
      case 'tool_result': {
        const m = this.tree.get(e.message_id);
        if (!m) { this.refresh(); break; }
        m.toolCalls = mergeToolCall(m.toolCalls, e);
        this.emit('message', m.id, 'tools');
        break;
      }
      case 'chat_updated':
        this.#setChat(e.chat);
        chatList.upsert(e.chat);
        break;
      case 'error':
        this.#refused(e.message || '');
        break;
      default:
        break;
    }
  }

  #finish(e) {
    const m = this.tree.get(e.message_id);
    if (!m) { this.refresh(); return; }
    const wasStreaming = m.status === 'streaming';
    m.status = e.status || (e.type === 'stream_complete' ? 'complete' : e.type === 'stream_aborted' ? 'aborted' : 'error');
    if (typeof e.content === 'string') m.text = e.content;
    m.error = e.error || '';
    m.errorReason = e.error_reason || '';
    m.retryAfter = e.retry_after ?? null;
    if (e.usage) m.usage = e.usage;
    this.expecting = null;
    this.emit('message', m.id, 'status');
    if (wasStreaming && !this.#announced.has(m.id)) {
      this.#announced.add(m.id);
      this.emit('finished', m);
    }
  }

  // The server refused what we asked over the socket (an `error` event).
  #refused(message) {
    const pending = this.pending;
    const expecting = this.expecting;
    this.pending = null;
    this.expecting = null;
    this.emit('refused', { message, pending, expecting });
    if (pending) this.emit('structure');
  }

  #accountEvent(e) {
    if (e.chat_id !== this.id) return;
    // A reply ended while this socket was deaf (asleep, reconnecting): look.
    if (e.type === 'stream_ended') {
      setTimeout(() => {
        const m = this.tree.get(e.message_id);
        if (!m || !isTerminal(m.status)) this.refresh();
      }, 1500);
    } else if (e.type === 'stream_started' && !this.tree.get(e.message_id)) {
      setTimeout(() => { if (!this.tree.get(e.message_id)) this.refresh(); }, 1500);
    }
  }

  // The socket keeps failing while a reply runs: follow it over SSE meanwhile.
  #maybeFollowOverSse() {
    const m = this.running;
    if (!m || this.#sse || this.socket.isOpen || this.socket.failures < 2) return;
    const control = new AbortController();
    this.#sse = control;
    this.#sseFollowing = true;
    followReply(m.id, (e) => this.#receive(e), control.signal)
      .finally(() => { if (this.#sse === control) this.#sse = null; });
  }

  #useSse() { return !this.socket.isOpen && this.socket.failures >= 2; }

  // A question while the socket cannot get through goes over SSE instead.
  #sendQuestion(message) {
    if (!this.#useSse()) { this.socket.send(message); return; }
    const { type, ...body } = message;
    const control = new AbortController();
    this.#sse?.abort();
    this.#sse = control;
    this.#sseFollowing = false;
    sendOverSse(this.id, body, (e) => this.#receive(e), control.signal)
      .catch((e) => { if (!control.signal.aborted) this.#refused(e.detail || e.message || ''); })
      .finally(() => { if (this.#sse === control) this.#sse = null; });
  }

  #checkQuiet() {
    this.#maybeFollowOverSse();
    if (this.running && this.socket.isOpen && Date.now() - this.#lastEventAt > QUIET_CHECK_MS) {
      this.#lastEventAt = Date.now();
      this.refresh();
    }
  }

  #setChat(chat) {
    if (!chat || chat.id !== this.id) return;
    this.chat = { ...(this.chat || {}), ...chat };
    this.emit('chat', this.chat);
  }

  // The chat's model, or this device's default for a chat that has none yet.
  #choice(message) {
    if (this.chat?.provider) return message;
    const provider = settings.get('provider');
    const model = settings.get('model');
    if (provider) message.provider = provider;
    if (model) message.model = model;
    return message;
  }

  // `attachments`: the uploads the question carries, [{id, name, mime_type, size}].
  send(text, attachments = []) {
    const message = { type: 'stream_message', content: text };
    if (attachments.length) message.attachments = attachments.map((a) => a.id);
    const after = this.tree.leaf;
    if (after) message.parent_message_id = after;
    this.pending = { text, after, attachments };
    this.expecting = { kind: 'send' };
    this.emit('structure');
    this.#sendQuestion(withTools(this.#choice(message)));
  }

  // "Save & submit": the edited question becomes a sibling, with its own reply.
  edit(id, text) {
    const m = this.tree.get(id);
    if (!m) return;
    this.pending = { text, after: m.parent };
    this.expecting = { kind: 'send' };
    this.emit('structure');
    this.#sendQuestion(withTools(this.#choice({ type: 'stream_message', content: text, parent_message_id: m.parent })));
  }

  regenerate(id) {
    this.expecting = { kind: 'regenerate', id };
    this.socket.send(withTools(this.#choice({ type: 'regenerate', message_id: id })));
  }

  continueReply(id) {
    this.expecting = { kind: 'continue', id };
    this.socket.send(withTools(this.#choice({ type: 'continue_stream', message_id: id })));
  }

  // Stop over HTTP: it works whatever state the socket is in.
  async stop() {
    const m = this.running;
    if (!m) return;
    try {
      await api(`/stream/${enc(m.id)}/abort`, { method: 'POST', body: {} });
    } catch {
      this.socket.send({ type: 'abort_stream', message_id: m.id });
    }
  }

  // Shows the branch through a message (a search result), and makes it the
  // chat's active branch on the server. False when the chat has no such message.
  async showMessage(id) {
    if (!this.tree.get(id)) return false;
    if (this.tree.path.includes(id)) return true;
    await this.#activate(id);
    return true;
  }

  async switchVersion(id, delta) {
    const siblings = this.tree.siblings(id);
    const target = siblings[siblings.indexOf(id) + delta];
    if (!target) return;
    await this.#activate(target);
  }

  async #activate(target) {
    this.tree.path = this.tree.pathTo(this.tree.leafFrom(target));
    this.emit('structure');
    try {
      const answer = await api(`/chats/${enc(this.id)}/active`, { method: 'POST', body: { message_id: target } });
      if (Array.isArray(answer?.current_path) && answer.current_path.every((p) => this.tree.get(p))) {
        this.tree.path = answer.current_path;
        this.emit('structure');
      }
    } catch (e) {
      this.emit('actionerror', e);
    }
  }

  async update(fields) {
    const chat = await chatList.update(this.id, fields);
    this.#setChat(chat);
    return chat;
  }
}
