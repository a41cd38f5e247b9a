// Gets the Python runtime's files for the worker. Over http they are fetched
// (cached by the browser, compressed by the server); on file:// pages Chromium
// blocks fetch, so the build also ships each file wrapped in a classic script.

export const RUNTIME_DIR = "pyodide/";

const RUNTIME_FILES = {
  "pyodide.js": "text",
  "pyodide.asm.js": "text",
  "pyodide-lock.json": "text",
  "pyodide.asm.wasm": "bytes",
  "python_stdlib.zip": "bytes",
};

/** Loads every runtime file; onProgress(done, total) reports how many have arrived. */
export async function loadRuntimeFiles(baseUrl, onProgress = () => {}) {
  const load = location.protocol === "file:" ? loadByScriptTag : loadByFetch;
  const names = Object.keys(RUNTIME_FILES);
  let done = 0;
  const entries = await Promise.all(names.map(async (name) => {
    const value = await load(baseUrl + RUNTIME_DIR, name, RUNTIME_FILES[name]);
    onProgress(++done, names.length);
    return [name, value];
  }));
  return Object.fromEntries(entries);
}

async function loadByFetch(dirUrl, name, kind) {
  const response = await fetch(dirUrl + name);
  if (!response.ok) {
    throw new Error(`The file ${RUNTIME_DIR}${name} could not be loaded (HTTP ${response.status}).`);
  }
  return kind === "text" ? response.text() : new Uint8Array(await response.arrayBuffer());
}

function loadByScriptTag(dirUrl, name, kind) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = `${dirUrl}offline/${name}.js`;
    script.onload = () => {
      const wrapped = globalThis.MF_RUNTIME_FILES?.[name];
      delete globalThis.MF_RUNTIME_FILES?.[name];
      script.remove();
      if (typeof wrapped !== "string") {
        reject(new Error(`The file ${RUNTIME_DIR}offline/${name}.js is damaged.`));
      } else {
        resolve(kind === "text" ? wrapped : decodeBase64(wrapped));
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
