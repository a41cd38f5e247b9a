// Gets the Python runtime's files. Over http the Python worker fetches them itself, so that
// their megabytes are never handled on the page's thread (cached by the browser, compressed by
// the server; on a slow link the wasm binary in the smaller xz form the build made). On file://
// pages Chromium blocks fetch, so the build also ships each file wrapped in a classic script,
// which only the page can load, and the page hands the bytes to the worker. The offline copy
// (the zip) carries only the wrapped files, over http too. Every file is checked against the
// size and CRC-32 the build recorded, so a damaged download fails with a clear message instead
// of a silent hang. This module runs in both: the page decides (runtimePlan), either loads.

import { XzReadableStream } from "xz-decompress";
import { crc32 } from "./checksum.js";

export const RUNTIME_DIR = "pyodide/";

const TEXT_FILES = new Set(["pyodide.js", "pyodide.asm.js", "pyodide-lock.json"]);

const WASM = "pyodide.asm.wasm";
export const SNAPSHOT = "python-snapshot.bin.gz";
const STDLIB = "python_stdlib.zip";
// The modules a learner may import beyond what Python starts with: loaded after the start.
export const MORE_STDLIB = "python_stdlib_more.zip";
// With the standard library compiled, the snapshot saves about 0.4 s of start-up work here
// (interactive in 0.8 s with it, 1.2 s without). It is downloaded when that takes under a
// second, that is on links of about 40 Mbit/s and more; otherwise Python starts from scratch,
// with half the bytes. The margin is deliberate: on a busy 2-core machine even a download from
// 127.0.0.1 can look several times slower than it is, and wrongly skipping costs 0.4 s.
const SNAPSHOT_WORTH_MS = 1000;
// The wasm binary's xz form (see build.py) saves 0.9 MB and takes about 200 ms of one core
// to unpack as it arrives. It is fetched where the page's own files came slower than 2 MB/s
// (16 Mbit/s), where those 0.9 MB take over 0.45 s; small files understate a link's speed, so
// on a link as fast as that or faster the saving also outweighs the unpacking.
const PACKED_SUFFIX = ".xz";
const PACKED_WASM_BELOW_BYTES_PER_MS = 2000;

/**
 * How this page gets the runtime, decided on the page (the worker sees neither the page's own
 * downloads nor its service worker): {wrapped} loads the wrapped files on the page; {fromDisk}
 * is true where every file comes from a disk or the release's cache (the service worker's
 * cache holds the raw wasm binary, not its xz form), and the link's speed does not matter;
 * {packedWasm} fetches the wasm binary's xz form; {skipSnapshot} (set for a worker that replaces
 * one) leaves the memory snapshot out, as the first start chose.
 */
export function runtimePlan(manifest) {
  // The wrapped files are the only ones on a file:// page and in the offline copy (whose
  // runtime manifest says so), wherever it is opened from.
  const wrapped = location.protocol === "file:" || globalThis.MF_OFFLINE_COPY === true;
  const fromDisk = wrapped || Boolean(globalThis.navigator?.serviceWorker?.controller);
  return { wrapped, fromDisk,
    packedWasm: !fromDisk && Boolean(manifest?.[WASM]?.packed) && pageArrivalSpeed() < PACKED_WASM_BELOW_BYTES_PER_MS };
}

/**
 * Loads and checks every runtime file as the plan says, and compiles the wasm binary unless
 * `compiled` is that module already (a later worker after a restart: Python never compiles its
 * 9.6 MB binary twice). Resolves with {files, wasmModule, snapshotSkipped}; onProgress(done,
 * total) reports progress. On a slow link the memory snapshot is left out, and Python starts
 * from scratch.
 */
