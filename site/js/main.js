// Start-up: read the URL, build both pages from the data computed at build
// time (so the plots appear at once), then start Python and hand over to it.
import * as python from "./python-client.js";
import { PAGES, PROPERTIES, decodeCompare, parseHash, state, validate } from "./state.js";
import { createFunctionsPage } from "./functions-page.js";
import { createOptimizationPage } from "./optimization-page.js";
import { createNetworkPage } from "./network-page.js";
import { markOnce } from "./marks.js";
import { createModuleEditor } from "./module-editor.js";
import { offerOfflineUse } from "./offline-support.js";

const data = globalThis.MF_LESSON_DATA;
// The build leaves out evenly spaced xs to keep the first download small; rebuild them.
for (const columns of [data.landscape, ...Object.values(data.samples)]) {
  const [first, last, count] = columns.x_range;
  columns.xs = Array.from({ length: count }, (_, i) => first + ((last - first) * i) / (count - 1));
}
const noticeBox = document.getElementById("notice");

function notify(message, { append = false } = {}) {
  const text = append && !noticeBox.hidden ? `${noticeBox.textContent} ${message}` : message;
  noticeBox.textContent = text;
  noticeBox.hidden = !text;
}

function readStateFromHash() {
  const { page, params, unknownPage } = parseHash(location.hash);
  const notices = unknownPage ? ["That page does not exist; showing the first lesson."] : [];
  state.page = page;
  state.replay = null;
  const names = {
    function: data.catalog.functions.map(({ name }) => name),
    optimizer: data.catalog.optimizers.map(({ name }) => name),
    descent: data.catalog.network_optimizers.map(({ name }) => name),
  };
  for (const property of PROPERTIES) {
    if (!params.has(property.name)) continue;
    const checked = validate(property, params.get(property.name), names[property.name] ?? null);
    state[property.name] = checked.value;
    if (checked.notice) notices.push(checked.notice);
  }
  state.settings = {};
  for (const [name, value] of params) {
    if (name !== "compare" && !PROPERTIES.some((property) => property.name === name)) state.settings[name] = value;
  }
  const compared = decodeCompare(params.get("compare"), names.optimizer);
  state.compare = compared.runs;
  notices.push(...compared.notices);
  notify(notices.join(" "));
}

const pages = {
  functions: createFunctionsPage({ state, data, notify }),
  optimization: createOptimizationPage({ state, data, notify }),
  "loss-landscape": createNetworkPage({ state, data, notify }),
};

const editors = Object.entries({ functions: pages.functions, optimization: pages.optimization,
  training: pages["loss-landscape"] }).map(
  ([module, page]) => {
    const original = data.catalog.sources[module];
    document.querySelector(`#${module}-editor pre`).textContent = original;
    return createModuleEditor({ module, original, release: data.release, onApplied: (catalog) => page.setCatalog(catalog) });
  });

function showPage() {
  readStateFromHash();
  for (const name of PAGES) {
    document.getElementById(`page-${name}`).hidden = name !== state.page;
  }
  for (const link of document.querySelectorAll("[data-page-link]")) {
    if (link.dataset.pageLink === state.page) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  pages[state.page].show();
}

function showPythonStatus(status) {
  const box = document.getElementById("python-status");
  box.dataset.state = status.state;
  document.getElementById("python-status-text").textContent = status.message;
  document.getElementById("python-retry").hidden = status.state !== "failed";
  if (status.state === "failed") {
    notify(`${status.message} Reload the page or press Retry. If it keeps failing, download the app again.`);
  }
  pages.optimization.pythonStatus(status);
  pages["loss-landscape"].pythonStatus(status);
  if (status.state === "ready") markOnce("interactive");
}

async function startPython() {
  if (!noticeBox.hidden && document.getElementById("python-status").dataset.state === "failed") notify("");
  try {
    await python.start({ baseUrl: new URL(".", location.href).href, pythonFiles: globalThis.MF_PYTHON_FILES,
      runtimeManifest: globalThis.MF_RUNTIME_MANIFEST });
  } catch {
    return; // the status line already says what went wrong
  }
  await Promise.all(Object.values(pages).map((page) => page.pythonReady()));
  // The editors' CodeMirror bundle is not needed for the first view: load it now.
  for (const editor of editors) editor.show().catch((error) => notify(error.message));
}

// A handle for the browser console (and the parity tests): the same calls the page makes.
globalThis.mathFundamentals = { call: python.call, state };

// The offline copy has no zip inside it, and a folder on disk needs no second download.
document.getElementById("offline-download").hidden = location.protocol === "file:" || globalThis.MF_OFFLINE_COPY === true;

window.addEventListener("hashchange", showPage);
document.getElementById("python-retry").addEventListener("click", startPython);
python.onStatus(showPythonStatus);
showPage();
startPython();
offerOfflineUse();
