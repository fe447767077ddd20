/**
 * The web app's service worker, served at /sw.js so that it controls the whole app. It keeps the
 * last copy of the page and its two files (network first, the copy when the network is gone), so an
 * attendee's agenda still opens at a venue whose Wi-Fi has dropped. It never touches /api: the page
 * itself keeps the last answers it needs (src/web/client/offline.ts) and says they may be outdated.
 */
export const SERVICE_WORKER = `
const CACHE = 'musubi-shell-v1';
const SHELL = ['/', '/app.js', '/app.css'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || !SHELL.includes(url.pathname)) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(url.pathname, copy));
        }
        return response;
      })
      .catch(() => caches.match(url.pathname).then((kept) => kept || Response.error())),
  );
});
`;
