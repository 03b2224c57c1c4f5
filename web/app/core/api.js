// JSON over HTTP to the same origin. The token goes only in the
// Authorization header; a 401 on an authenticated call signs the page out.
import { auth } from './session.js';

export class ApiError extends Error {
  constructor(status, detail, body = null, retryAfter = null) {
    super(detail || `HTTP ${status}`);
    this.status = status;       // 0: the server could not be reached
    this.detail = detail || '';
    this.body = body;
    this.retryAfter = retryAfter;
  }
}

export async function api(path, { method = 'GET', body, authed = true, signal, keepalive } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const token = auth.token;
  if (authed && token) headers.Authorization = `Bearer ${token}`;
  let res;
  try {
    res = await fetch(path, {
      method, headers, signal, keepalive, cache: 'no-store', credentials: 'omit',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network');
  }
  let data = null;
  const text = await res.text().catch(() => '');
  if (text) {
    try { data = JSON.parse(text); } catch { data = null; }
  }
  if (res.status === 401 && authed) auth.signOut('expired');
  if (!res.ok) {
    const detail = typeof data?.detail === 'string' ? data.detail : '';
    throw new ApiError(res.status, detail, data, res.headers.get('Retry-After'));
  }
  return data;
}

// For paths built from ids.
export const enc = encodeURIComponent;
