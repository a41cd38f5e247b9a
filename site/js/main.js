// Start-up and the router: build the pages from the data computed at build time
// (so the plots appear at once), show the page the URL names, then start Python
// and hand its live catalog to every page.
import * as python from "./python-client.js";
import { PAGES, readHash, state, update } from "./state.js";
import { createFunctionsPage } from "./functions-page.js";
import { createOptimizationPage } from "./optimization-page.js";
import { createNetworkPage } from "./network-page.js";
import { markOnce } from "./marks.js";
import { createModuleEditor } from "./module-editor.js";
import { watchNearViewport } from "./near-viewport.js";
import { offerOfflineUse } from "./offline-support.js";
import { createExperiments } from "./experiments.js";
import { createTasks } from "./tasks.js";
import { createExerciseMode } from "./exercise-mode.js";
import { createTeacherLinks } from "./exercise-link.js";

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

update({ catalog: data.catalog });
const pages = {
  functions: createFunctionsPage({ data, notify }),
  optimization: createOptimizationPage({ data, notify, onRunShown: (run) => experiments.noticeRun(run) }),
  "loss-landscape": createNetworkPage({ notify, onRunShown: (run) => experiments.noticeRun(run) }),
};
const experiments = createExperiments({ release: data.release, pages });
const exercise = createExerciseMode({ notify });
const teacherLinks = createTeacherLinks();
const cardsReady = () => experiments.pythonReady().then(() => {
  exercise.cardsReady();
  teacherLinks.refresh();
});

// Each editable module, with the page that shows what it defines.
const editors = Object.entries({ functions: "functions", optimization: "optimization", training: "loss-landscape",
  surfaces: "loss-landscape" })
  .map(([module, page]) => ({ page, editor: createModuleEditor({
    module, original: data.catalog.sources[module], release: data.release,
    onApplied(catalog) {
      update({ catalog });
      pages[page].setCatalog();
      // The cards offer the functions there are now (an edit may add or remove one).
      if (module === "functions") cardsReady().catch((error) => notify(error.message));
      if (module === "optimization") tasks.setCatalog(catalog);
    },
  }) }));
const tasks = createTasks({ release: data.release, editor: editors.find(({ page }) => page === "optimization").editor });

// The code editor (CodeMirror) is not needed for the first view: loading it and setting one up
// each take a long task of the main thread. An editor is set up once Python is ready, on the page
// shown, when its panel comes within a screen of the viewport (so it is ready by the time the
// learner has scrolled to it); until then the panel shows the module as plain text. Reset,
// Apply and the tasks set their editor up themselves when they need it.
const editorHosts = watchNearViewport(editors.map(({ editor }) => editor.host), showEditor);

function showEditor() {
  if (!python.isReady()) return;
  for (const { page, editor } of editors) {
    if (page !== state.page || !editorHosts.isNear(editor.host)) continue;
    editorHosts.forget(editor.host);
    editor.show().catch((error) => notify(error.message));
  }
}

function showPage() {
  notify(readHash().join(" "));
  for (const name of PAGES) {
    document.getElementById(`page-${name}`).hidden = name !== state.page;
  }
  for (const link of document.querySelectorAll("[data-page-link]")) {
    if (link.dataset.pageLink === state.page) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  pages[state.page].show();
  exercise.pageShown();
  teacherLinks.refresh();
  showEditor();
}

function showPythonStatus(status) {
  document.getElementById("python-status").dataset.state = status.state;
  document.getElementById("python-status-text").textContent = status.message;
  const progress = document.getElementById("python-progress");
  if (status.progress === undefined) progress.removeAttribute("value");
  else progress.value = status.progress;
  document.getElementById("python-retry").hidden = status.state !== "failed";
  if (status.state === "failed") {
    notify(`${status.message} Reload the page or press Retry. If it keeps failing, download the app again.`);
  }
  if (status.state === "ready") markOnce("interactive");
}

async function startPython() {
  if (!noticeBox.hidden && document.getElementById("python-status").dataset.state === "failed") notify("");
  try {
    await python.start({ baseUrl: new URL(".", location.href).href, pythonFiles: globalThis.MF_PYTHON_FILES,
      runtimeManifest: globalThis.MF_RUNTIME_MANIFEST });
    update({ catalog: await python.call("catalog") });
  } catch (error) {
    // A failed start is on the status line already; a failed catalog call is not.
    if (python.isReady()) notify(error.message);
    return;
  }
  await Promise.all(Object.values(pages).map((page) => page.pythonReady()));
  cardsReady().catch((error) => notify(`The experiments could not be loaded: ${error.message}`));
  tasks.pythonReady().catch((error) => notify(`The tasks could not be loaded: ${error.message}`));
  showEditor();
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
