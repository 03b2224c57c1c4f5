// Pairing (#pair=<code>[&fp=...]): redeem the code, show the 6-digit
// number to compare with the other device, and wait for approval.
import { h } from '../core/dom.js';
import { t } from '../core/i18n.js';
import { api, enc } from '../core/api.js';
import { auth } from '../core/session.js';
import { deviceName } from './devicename.js';

// As the desktop shows it: upper-case pairs separated by colons.
function readableFingerprint(fp) {
  return (fp.toUpperCase().match(/[0-9A-F]{2}/g) || []).join(':');
}

export function createPairing({ code, fp }, { onDone, onCancel }) {
  const status = h('p', { class: 'pair-status', role: 'status', text: t('pair.connecting') });
  const number = h('p', { class: 'pair-number', 'aria-label': t('pair.number'), hidden: true });
  const compare = h('p', { class: 'pair-compare', hidden: true, text: t('pair.compare') });
  const error = h('div', { class: 'form-error', role: 'alert' });
  const back = h('button', {
    type: 'button', class: 'btn wide', text: auth.signedIn ? t('pair.backToChats') : t('pair.signInInstead'),
    onclick: () => { stop(); onCancel(); },
  });
  const fingerprint = fp ? h('details', { class: 'pair-fp' }, h('summary', { text: t('pair.fingerprint') }), h('code', { text: readableFingerprint(fp) })) : null;
  const root = h('main', { class: 'signin' },
    h('div', { class: 'signin-card' },
      h('img', { src: '/icon.svg', alt: '', class: 'signin-logo', width: '56', height: '56' }),
      h('h1', { text: t('pair.title') }),
      compare, number, status, error, fingerprint, back));

  let timer = 0;
  let stopped = false;
  const stop = () => { stopped = true; clearTimeout(timer); };

  function fail(text) {
    stop();
    status.textContent = '';
    number.hidden = true;
    compare.hidden = true;
    error.textContent = text;
  }

  async function poll(id) {
    if (stopped) return;
    const started = Date.now();
    let answer;
    try {
      answer = await api(`/pair/${enc(id)}`, { authed: false });
    } catch (e) {
      if (e.status === 404) return fail(t('pair.expired'));
      // A network blip or too many polls: keep asking, no faster than once a second.
      const wait = Number(e.retryAfter) > 0 ? Number(e.retryAfter) * 1000 : 2000;
      timer = setTimeout(() => poll(id), wait);
      return;
    }
    if (stopped) return;
    if (answer?.status === 'approved' && answer.access_token) {
      stop();
      auth.signIn(answer.access_token);
      onDone();
      return;
    }
    if (answer?.status === 'denied') return fail(t('pair.denied'));
    if (answer?.status === 'expired') return fail(t('pair.expired'));
    if (answer?.status === 'approved') return fail(t('pair.tokenGone'));
    timer = setTimeout(() => poll(id), Math.max(1000, 1000 - (Date.now() - started)));
  }

  (async () => {
    if (!code) return fail(t('pair.noCode'));
    try {
      const answer = await api('/pair', { method: 'POST', authed: false, body: { code, device_name: deviceName() } });
      number.textContent = String(answer.verification || '');
      number.hidden = false;
      compare.hidden = false;
      status.textContent = t('pair.waiting');
      poll(answer.pairing_id);
    } catch (e) {
      if (e.status === 404 || e.status === 405) fail(t('pair.unsupported'));
      else if (e.status === 401) fail(t('pair.badCode'));
      else if (e.status === 429) fail(t('pair.tooMany'));
      else if (e.status === 0) fail(t('signin.unreachable'));
      else fail(e.detail || t('error.generic'));
    }
  })();

  return { root, stop };
}
