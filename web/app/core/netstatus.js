// Online/offline and "the page woke up" (tab shown again, back from the
// bfcache, network back, or a timer gap that means the device slept).
import { Emitter } from './emitter.js';

class NetStatus extends Emitter {
  online = navigator.onLine !== false;

  constructor() {
    super();
    window.addEventListener('online', () => this.#set(true));
    window.addEventListener('offline', () => this.#set(false));
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') this.emit('wake', 'visible');
    });
    window.addEventListener('pageshow', (e) => { if (e.persisted) this.emit('wake', 'pageshow'); });
    let last = Date.now();
    setInterval(() => {
      const now = Date.now();
      if (now - last > 15000) this.emit('wake', 'sleep');
      last = now;
    }, 5000);
  }

  #set(online) {
    if (this.online === online) return;
    this.online = online;
    this.emit('change', online);
    if (online) this.emit('wake', 'online');
  }
}

export const net = new NetStatus();
