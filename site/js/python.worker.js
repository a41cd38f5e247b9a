// The Python worker. It is a classic script started from a Blob URL, because
// Chromium refuses worker script files and module workers on file:// pages.
// Everything it needs arrives by postMessage: it never fetches from the network.
"use strict";

let dispatch = null;

self.onmessage = async (event) => {
  const message = event.data;
  if (message.type === "boot") {
    try {
      const timings = await boot(message);
      self.postMessage({ type: "ready", timings });
    } catch (error) {
      self.postMessage({ type: "failed", message: String(error && error.message || error) });
    }
    return;
  }
  const { id, method, args } = message;
  try {
    // page_api.dispatch never raises: Python errors come back inside the JSON.
    const reply = dispatch(JSON.stringify({ method, args }));
    self.postMessage({ id, reply });
  } catch (error) {
    // Python's own errors come back inside the JSON, so an exception here means the
    // runtime itself broke (os.abort(), a wasm trap): this worker cannot be trusted again.
    self.postMessage({ id, fatal: String(error && error.message || error) });
  }
};

async function boot({ runtimeUrl, assets, wasmModule, pythonFiles }) {
  const started = performance.now();
  runClassicScript(assets["pyodide.asm.js"]);
  runClassicScript(assets["pyodide.js"]);
  serveRuntimeFiles(runtimeUrl, {
    "pyodide.asm.wasm": [new Uint8Array(0), "application/wasm"],
    "python_stdlib.zip": [assets["python_stdlib.zip"], "application/zip"],
  });
  useCompiledModule(wasmModule);
  const snapshot = assets["python-snapshot.bin.gz"];
  const pyodide = await self.loadPyodide({
    indexURL: runtimeUrl,
    // Python's memory, saved at build time just after it started and imported the
    // lessons: restoring it skips most of the start-up work.
    ...(snapshot ? { _loadSnapshot: gunzip(snapshot) } : {}),
    createPyodideModule: self.createPyodideModule,
    lockFileContents: assets["pyodide-lock.json"],
    stdout: () => {},
    stderr: (text) => console.warn(text),
  });
  const loaded = performance.now();
  for (const [path, source] of Object.entries(pythonFiles)) {
    pyodide.FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
    pyodide.FS.writeFile(path, source);
  }
  const dispatchProxy = pyodide.runPython(
    "from math_fundamentals.page_api import dispatch\ndispatch");
  dispatch = (request) => dispatchProxy(request);
  return { runtimeMs: loaded - started, totalMs: performance.now() - started };
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

// The page compiled the wasm binary already: instantiate that module instead of
// compiling the (empty) response Pyodide asks for.
function useCompiledModule(module) {
  WebAssembly.instantiateStreaming = async (_response, imports) =>
    ({ instance: await WebAssembly.instantiate(module, imports), module });
}

// Pyodide fetches its wasm binary and standard library by URL. Answer those two
// requests from the bytes the page handed over, so that no request leaves the worker.
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
