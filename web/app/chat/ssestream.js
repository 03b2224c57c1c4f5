// The SSE side of streaming, for when the WebSocket cannot get through (a
// proxy that blocks it): follow a reply with GET /stream/{id}/events and
// Last-Event-ID, or send with POST /chats/{id}/stream. The events are the
// WebSocket's own JSON, so the session applies them the same way.
import { auth } from '../core/session.js';
import { enc } from '../core/api.js';

const TERMINAL = new Set(['stream_complete', 'stream_aborted', 'stream_error']);

// Reads an event stream; returns the last event id and whether a reply ended.
async function read(response, onEvent, state) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let data = [];
  let id = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.search(/\r\n|\n|\r/)) >= 0) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + (buffer.startsWith('\r\n', end) ? 2 : 1));
      if (line === '') {
        if (id) state.lastId = id;
        if (data.length) {
          let event = null;
          try { event = JSON.parse(data.join('\n')); } catch { event = null; }
          if (event?.type) {
            onEvent(event);
            if (TERMINAL.has(event.type)) { state.ended = true; reader.cancel().catch(() => {}); return; }
          }
        }
        data = [];
        id = '';
      } else if (line.startsWith('data:')) {
        data.push(line.slice(line.startsWith('data: ') ? 6 : 5));
      } else if (line.startsWith('id:')) {
        id = line.slice(3).trim();
      }
    }
  }
}

function headers(lastId) {
  const h = { Accept: 'text/event-stream', Authorization: `Bearer ${auth.token || ''}` };
  if (lastId) h['Last-Event-ID'] = lastId;
  return h;
}

// Follows one reply until it ends or `signal` aborts, resuming after drops.
export async function followReply(messageId, onEvent, signal, lastId = '') {
  const state = { lastId, ended: false };
  while (!signal.aborted && !state.ended) {
    try {
      const res = await fetch(`/stream/${enc(messageId)}/events`, { headers: headers(state.lastId), signal, cache: 'no-store' });
      if (res.status === 401) { auth.signOut('expired'); return; }
      if (!res.ok || !res.body) return;
      await read(res, onEvent, state);
    } catch {
      if (signal.aborted) return;
    }
    if (!state.ended) await new Promise((r) => setTimeout(r, 2000));
  }
}

// Sends a question over SSE and follows its reply; throws the server's refusal.
export async function sendOverSse(chatId, body, onEvent, signal) {
  const res = await fetch(`/chats/${enc(chatId)}/stream`, {
    method: 'POST', signal, cache: 'no-store',
    headers: { ...headers(''), 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status === 401) { auth.signOut('expired'); return; }
  if (!res.ok || !res.body) {
    let detail = '';
    try { detail = (await res.json()).detail || ''; } catch { detail = ''; }
    throw Object.assign(new Error(detail), { status: res.status, detail });
  }
  const state = { lastId: '', ended: false };
  let replyId = null;
  await read(res, (e) => { if (e.type === 'stream_start') replyId = e.message_id; onEvent(e); }, state).catch(() => {});
  // The answer dropped mid-reply: go on following it from where it stopped.
  if (!state.ended && replyId && !signal.aborted) await followReply(replyId, onEvent, signal, state.lastId);
}
