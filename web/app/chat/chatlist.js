// The account's chats, most recently active first, kept current by the
// /events socket. Chats being deleted (waiting for Undo) are hidden here.
import { Emitter } from '../core/emitter.js';
import { api, enc } from '../core/api.js';

class ChatList extends Emitter {
  chats = [];
  loaded = false;
  hidden = new Set();   // pending deletes
  running = new Set();  // chat ids with a reply streaming

  async load() {
    const list = await api('/chats');
    this.chats = Array.isArray(list) ? list : [];
    this.#sort();
    this.loaded = true;
    this.emit('change');
  }

  reset() {
    this.chats = [];
    this.loaded = false;
    this.hidden.clear();
    this.running.clear();
    this.emit('change');
  }

  get visible() { return this.chats.filter((c) => !this.hidden.has(c.id)); }

  find(id) { return this.chats.find((c) => c.id === id) || null; }

  upsert(chat) {
    if (!chat?.id) return;
    const i = this.chats.findIndex((c) => c.id === chat.id);
    if (i >= 0) this.chats[i] = { ...this.chats[i], ...chat };
    else this.chats.push(chat);
    this.#sort();
    this.emit('change');
  }

  remove(id) {
    const before = this.chats.length;
    this.chats = this.chats.filter((c) => c.id !== id);
    this.hidden.delete(id);
    this.running.delete(id);
    if (before !== this.chats.length) this.emit('change');
    this.emit('removed', id);
  }

  setRunning(id, running) {
    if (running === this.running.has(id)) return;
    if (running) this.running.add(id);
    else this.running.delete(id);
    this.emit('change');
  }

  hide(id, hidden) {
    if (hidden) this.hidden.add(id);
    else this.hidden.delete(id);
    this.emit('change');
  }

  // An account event from /events.
  apply(event) {
    switch (event.type) {
      case 'chat_created':
      case 'chat_updated':
        this.upsert(event.chat);
        break;
      case 'chat_deleted':
        this.remove(event.chat_id);
        break;
      case 'stream_started':
        this.setRunning(event.chat_id, true);
        this.#touch(event.chat_id);
        break;
      case 'stream_ended':
        this.setRunning(event.chat_id, false);
        break;
      default:
        break;
    }
    this.emit('event', event);
  }

  async create(fields = {}) {
    const chat = await api('/chats', { method: 'POST', body: fields });
    this.upsert(chat);
    return chat;
  }

  async rename(id, name) {
    this.upsert(await api(`/chats/${enc(id)}`, { method: 'PATCH', body: { name } }));
  }

  async update(id, fields) {
    const chat = await api(`/chats/${enc(id)}`, { method: 'PATCH', body: fields });
    this.upsert(chat);
    return chat;
  }

  async destroy(id, { keepalive = false } = {}) {
    try {
      await api(`/chats/${enc(id)}`, { method: 'DELETE', keepalive });
    } catch (e) {
      if (e.status !== 404) { this.hide(id, false); throw e; }
    }
    this.remove(id);
  }

  async fork(id, baseMessageId) {
    const detail = await api(`/chats/${enc(id)}/branch`, { method: 'POST', body: { base_message_id: baseMessageId } });
    const { messages, current_path: path, ...chat } = detail;
    this.upsert(chat);
    return chat;
  }

  // A reply started: the chat moves to the top at once (the server's
  // chat_updated with the new time follows).
  #touch(id) {
    const chat = this.find(id);
    if (chat) this.upsert({ id, updated_at: new Date().toISOString() });
  }

  #sort() {
    this.chats.sort((a, b) => (Date.parse(b.updated_at) || 0) - (Date.parse(a.updated_at) || 0));
  }
}

export const chatList = new ChatList();
