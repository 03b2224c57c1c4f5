// Files sent with a message: uploads (POST /attachments), the chips the
// composer shows before sending, and the thumbnails a message shows. Bytes
// are fetched with the token in the Authorization header into blob URLs, so
// the token never appears in a URL.
import { h, iconButton } from '../core/dom.js';
import { icon } from '../core/icons.js';
import { t } from '../core/i18n.js';
import { auth } from '../core/session.js';
import { ApiError } from '../core/api.js';

// What the file picker offers; the server judges the bytes anyway.
export const ACCEPT = 'image/png,image/jpeg,image/gif,image/webp,application/pdf,text/*,.md,.json,.csv,.txt,'
  + '.js,.mjs,.ts,.py,.c,.h,.cpp,.hpp,.java,.go,.rs,.rb,.sh,.yaml,.yml,.toml,.xml,.html,.css,.sql';
export const MAX_PER_MESSAGE = 20;

export function formatSize(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export async function uploadFile(file) {
  let res;
  try {
    res = await fetch('/attachments', {
      method: 'POST', body: file, cache: 'no-store', credentials: 'omit',
      headers: {
        Accept: 'application/json', Authorization: `Bearer ${auth.token}`,
        'Content-Type': file.type || 'application/octet-stream', 'X-Filename': encodeURIComponent(file.name || 'file'),
      },
    });
  } catch {
    throw new ApiError(0, 'network');
  }
  const data = await res.json().catch(() => null);
  if (res.status === 401) auth.signOut('expired');
  if (!res.ok) throw new ApiError(res.status, typeof data?.detail === 'string' ? data.detail : '', data);
  return data;
}

// Why an upload was refused, in the reader's language.
export function uploadError(e, name) {
  if (e.status === 413) return t('attach.tooLarge', { name });
  if (e.status === 415) return t('attach.badType', { name });
  if (e.status === 0) return t('attach.offline', { name });
  return t('attach.failed', { name, detail: e.detail || `HTTP ${e.status}` });
}

const blobUrls = new Map(); // id → Promise<blob URL>

export function attachmentUrl(id) {
  if (!blobUrls.has(id)) {
    const p = fetch(`/attachments/${encodeURIComponent(id)}`, {
      headers: { Authorization: `Bearer ${auth.token}` }, credentials: 'omit',
    }).then((r) => {
      if (!r.ok) throw new ApiError(r.status, '');
      return r.blob();
    }).then((b) => URL.createObjectURL(b));
    p.catch(() => blobUrls.delete(id));
    blobUrls.set(id, p);
  }
  return blobUrls.get(id);
}

const isImage = (type) => /^image\/(png|jpeg|gif|webp)$/.test(type || '');

// The files of a sent message: thumbnails for images, chips for the rest.
export function renderMessageAttachments(list) {
  if (!list?.length) return null;
  return h('div', { class: 'msg-attachments' }, list.map((a) => {
    if (a.removed) return h('span', { class: 'att-chip removed', text: t('attach.removed', { name: a.name }) });
    if (isImage(a.mime_type)) {
      const img = h('img', { class: 'att-thumb', alt: a.name, title: a.name, loading: 'lazy' });
      const link = h('a', { class: 'att-image', target: '_blank', rel: 'noopener' }, img);
      attachmentUrl(a.id).then((url) => { img.src = url; link.href = url; }, () => img.classList.add('broken'));
      return link;
    }
    const chip = h('a', { class: 'att-chip', title: a.name, download: a.name },
      icon('file'), h('span', { class: 'att-name', text: a.name }), h('span', { class: 'att-size', text: formatSize(a.size || 0) }));
    attachmentUrl(a.id).then((url) => { chip.href = url; }, () => chip.classList.add('broken'));
    return chip;
  }));
}

// The files waiting in the composer: each uploads at once; a chip shows it
// (a thumbnail for an image) with a button to take it out.
export function createAttachmentTray({ onChange, onError }) {
  const root = h('div', { class: 'att-tray', hidden: true });
  let items = []; // {key, file, preview, state: 'uploading'|'ready', attachment}
  let next = 0;

  function render() {
    root.hidden = items.length === 0;
    root.replaceChildren(...items.map((item) => {
      const chip = h('div', { class: `att-chip pending ${item.state}`, title: item.file.name, dataset: { state: item.state } },
        item.preview ? h('img', { class: 'att-mini', src: item.preview, alt: '' }) : icon('file'),
        h('span', { class: 'att-name', text: item.file.name }),
        h('span', { class: 'att-size', text: item.state === 'uploading' ? t('attach.uploading') : formatSize(item.file.size) }),
        iconButton('close', t('attach.remove', { name: item.file.name }), () => remove(item.key), { class: 'att-remove' }));
      return chip;
    }));
    onChange();
  }

  function remove(key) {
    const item = items.find((i) => i.key === key);
    if (item?.preview) URL.revokeObjectURL(item.preview);
    items = items.filter((i) => i.key !== key);
    render();
  }

  function add(files) {
    for (const file of files) {
      if (items.length >= MAX_PER_MESSAGE) { onError(t('attach.tooMany', { count: MAX_PER_MESSAGE })); break; }
      const item = { key: ++next, file, state: 'uploading', preview: isImage(file.type) ? URL.createObjectURL(file) : null };
      items.push(item);
      uploadFile(file).then((attachment) => {
        item.state = 'ready';
        item.attachment = attachment;
        render();
      }, (e) => {
        onError(uploadError(e, file.name));
        remove(item.key);
      });
    }
    render();
  }

  return {
    root,
    add,
    get uploading() { return items.some((i) => i.state === 'uploading'); },
    get count() { return items.length; },
    // The sent message's attachments: [{id, name, mime_type, size}].
    ready() { return items.filter((i) => i.state === 'ready').map((i) => i.attachment); },
    clear() {
      for (const i of items) if (i.preview) URL.revokeObjectURL(i.preview);
      items = [];
      render();
    },
  };
}
