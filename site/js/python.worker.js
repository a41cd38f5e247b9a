// The Python worker. It is a classic script (bundled by the build) started from a Blob URL,
// because Chromium refuses worker script files and module workers on file:// pages. Over http
// it fetches the runtime's files itself, off the page's thread; on a file:// page (and in the
// offline copy) they arrive by postMessage, and it fetches nothing.
import { loadRuntimeFile, loadRuntimeFiles, MORE_STDLIB } from "./runtime-assets.js";

let dispatch = null;
let addLibrary = null;
// A fixed piece of Python work, timed once to tell how fast this device runs Python.
let calibrate = null;
// Where the second part of the standard library goes in Pyodide's file system.
const MORE_STDLIB_PATH = "/lib/python_stdlib_more.zip";

self.onmessage = async (event) => {
  const message = event.data;
  if (message.type === "boot") {
    try {
      const { timings, wasmModule } = await boot(message);
      self.postMessage({ type: "ready", timings, wasmModule });
    } catch (error) {
      // Whatever went wrong, a retry must not trip over a kept snapshot again.
      await forgetUnpacked();
      self.postMessage({ type: "failed", message: String(error && error.message || error) });
      return;
    }
    // A fixed piece of work, timed once Python is ready (not on the way to it): how fast this
    // device runs Python, for the watchdog's budget. It runs before any call the page sends.
    const calibrating = performance.now();
    calibrate();
    self.postMessage({ type: "calibrated", ms: performance.now() - calibrating });
    return;
  }
  if (message.type === "more-stdlib") {
    try {
      addLibrary(message.bytes ?? await loadRuntimeFile(message.baseUrl, message.manifest, MORE_STDLIB,
        message.plan));
    } catch {
      // Missing or damaged: the next start tries again; until then an import of one of its
      // modules fails with Python's own readable ModuleNotFoundError.
    }
    self.postMessage({ type: "more-stdlib-added" });
    return;
  }
  const { id, method, args } = message;
  try {
    // The page's watchdog counts from here, not from when the call was queued.
    self.postMessage({ id, started: true });
    // page_api.dispatch never raises: Python errors come back inside the JSON.
    const reply = dispatch(JSON.stringify({ method, args }));
    self.postMessage({ id, reply });
  } catch (error) {
    // Python's own errors come back inside the JSON, so an exception here means the
    // runtime itself broke (os.abort(), a wasm trap): this worker cannot be trusted again.
    self.postMessage({ id, fatal: String(error && error.message || error) });
  }
};

async function boot({ baseUrl, runtimeUrl, manifest, plan, loaded, pythonFiles, snapshotName }) {
  const started = performance.now();
  // What the page loaded (a file:// page), or, over http, what this worker fetches itself:
  // the compiled wasm module may come from an earlier worker.
  const { files: assets, wasmModule, snapshotSkipped } = loaded.files ? loaded
    : await loadRuntimeFiles(baseUrl, manifest, plan,
      (done, total) => self.postMessage({ type: "progress", done, total }), loaded.wasmModule);
  const fetched = performance.now();
  // Cache Storage wants a full URL as the key; this one is never fetched.
  const snapshotKey = runtimeUrl + snapshotName;
  runRuntimeScript(assets["pyodide.asm.js"], runtimeUrl);
  runRuntimeScript(assets["pyodide.js"], runtimeUrl);
  serveRuntimeFiles(runtimeUrl, {
    "pyodide.asm.wasm": [new Uint8Array(0), "application/wasm"],
    "python_stdlib.zip": [assets["python_stdlib.zip"], "application/zip"],
  });
  useCompiledModule(wasmModule);
  const packed = assets["python-snapshot.bin.gz"];
  const unpacked = packed ? await unpackedSnapshot(packed, snapshotKey) : null;
  const pyodide = await self.loadPyodide({
    indexURL: runtimeUrl,
    // Python's memory, saved at build time just after it started and imported the
    // lessons: restoring it skips most of the start-up work.
    ...(unpacked ? { _loadSnapshot: unpacked.bytes } : {}),
    createPyodideModule: self.createPyodideModule,
    lockFileContents: assets["pyodide-lock.json"],
    stdout: () => {},
    stderr: (text) => console.warn(text),
  });
  const pythonStarted = performance.now();
  for (const [path, source] of Object.entries(pythonFiles)) {
    pyodide.FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
    pyodide.FS.writeFile(path, source);
  }
  const dispatchProxy = pyodide.runPython(
    "from page_api.dispatch import dispatch\ndispatch");
  dispatch = (request) => dispatchProxy(request);
  const addLibraryProxy = pyodide.runPython("from page_api.runtime import add_library\nadd_library");
  addLibrary = (bytes) => {
    pyodide.FS.writeFile(MORE_STDLIB_PATH, bytes);
    addLibraryProxy(MORE_STDLIB_PATH);
  };
  calibrate = () => pyodide.runPython("sum(i * i for i in range(50_000))");
  if (unpacked?.from === "download") setTimeout(() => keepUnpacked(snapshotKey, unpacked.bytes), KEEP_DELAY_MS);
  return { wasmModule, timings: { filesMs: fetched - started, runtimeMs: pythonStarted - fetched,
    totalMs: performance.now() - started, snapshotFrom: unpacked?.from ?? "none", snapshotSkipped } };
}

