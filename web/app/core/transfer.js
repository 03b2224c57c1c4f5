// Export and import of chats: downloads of GET /chats/{id}/export and
// GET /export as files, and a file the person picks sent to POST /import.
import { auth } from './session.js';
import { ApiError } from './api.js';

async function send(path, init) {
  let res;
  try {
    res = await fetch(path, { ...init, cache: 'no-store', credentials: 'omit',
      headers: { ...(init.headers || {}), Authorization: `Bearer ${auth.token}` } });
  } catch {
    throw new ApiError(0, 'network');
  }
  if (res.status === 401) auth.signOut('expired');
  if (!res.ok) {
    const data = await res.json().catch(() => null);
    throw new ApiError(res.status, typeof data?.detail === 'string' ? data.detail : '', data);
  }
  return res;
}

// Saves the answer of `path` as a file named as the server says (else `fallbackName`).
export async function download(path, fallbackName) {
  const res = await send(path, { method: 'GET' });
  const disposition = res.headers.get('Content-Disposition') || '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] || fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

// Sends the file as it is: {imported, skipped, chat_ids}.
export async function importFile(file) {
  const res = await send('/import', { method: 'POST', body: file, headers: { 'Content-Type': 'application/json' } });
  return res.json();
}
