// Gets the Python runtime's files for the worker. Over http they are fetched
// (cached by the browser, compressed by the server); on file:// pages Chromium
// blocks fetch, so the build also ships each file wrapped in a classic script.
// Every file is checked against the size and CRC-32 the build recorded, so a
// damaged download fails with a clear message instead of a silent hang.

import { crc32 } from "./checksum.js";

export const RUNTIME_DIR = "pyodide/";

const TEXT_FILES = new Set(["pyodide.js", "pyodide.asm.js", "pyodide-lock.json"]);

/** Loads and checks every runtime file; onProgress(done, total) reports how many have arrived. */
export async function loadRuntimeFiles(baseUrl, manifest, onProgress = () => {}) {
  if (!manifest) throw new Error("The file data/runtime-manifest.js is missing.");
  const load = location.protocol === "file:" ? loadByScriptTag : loadByFetch;
  const names = Object.keys(manifest);
  let done = 0;
  const entries = await Promise.all(names.map(async (name) => {
    const bytes = await load(baseUrl + RUNTIME_DIR, name);
    check(name, bytes, manifest[name]);
    onProgress(++done, names.length);
    return [name, TEXT_FILES.has(name) ? new TextDecoder().decode(bytes) : bytes];
  }));
  return Object.fromEntries(entries);
}

function check(name, bytes, expected) {
  if (bytes.length !== expected.size || crc32(bytes) !== expected.crc32) throw new Error(`The file ${RUNTIME_DIR}${name} is damaged (it is not the file this app was built with).`);
}

async function loadByFetch(dirUrl, name) {
  let response;
  try {
    response = await fetch(dirUrl + name);
  } catch {
    throw new Error(`The file ${RUNTIME_DIR}${name} could not be downloaded: check the connection.`);
  }
  if (!response.ok) {
    throw new Error(`The file ${RUNTIME_DIR}${name} is missing (HTTP ${response.status}).`);
  }
  return new Uint8Array(await response.arrayBuffer());
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