// Unpacking the 31 MB snapshot takes 120-200 ms at every start; reading it back from
// the browser's Cache Storage takes about 40. So the first visit keeps the unpacked
// copy (a little later, off the start-up path) and later visits use it. Cache Storage
// exists only on http(s) pages; elsewhere every start unpacks.
const SNAPSHOT_CACHE = "math-fundamentals-snapshot";
const KEEP_DELAY_MS = 2000;

async function unpackedSnapshot(packed, key) {
  try {
    const kept = await (await caches.open(SNAPSHOT_CACHE)).match(key);
    if (kept) return { bytes: new Uint8Array(await kept.arrayBuffer()), from: "cache" };
  } catch {
    // no Cache Storage here (file://, or storage turned off): unpack below
  }
  return { bytes: await gunzip(packed), from: "download" };
}

async function forgetUnpacked() {
  try {
    await caches.delete(SNAPSHOT_CACHE);
  } catch {
    // nothing kept, or no Cache Storage here
  }
}

async function keepUnpacked(key, bytes) {
  try {
    const cache = await caches.open(SNAPSHOT_CACHE);
    for (const old of await cache.keys()) await cache.delete(old);
    await cache.put(key, new Response(bytes));
    self.postMessage({ type: "snapshot-kept" });
  } catch {
    // storage full or unavailable: later visits unpack again
  }
}

async function gunzip(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// Runs a script given as text. Pyodide probes importScripts("data:...") to refuse
// classic workers; this wrapper makes that probe fail while still loading our own
// scripts from Blob URLs.
const importClassicScript = self.importScripts.bind(self);
self.importScripts = (...urls) => {
  if (urls.some((url) => String(url).startsWith("data:"))) {
    throw new TypeError("data: scripts are not loaded in this worker");
  }
  return importClassicScript(...urls);
};

function runClassicScript(source) {
  const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  try {
    importClassicScript(url);
  } finally {
    URL.revokeObjectURL(url);
  }
}

// WebKit (Safari, GNOME Web) lets no worker load a script, not even from a Blob URL, on a page
// opened from a folder: say what works instead of a bare "Load failed".
const FROM_A_FOLDER_ADVICE = "This browser does not run Python in a page opened from a folder (Safari and "
  + "other WebKit browsers refuse it). Open index.html in Firefox, Chrome or Edge, or serve the folder: "
  + "run `python3 -m http.server` in it and open http://localhost:8000/.";

function runRuntimeScript(source, runtimeUrl) {
  try {
    runClassicScript(source);
  } catch (error) {
    if (runtimeUrl.startsWith("file:") && error?.name === "NetworkError") throw new Error(FROM_A_FOLDER_ADVICE);
    throw error;
  }
}

// The wasm binary is compiled already (as it streamed in): instantiate that module instead of
// compiling the (empty) response Pyodide asks for.
function useCompiledModule(module) {
  WebAssembly.instantiateStreaming = async (_response, imports) =>
    ({ instance: await WebAssembly.instantiate(module, imports), module });
}

// Pyodide fetches its wasm binary and standard library by URL. Answer those two
// requests from the bytes loaded already, so that they are not downloaded twice.
function serveRuntimeFiles(runtimeUrl, files) {
  const networkFetch = self.fetch.bind(self);
  self.fetch = (resource, init) => {
    const url = String(resource instanceof Request ? resource.url : resource);
    const name = url.startsWith(runtimeUrl) ? url.slice(runtimeUrl.length) : null;
    if (name in files) {
      const [bytes, type] = files[name];
      return Promise.resolve(new Response(bytes, { headers: { "Content-Type": type } }));
    }
    return networkFetch(resource, init);
  };
}
