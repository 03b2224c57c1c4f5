// The signed-in state: the token, and the page-wide "signed out" signal that
// any 401 (HTTP) or 4001 close (WebSocket) raises.
import { Emitter } from './emitter.js';
import { tokenStore } from './storage.js';

class AuthState extends Emitter {
  get token() { return tokenStore.get(); }
  get signedIn() { return !!tokenStore.get(); }

  signIn(token) {
    tokenStore.set(token);
    this.emit('signedin');
  }

  // reason: 'user' (Sign out), 'expired' (a 401) or 'elsewhere' (another tab).
  signOut(reason = 'user') {
    const had = !!tokenStore.get();
    tokenStore.clear();
    if (had || reason !== 'user') this.emit('signedout', reason);
  }
}

export const auth = new AuthState();

// Another tab signed in or out.
window.addEventListener('storage', (e) => {
  if (e.key !== tokenStore.key) return;
  if (e.newValue) auth.emit('signedin');
  else auth.emit('signedout', 'elsewhere');
});
