// The page's service worker (filled in by web/post-build.mjs): after the first visit the page opens
// and checks without a network. The page (index.html) is fetched network-first, so a new version on the
// server is taken on the next visit; the other files have a hash in their names and never change, so
// they come from the cache. Only this origin's GET requests are handled; nothing else is fetched.
var VERSION = '__VERSION__';
var FILES = ['__FILES__'];
var CACHE = 'nianbao-' + VERSION;

self.addEventListener('install', function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      return cache.addAll(FILES);
    }).then(function () {
      return self.skipWaiting();
    })
  );
});

self.addEventListener('activate', function (event) {
  event.waitUntil(
    caches.keys().then(function (keys) {
      return Promise.all(keys.filter(function (key) {
        return key.indexOf('nianbao-') === 0 && key !== CACHE;
      }).map(function (key) {
        return caches.delete(key);
      }));
    }).then(function () {
      return self.clients.claim();
    })
  );
});

function fromNetwork(request, cache) {
  return fetch(request).then(function (response) {
    if (response.ok) cache.put(request, response.clone());
    return response;
  });
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  var page = request.mode === 'navigate' || /\/(index\.html)?$/.test(new URL(request.url).pathname);
  event.respondWith(
    caches.open(CACHE).then(function (cache) {
      if (page) {
        return fromNetwork(request, cache).catch(function () {
          return cache.match(request, { ignoreSearch: true }).then(function (hit) {
            return hit || cache.match('./');
          });
        });
      }
      return cache.match(request).then(function (hit) {
        return hit || fromNetwork(request, cache);
      });
    })
  );
});
