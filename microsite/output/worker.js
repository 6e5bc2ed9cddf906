// The service worker the build writes as sw.js: offline reading after one visit.
// Network first; the cache only when offline. VERSION and FILES are filled in by the build.
const VERSION = "microsite-preview";  // the build writes the site's version here
const FILES = [];  // the build writes the files a first visit keeps here
self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(VERSION).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});
self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((key) => key.startsWith("microsite-") && key !== VERSION).map((key) => caches.delete(key))))
    .then(() => self.clients.claim()));
});
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(fetch(request).then((response) => {
    if (response.ok && response.type === "basic") {
      const copy = response.clone();
      caches.open(VERSION).then((cache) => cache.put(request, copy));
    }
    return response;
  }).catch(() => caches.open(VERSION).then((cache) => cache.match(request, { ignoreSearch: true })
    .then((hit) => hit || cache.match(new URL("index.html", request.url), { ignoreSearch: true }))
    .then((hit) => hit || cache.match(new URL("404.html", self.registration.scope))))));
});
