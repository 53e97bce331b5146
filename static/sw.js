// The service worker: makes the app work with no signal after the first visit.
// scripts/postbuild.mjs fills in VERSION (a digest of every file below and of this file) and
// PRECACHE (the family app's own files, as built). Nothing here ever sends anything: it only
// answers the app's own GET requests for its own static files from the cache.
//
// - install: the family app's files are cached (through the HTTP cache, so nothing is
//   downloaded twice on a first visit when the host lets hashed files be cached), and the
//   OPTIONAL ones this browser already downloaded.
// - fetch (the app's own paths only, see `ours`): a page is answered with the cached
//   index.html of its directory,
//   whatever its query (?region=… for portals) — a fragment (#case=…) never reaches here;
//   another file of this site from the cache, else from the network and then cached (the
//   officer desk and its worker are cached the first time the officer opens them, never
//   before: a family does not download the desk).
// - A new version waits until the page asks (「政策数据已更新，点此刷新」), so the rules never
//   change under a family in the middle of its answers; its activation drops the old cache.
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
// Files cached at install only if this browser already downloaded them: the stylesheet file,
// which the page fetches only when the host's policy blocked its inline styles.
const OPTIONAL = __OPTIONAL__;
const CACHE = `zhuxue-${VERSION}`;
// The app's own paths under the worker's scope: the family page and its files, and the
// directories of the desk, the pinyin table and the JS API. Anything else on the same site (a
// portal that hosts the app at its root has its own pages) is left to the network, untouched.
const SCOPE = new URL(self.registration.scope).pathname;
const OWN_FILES = new Set(['', ...PRECACHE.concat(OPTIONAL).map((f) => f.replace(/^\.\//, '')), 'embed.js']);
function ours(path) {
  if (!path.startsWith(SCOPE)) return false;
  const rest = path.slice(SCOPE.length);
  return OWN_FILES.has(rest) || /^(desk|pinyin|api)\//.test(rest);
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(PRECACHE);
    for (const file of OPTIONAL) {
      try {
        const response = await fetch(new Request(file, { cache: 'only-if-cached', mode: 'same-origin' }));
        if (response.ok) await cache.put(file, response);
      } catch (_) { /* not downloaded: nothing to keep */ }
    }
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('zhuxue-') && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || !ours(url.pathname)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const key = request.mode === 'navigate'
      ? url.pathname.replace(/\/$/, '/index.html')
      : url.pathname;
    const hit = await cache.match(key, { ignoreSearch: true, ignoreVary: true });
    if (hit) return hit;
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') await cache.put(key, response.clone());
    return response;
  })());
});
