// Devices signed in to this account (Settings › Devices), and the approval
// of a new device that asks to pair (the pair_requested event).
import { h, clear } from '../core/dom.js';
import { t } from '../core/i18n.js';
import { api, enc } from '../core/api.js';
import { serverOffers } from '../core/features.js';
import { openDialog } from './dialog.js';

export function createDevicesSection() {
  const list = h('ul', { class: 'key-list' });
  const status = h('p', { class: 'form-status', role: 'status' });
  const section = h('section', { class: 'settings-section', 'aria-labelledby': 'set-devices', hidden: true },
    h('h3', { id: 'set-devices', text: t('devices.title') }), list, status);

  async function load() {
    if (await serverOffers('/devices') === false) return;
    let devices;
    try { devices = await api('/devices'); } catch { return; }
    section.hidden = false;
    clear(list);
    for (const d of devices || []) {
      const when = d.last_seen_at ? new Date(d.last_seen_at).toLocaleString() : '';
      const remove = d.current ? null : h('button', {
        type: 'button', class: 'btn small danger', text: t('devices.remove'), 'aria-label': t('devices.removeNamed', { name: d.name }),
        onclick: async () => {
          try {
            await api(`/devices/${enc(d.id)}`, { method: 'DELETE' });
            status.textContent = t('devices.removed', { name: d.name });
            load();
          } catch (e) { status.textContent = e.detail || t('error.generic'); }
        },
      });
      list.append(h('li', { class: 'key-row' },
        h('span', { class: 'key-name', text: d.name || t('devices.unnamed') }),
        h('span', { class: 'hint', text: d.current ? t('devices.this') : t('devices.lastSeen', { when }) }),
        remove ? h('span', { class: 'key-buttons' }, remove) : null));
    }
  }

  load();
  return section;
}

const asking = new Map(); // pairing id → dialog

// Another device redeemed an invitation of this account: compare and decide.
export function askToApprovePairing(event) {
  if (!event?.pairing_id || asking.has(event.pairing_id)) return;
  const error = h('p', { class: 'form-error', role: 'alert' });
  const decide = async (approve) => {
    try {
      await api(`/pair/requests/${enc(event.pairing_id)}/${approve ? 'approve' : 'deny'}`, { method: 'POST', body: {} });
      handle.close();
    } catch (e) {
      // Another device answered first, or it expired.
      if (e.status === 404 || e.status === 409) handle.close();
      else error.textContent = e.detail || t('error.generic');
    }
  };
  const body = h('div', { class: 'pair-approve' },
    h('p', { text: t('pairAsk.text', { name: event.device_name || t('devices.unnamed') }) }),
    h('p', { class: 'pair-number', 'aria-label': t('pair.number'), text: String(event.verification || '') }),
    error,
    h('div', { class: 'dialog-actions' },
      h('button', { type: 'button', class: 'btn', text: t('pairAsk.deny'), onclick: () => decide(false) }),
      h('button', { type: 'button', class: 'btn primary', text: t('pairAsk.approve'), onclick: () => decide(true) })));
  const handle = openDialog({ title: t('pairAsk.title'), body, onClose: () => { asking.delete(event.pairing_id); clearTimeout(timer); } });
  asking.set(event.pairing_id, handle);
  const expires = Date.parse(event.expires_at);
  const timer = setTimeout(() => handle.close(), Number.isFinite(expires) ? Math.max(1000, expires - Date.now()) : 180000);
}
