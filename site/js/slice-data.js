// The network's loss slice is only needed on its own page: its data script is
// loaded the first time that page opens, by a classic <script> tag (fetch is
// refused on file:// pages; a script from the site's own folder is not).

let loading = null;

/** Resolves to the slice computed at build time (weights, directions, loss grid, contours). */
export function loadSliceData() {
  loading ??= new Promise((resolve, reject) => {
    const script = Object.assign(document.createElement("script"), { src: "data/network-landscape.js" });
    script.addEventListener("load", () => resolve(globalThis.MF_NETWORK_LANDSCAPE));
    script.addEventListener("error", () => {
      loading = null;
      script.remove();
      reject(new Error("The neural network's loss map could not be loaded (data/network-landscape.js is "
        + "missing). Reload the page; if it keeps failing, download the app again."));
    });
    document.head.append(script);
  });
  return loading;
}
