// Service worker: keeps the app shell (page, wasm, JS, font) so a reload works with no
// signal. Hashed assets never change, so they are served from the cache first; the page
// itself is fetched fresh when the network is there and falls back to the cached copy.
// API requests are left alone: each area keeps its own offline data in IndexedDB.
'use strict';
const BUILD = '{{BUILD}}';
const CACHE = 'huigong-shell-' + BUILD;
const PRECACHE = {{PRECACHE}};

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('huigong-shell-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (req.mode === 'navigate') {
    event.respondWith(fetch(req).then((res) => {
      const copy = res.clone();
      if (res.ok) caches.open(CACHE).then((c) => c.put('./', copy));
      return res;
    }).catch(() => caches.match('./', {ignoreSearch: true}).then((r) => r || caches.match('index.html'))));
    return;
  }
  event.respondWith(caches.match(req).then((hit) => hit || fetch(req)));
});
