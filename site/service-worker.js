// Keeps one release of the site in Cache Storage, so that after one visit it opens and runs
// with the network off, and can be installed as an app. The build (tools/service_worker.py)
// fills in the placeholder below with this release's id and its files, each with its SHA-256.
//
// A page runs on one release: a release's cache is filled whole before its worker takes over,
// and only then are older releases' caches deleted. A new worker waits until the page asks it
// to take over (the page's "Reload"); every page it then controls reloads at once.
const { release: RELEASE, files: FILES } = __PRECACHE__;

const SCOPE = self.registration.scope;
// Several copies of the site can share an origin (user.github.io/<repo>/), and Cache Storage
// is per origin: the names say which copy they belong to. python-client.js keeps its unpacked
// snapshot under a name of its own, which this worker never deletes.
const CACHE_PREFIX = `math-fundamentals-release ${SCOPE} `;
const CACHE = CACHE_PREFIX + RELEASE;

self.addEventListener("install", (event) => {
  event.waitUntil(precache());
});

self.addEventListener("activate", (event) => {
  event.waitUntil(forgetOtherReleases());
});

self.addEventListener("message", (event) => {
  if (event.data?.type === "take-over") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const path = releasePath(event.request);
  if (path !== null) event.respondWith(fromRelease(event.request, path));
});

async function precache() {
  const cache = await caches.open(CACHE);
  await Promise.all(Object.entries(FILES).map(async ([path, integrity]) => {
    const url = new URL(path, SCOPE).href;
    if (await cache.match(url)) return; // kept by an install that was interrupted
    await cache.put(url, await verified(url, integrity));
  }));
}

// The browser's HTTP cache may still hold the previous release's copy of a file (GitHub Pages
// lets it keep one for ten minutes); the integrity check refuses it, and the file is fetched anew.
async function verified(url, integrity) {
  try {
    return await fetchOk(url, { integrity });
  } catch {
    return fetchOk(url, { integrity, cache: "reload" });
  }
}

async function fetchOk(url, options) {
  const response = await fetch(url, options);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

async function forgetOtherReleases() {
  for (const name of await caches.keys()) {
    if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
  }
}

// The path of a request inside the site if it asks for one of this release's files, else null:
// other requests (the offline zip, the wrapped runtime files, the xz form) go to the network.
function releasePath(request) {
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return null;
  const url = new URL(request.url);
  const path = url.pathname.slice(new URL(SCOPE).pathname.length);
  if (request.mode === "navigate" && path === "") return "index.html";
  const known = Object.hasOwn(FILES, path) && (url.search === "" || request.mode === "navigate");
  return known ? path : null;
}

async function fromRelease(request, path) {
  const cached = await (await caches.open(CACHE)).match(new URL(path, SCOPE).href);
  return cached ?? fetch(request);
}
