// Installable, and usable offline after one visit: registers the service worker
// (service-worker.js, written by the build), which keeps this release's files, and
// offers a new release with a Reload button once it is ready.
import { onStatus } from "./python-client.js";

const WORKER_URL = "service-worker.js";

/**
 * Registers the service worker once Python is ready, so that keeping the files never slows the
 * start; over http(s) only, and not in the offline copy, which runs from a folder.
 */
export function offerOfflineUse() {
  if (!/^https?:$/.test(location.protocol) || !("serviceWorker" in navigator)
    || globalThis.MF_OFFLINE_COPY === true) return;
  // Once a new release takes over, this page's files are no longer in the cache: every page
  // that ran on the old release reloads, so that none goes on with files of two releases.
  if (navigator.serviceWorker.controller) {
    navigator.serviceWorker.addEventListener("controllerchange", () => location.reload(), { once: true });
  }
  let registered = false;
  onStatus((status) => {
    if (status.state !== "ready" || registered) return;
    registered = true;
    navigator.serviceWorker.register(WORKER_URL).then(watchForReleases, () => {
      // Storage turned off, or a private window that refuses workers: the site works online.
    });
  });
}

function watchForReleases(registration) {
  const offer = (worker) => {
    if (worker && navigator.serviceWorker.controller) showReleaseNotice(registration);
  };
  offer(registration.waiting);
  registration.addEventListener("updatefound", () => {
    const worker = registration.installing;
    worker?.addEventListener("statechange", () => {
      if (worker.state === "installed") offer(worker);
    });
  });
  // A page left open for days looks for a new release when the learner comes back to it.
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") registration.update().catch(() => {});
  });
}

function showReleaseNotice(registration) {
  if (document.getElementById("release-notice")) return;
  const notice = document.createElement("p");
  notice.id = "release-notice";
  notice.className = "notice";
  notice.setAttribute("role", "status");
  const reload = document.createElement("button");
  reload.type = "button";
  reload.textContent = "Reload";
  reload.addEventListener("click", () => {
    reload.disabled = true;
    // The waiting worker takes over; "controllerchange" then reloads this page.
    registration.waiting?.postMessage({ type: "take-over" });
  });
  notice.append("A new version is ready. ", reload);
  document.querySelector("main").before(notice);
}
