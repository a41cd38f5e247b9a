// Gets the Python runtime's files for the worker. Over http they are fetched
// (cached by the browser, compressed by the server); on file:// pages Chromium
// blocks fetch, so the build also ships each file wrapped in a classic script.
// Every file is checked against the size and CRC-32 the build recorded, so a
// damaged download fails with a clear message instead of a silent hang.

import { crc32 } from "./checksum.js";

export const RUNTIME_DIR = "pyodide/";

const TEXT_FILES = new Set(["pyodide.js", "pyodide.asm.js", "pyodide-lock.json"]);

const WASM = "pyodide.asm.wasm";
const SNAPSHOT = "python-snapshot.bin.gz";
const STDLIB = "python_stdlib.zip";
// The modules a learner may import beyond what Python starts with: loaded after the start.
export const MORE_STDLIB = "python_stdlib_more.zip";
// With the standard library compiled, the snapshot saves about 0.4 s of start-up work here
// (interactive in 0.8 s with it, 1.2 s without). It is downloaded when that takes under a
// second, that is on links of about 40 Mbit/s and more; otherwise Python starts from scratch,
// with half the bytes. The margin is deliberate: on a busy 2-core machine even a download from
// 127.0.0.1 can look several times slower than it is, and wrongly skipping costs 0.4 s.
const SNAPSHOT_WORTH_MS = 1000;

/**
 * Loads and checks every runtime file, and compiles the wasm binary once.
 * Resolves with {files, wasmModule}; onProgress(done, total) reports progress.
 * The compiled module is handed to the worker (and to any later worker after a
 * restart), so Python never compiles its 9.6 MB binary twice. On a slow link the
 * memory snapshot is left out, and Python starts from scratch.
 */
export async function loadRuntimeFiles(baseUrl, manifest, onProgress = () => {}) {
  if (!manifest) throw new Error("The file data/runtime-manifest.js is missing.");
  const dirUrl = baseUrl + RUNTIME_DIR;
  const overHttp = location.protocol !== "file:";
  const names = Object.keys(manifest).filter((name) => name !== MORE_STDLIB);
  let total = names.length;
  let done = 0;
  const arrived = (value) => {
    onProgress(++done, total);
    return value;
  };
  const load = async (name) => {
    const bytes = await loadRuntimeFile(baseUrl, manifest, name);
    return arrived([name, TEXT_FILES.has(name) ? new TextDecoder().decode(bytes) : bytes]);
  };
  const started = performance.now();
  const wasmModule = (overHttp ? compileStreaming(dirUrl) : compileWrapped(dirUrl, manifest[WASM])).then(arrived);
  const loading = Object.fromEntries(names.filter((name) => name !== WASM && name !== SNAPSHOT)
    .map((name) => [name, load(name)]));
  const files = Object.values(loading);
  if (manifest[SNAPSHOT]) {
    // How fast the standard library arrived says whether the snapshot is worth its download.
    files.push((overHttp ? loading[STDLIB] : Promise.resolve()).then(() => {
      const bytesPerMs = manifest[STDLIB].size / transferMs(dirUrl + STDLIB, performance.now() - started);
      if (overHttp && manifest[SNAPSHOT].size / bytesPerMs > SNAPSHOT_WORTH_MS) {
        total -= 1;
        performance.mark("snapshot-skipped");
        return null;
      }
      return load(SNAPSHOT);
    }));
  }
  const [entries, module] = await Promise.all([Promise.all(files), wasmModule]);
  return { files: Object.fromEntries(entries.filter(Boolean)), wasmModule: module };
}

/** Loads and checks one runtime file (by fetch, or by script tag on file:// pages). */
export async function loadRuntimeFile(baseUrl, manifest, name) {
  const dirUrl = baseUrl + RUNTIME_DIR;
  const bytes = location.protocol !== "file:" ? await loadByFetch(dirUrl, name) : await loadByScriptTag(dirUrl, name);
  check(name, bytes, manifest[name]);
  return bytes;
}

// How long a downloaded file's bytes took to arrive, from its first byte to its last (the
// browser's resource timing); the whole wait since `started` where that is not known.
function transferMs(url, elapsedMs) {
  const entry = performance.getEntriesByName(url).at(-1);
  const transfer = entry ? entry.responseEnd - entry.responseStart : 0;
  return Math.max(1, transfer > 0 ? transfer : elapsedMs);
}

// Streaming compilation overlaps download and compilation, and lets the browser
// cache the compiled code for the next visit.
async function compileStreaming(dirUrl) {
  const response = await fetchFile(dirUrl, WASM);
  try {
    return await WebAssembly.compileStreaming(response);
  } catch (error) {
    throw damaged(WASM, error);
  }
}

async function compileWrapped(dirUrl, expected) {
  const bytes = await loadByScriptTag(dirUrl, WASM);
  check(WASM, bytes, expected);
  try {
    return await WebAssembly.compile(bytes);
  } catch (error) {
    throw damaged(WASM, error);
  }
}

function damaged(name, cause) {
  return new Error(`The file ${RUNTIME_DIR}${name} is damaged (it is not the file this app was built with)`
    + (cause ? `: ${cause.message}` : "."));
}

function check(name, bytes, expected) {
  if (bytes.length !== expected.size || crc32(bytes) !== expected.crc32) throw damaged(name);
}

async function loadByFetch(dirUrl, name) {
  const response = await fetchFile(dirUrl, name);
  return new Uint8Array(await response.arrayBuffer());
}

async function fetchFile(dirUrl, name) {
  let response;
  try {
    response = await fetch(dirUrl + name);
  } catch {
    throw new Error(`The file ${RUNTIME_DIR}${name} could not be downloaded: check the connection.`);
  }
  if (!response.ok) {
    throw new Error(`The file ${RUNTIME_DIR}${name} is missing (HTTP ${response.status}).`);
  }
  return response;
}

function loadByScriptTag(dirUrl, name) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = `${dirUrl}offline/${name}.js`;
    script.onload = () => {
      const wrapped = globalThis.MF_RUNTIME_FILES?.[name];
      if (globalThis.MF_RUNTIME_FILES) delete globalThis.MF_RUNTIME_FILES[name];
      script.remove();
      if (typeof wrapped !== "string") {
        reject(new Error(`The file ${RUNTIME_DIR}offline/${name}.js is damaged.`));
      } else {
        resolve(TEXT_FILES.has(name) ? new TextEncoder().encode(wrapped) : decodeBase64(wrapped));
      }
    };
    script.onerror = () => reject(new Error(`The file ${RUNTIME_DIR}offline/${name}.js is missing.`));
    document.head.append(script);
  });
}

function decodeBase64(text) {
  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
