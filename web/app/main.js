// Boots the web client: theme and language, then sign-in, pairing or the
// chats, and keeps them in step with the hash route and the session.
import { h } from './core/dom.js';
import { t, loadLanguage } from './core/i18n.js';
import { applyTheme } from './core/settings.js';
import { auth } from './core/session.js';
import { router } from './core/router.js';
import { api } from './core/api.js';
import { startApp, stopApp } from './app.js';
import { createSignIn } from './ui/signin.js';
import { createPairing } from './ui/pairing.js';
import { trackViewport } from './ui/viewport.js';

const root = document.getElementById('app');
let mode = null;      // 'signin' | 'pair' | 'app'
let pairing = null;

function show(reason) {
  const route = router.current;
  pairing?.stop();
  pairing = null;
  if (route.name === 'pair') {
    stopApp();
    mode = 'pair';
    pairing = createPairing(route, {
      onDone: () => router.go('#/', { replace: true }),
      onCancel: () => router.go('#/', { replace: true }),
    });
    root.replaceChildren(pairing.root);
    // The code is single-use: keep it out of history once redeemed.
    history.replaceState(null, '', location.pathname);
    return;
  }
  if (!auth.signedIn) {
    stopApp();
    mode = 'signin';
    root.replaceChildren(createSignIn(reason));
    document.title = t('signin.title');
    return;
  }
  if (mode !== 'app') {
    mode = 'app';
    startApp(root, { onLanguage: relaunch, onSignOut: signOut });
  }
}

async function relaunch() {
  stopApp();
  mode = null;
  await loadLanguage();
  show();
}

async function signOut() {
  try { await api('/auth/logout', { method: 'POST', body: {} }); } catch { /* the token goes anyway */ }
  auth.signOut('user');
}

function registerServiceWorker() {
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(location.hostname);
  if (!('serviceWorker' in navigator) || !window.isSecureContext || (local && location.protocol === 'http:')) return;
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => { /* the page works without it */ });
}

async function boot() {
  applyTheme();
  trackViewport();
  try {
    await loadLanguage();
  } catch {
    // Still usable with the keys as words.
  }
  root.classList.remove('booting');
  root.removeAttribute('aria-busy');
  auth.on('signedin', () => { if (router.current.name === 'pair') router.go('#/', { replace: true }); else show(); });
  auth.on('signedout', (reason) => { mode = null; show(reason); });
  router.on('change', (route) => {
    if (route.name === 'pair' || mode !== 'app') show();
  });
  show();
  registerServiceWorker();
}

boot().catch((e) => {
  root.replaceChildren(h('p', { class: 'fatal', role: 'alert', text: `Teehee could not start: ${e.message}` }));
});
