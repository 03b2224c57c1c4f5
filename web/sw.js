// Offline shell: the page (/) and its content-hashed files (/app/<hash>/…).
// API answers are never cached: every other request goes straight to the network.
const CACHE = 'teehee-shell-v1';
// The build writes the current app folder here ("/app/<hash>").
const APP = '%APP%';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil((async () => {
  await prune(`${APP}/`);
  await self.clients.claim();
})()));

function isShell(url) {
  return url.origin === self.location.origin && (url.pathname === '/' || url.pathname === '/index.html');
}

function isAppFile(url) {
  return url.origin === self.location.origin && url.pathname.startsWith('/app/');
}

// The page names the current hash; files of older hashes are dropped.
async function prune(html) {
  const current = (html.match(/\/app\/([^/"']+)\//) || [])[1];
  if (!current) return;
  const cache = await caches.open(CACHE);
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (path.startsWith('/app/') && !path.startsWith(`/app/${current}/`)) await cache.delete(request);
  }
}

async function page(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) {
      const copy = response.clone();
      await cache.put('/', copy.clone());
      copy.text().then(prune).catch(() => {});
    }
    return response;
  } catch {
    return (await cache.match('/')) || Response.error();
  }
}

async function appFile(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) cache.put(request, response.clone()).catch(() => {});
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (request.mode === 'navigate' && isShell(url)) event.respondWith(page(request));
  else if (isAppFile(url)) event.respondWith(appFile(request));
});
