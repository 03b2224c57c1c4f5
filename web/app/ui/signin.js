// Sign in or create an account with email and password.
import { h } from '../core/dom.js';
import { t } from '../core/i18n.js';
import { api } from '../core/api.js';
import { auth } from '../core/session.js';
import { deviceName } from './devicename.js';

function words(e, creating) {
  if (e.status === 0) return t('signin.unreachable');
  if (e.status === 401) return t('signin.wrong');
  if (e.status === 409) return t('signin.taken');
  if (e.status === 403) return t('signin.noSignup');
  if (e.status === 429) return e.retryAfter ? t('signin.tooManyIn', { seconds: e.retryAfter }) : t('signin.tooMany');
  if (e.status === 422) {
    if (/password/i.test(e.detail)) return t('signin.shortPassword');
    if (/email/i.test(e.detail)) return t('signin.badEmail');
  }
  return e.detail || (creating ? t('signin.createFailed') : t('signin.failed'));
}

export function createSignIn(reason) {
  const email = h('input', { type: 'email', id: 'signin-email', class: 'field', autocomplete: 'username', required: true, inputmode: 'email', autocapitalize: 'none', spellcheck: 'false' });
  const password = h('input', { type: 'password', id: 'signin-password', class: 'field', autocomplete: 'current-password', required: true });
  const error = h('div', { class: 'form-error', role: 'alert' });
  const signIn = h('button', { type: 'submit', class: 'btn primary wide', text: t('signin.signIn') });
  const create = h('button', { type: 'button', class: 'btn wide', text: t('signin.create') });
  const form = h('form', { class: 'signin-form', novalidate: true },
    h('label', { class: 'field-label', for: 'signin-email' }, h('span', { text: t('signin.email') })), email,
    h('label', { class: 'field-label', for: 'signin-password' }, h('span', { text: t('signin.password') })), password,
    error, signIn, create);
  // Said once by screen readers too: why the page is back at sign-in.
  const notice = reason === 'expired' ? h('p', { class: 'signin-notice', role: 'status', text: t('signin.expired') })
    : reason === 'user' ? h('p', { class: 'signin-notice', role: 'status', text: t('signin.signedOut') }) : null;
  const root = h('main', { class: 'signin' },
    h('div', { class: 'signin-card' },
      h('img', { src: '/icon.svg', alt: '', class: 'signin-logo', width: '56', height: '56' }),
      h('h1', { text: 'Teehee' }),
      h('p', { class: 'signin-lead', text: t('signin.lead') }),
      notice, form));

  async function submit(creating) {
    error.textContent = '';
    if (!email.value.trim() || !password.value) {
      error.textContent = t('signin.fillBoth');
      (email.value.trim() ? password : email).focus();
      return;
    }
    signIn.disabled = create.disabled = true;
    try {
      const answer = await api(creating ? '/auth/signup' : '/auth/signin', {
        method: 'POST', authed: false,
        body: { email: email.value.trim(), password: password.value, device_name: deviceName() },
      });
      auth.signIn(answer.access_token);
    } catch (e) {
      error.textContent = words(e, creating);
      password.focus();
    } finally {
      signIn.disabled = create.disabled = false;
    }
  }

  form.addEventListener('submit', (e) => { e.preventDefault(); submit(false); });
  create.addEventListener('click', () => {
    password.autocomplete = 'new-password';
    submit(true);
  });
  requestAnimationFrame(() => email.focus());
  return root;
}