export async function loadRuntimeFiles(baseUrl, manifest, plan, onProgress = () => {}, compiled = null) {
  if (!manifest) throw new Error("The file data/runtime-manifest.js is missing.");
  const dirUrl = baseUrl + RUNTIME_DIR;
  const names = Object.keys(manifest).filter((name) => name !== MORE_STDLIB);
  let total = names.length;
  let done = 0;
  const arrived = (value) => {
    onProgress(++done, total);
    return value;
  };
  const load = async (name, onArrival) => {
    const bytes = await loadRuntimeFile(baseUrl, manifest, name, plan, onArrival);
    return arrived([name, TEXT_FILES.has(name) ? new TextDecoder().decode(bytes) : bytes]);
  };
  let wasmModule;
  if (compiled) wasmModule = Promise.resolve(compiled).then(arrived);
  else if (plan.wrapped) wasmModule = compileWrapped(dirUrl, manifest[WASM]).then(arrived);
  else wasmModule = compileStreaming(dirUrl, plan.packedWasm).then(arrived);
  // How fast the standard library arrives says whether the snapshot is worth its download.
  // (A file:// page, the offline copy or a page read from the service worker's cache reads from the disk:
  // the snapshot always pays. Had the library failed, that failure is the answer, and the snapshot is never
  // asked for.)
  let linkMeasured;
  const speed = new Promise((resolve) => { linkMeasured = resolve; });
  if (plan.fromDisk) linkMeasured(Infinity);
  // A later worker keeps the first start's choice: its files come from the browser's cache, which
  // says nothing of the link.
  if (plan.skipSnapshot) linkMeasured(0);
  let snapshotSkipped = false;
  const files = names.filter((name) => name !== WASM && name !== SNAPSHOT)
    .map((name) => (name === STDLIB ? load(name, linkMeasured) : load(name)));
  if (manifest[SNAPSHOT]) {
    files.push(speed.then((bytesPerMs) => {
      if (manifest[SNAPSHOT].size / bytesPerMs > SNAPSHOT_WORTH_MS) {
        total -= 1;
        snapshotSkipped = true;
        return null;
      }
      return load(SNAPSHOT);
    }));
  }
  const [entries, module] = await Promise.all([Promise.all(files), wasmModule]);
  return { files: Object.fromEntries(entries.filter(Boolean)), wasmModule: module, snapshotSkipped };
}

/**
 * Loads and checks one runtime file (by fetch, or by script tag on file:// pages). Over http,
 * onArrival(bytesPerMs) is told how fast its bytes came.
 */
export async function loadRuntimeFile(baseUrl, manifest, name, plan, onArrival) {
  const dirUrl = baseUrl + RUNTIME_DIR;
  const bytes = plan.wrapped ? await loadByScriptTag(dirUrl, name) : await loadByFetch(dirUrl, name, onArrival);
  check(name, bytes, manifest[name]);
  return bytes;
}

// How fast the page's own files arrived, in bytes per millisecond: the best of those big enough
// to tell (the small ones measure little but latency). The wasm binary is fetched at once, so
// its form is chosen on this evidence, known before any runtime file comes. A page whose files
// came from the browser's cache has no such evidence and counts as fast.
const TELLING_SIZE = 16 * 1024;

function pageArrivalSpeed() {
  const speeds = [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")]
    .filter((entry) => entry.transferSize >= TELLING_SIZE && timed(entry))
    .map(entrySpeed);
  return speeds.length ? Math.max(...speeds) : Infinity;
}

// Streaming compilation overlaps download, unpacking and compilation, and lets the browser
// cache the compiled code for the next visit.
async function compileStreaming(dirUrl, packed) {
  const response = await fetchFile(dirUrl, WASM + (packed ? PACKED_SUFFIX : ""));
  try {
    return await WebAssembly.compileStreaming(packed
      ? new Response(new XzReadableStream(response.body), { headers: { "Content-Type": "application/wasm" } })
      : response);
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

async function loadByFetch(dirUrl, name, onArrival) {
  const response = await fetchFile(dirUrl, name);
  const answered = performance.now();
  const bytes = new Uint8Array(await response.arrayBuffer());
  onArrival?.(arrivalSpeed(response.url, bytes.length, performance.now() - answered));
  return bytes;
}

// Bytes per millisecond at which a file arrived, from its first byte to its last, as the
// browser's resource timing saw them; where it has no entry (yet), from this thread's own clock,
// which a busy thread makes look slower.
function arrivalSpeed(url, size, elapsedMs) {
  const entry = performance.getEntriesByName(url).at(-1);
  return entry && timed(entry) ? entrySpeed(entry) : size / Math.max(1, elapsedMs);
}

function timed(entry) {
  return entry.encodedBodySize > 0 && entry.responseEnd > entry.responseStart;
}

function entrySpeed(entry) {
  return entry.encodedBodySize / (entry.responseEnd - entry.responseStart);
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
