// The messages of one chat as a tree (every branch), and the path from the
// root to the active leaf that the conversation shows. Pure data: no DOM.
const TERMINAL = new Set(['complete', 'aborted', 'error']);

export const isTerminal = (status) => TERMINAL.has(status);

// A server message object → the fields the views use.
export function normalize(m) {
  const content = m.content && typeof m.content === 'object' ? m.content : { text: String(m.content ?? '') };
  return {
    id: m.id,
    parent: m.parent_message_id || null,
    role: m.role,
    text: typeof content.text === 'string' ? content.text : '',
    reasoning: typeof content.reasoning === 'string' ? content.reasoning : '',
    status: m.status || 'complete',
    error: content.error || '',
    errorReason: content.error_reason || '',
    deleted: !!content.deleted,
    usage: content.usage || null,
    attachments: Array.isArray(content.attachments) ? content.attachments : [],
    toolCalls: Array.isArray(content.tool_calls) ? content.tool_calls.filter((c) => c && c.call_id) : [],
    model: m.model || '',
    provider: m.provider || '',
    timestamp: m.timestamp || '',
    retryAfter: null,
  };
}

export class MessageTree {
  byId = new Map();
  kids = new Map(); // parent id ('' for roots) → child ids, oldest first
  path = [];

  // A whole chat from GET /chats/{id}: replaces the path, merges messages.
  load(detail) {
    for (const m of detail.messages || []) this.merge(normalize(m));
    this.path = (detail.current_path || []).filter((id) => this.byId.has(id));
    if (!this.path.length && detail.messages?.length) this.path = this.pathTo(this.leafFrom(null));
  }

  // A message as the server has it now. Text of a reply that is still being
  // written only grows: an older snapshot never takes back streamed text.
  merge(incoming) {
    const known = this.byId.get(incoming.id);
    if (!known) {
      this.byId.set(incoming.id, incoming);
      const key = incoming.parent || '';
      if (!this.kids.has(key)) this.kids.set(key, []);
      this.kids.get(key).push(incoming.id);
      return incoming;
    }
    const keepText = known.status === 'streaming' && incoming.status === 'streaming';
    const text = keepText && known.text.length > incoming.text.length ? known.text : incoming.text;
    const reasoning = keepText && known.reasoning.length > incoming.reasoning.length ? known.reasoning : incoming.reasoning;
    const toolCalls = keepText && known.toolCalls.length > incoming.toolCalls.length ? known.toolCalls : incoming.toolCalls;
    Object.assign(known, incoming, { text, reasoning, toolCalls });
    return known;
  }

  get(id) { return this.byId.get(id) || null; }

  children(id) { return this.kids.get(id || '') || []; }

  siblings(id) {
    const m = this.byId.get(id);
    return m ? this.children(m.parent) : [];
  }

  pathTo(id) {
    const out = [];
    for (let m = this.byId.get(id); m; m = m.parent ? this.byId.get(m.parent) : null) out.push(m.id);
    return out.reverse();
  }

  // The most recent leaf below id (as the server picks the active leaf).
  leafFrom(id) {
    let current = id;
    for (;;) {
      const kids = this.children(current);
      if (!kids.length) return current;
      current = kids[kids.length - 1];
    }
  }

  get leaf() { return this.path.length ? this.path[this.path.length - 1] : null; }

  streaming() {
    for (const m of this.byId.values()) if (m.status === 'streaming') return m;
    return null;
  }
}
