// The only module that knows Python runs in a worker. Pages call
// `await python.call("run", {...})` and get plain data back, or an error
// object with a readable message; where only the latest answer matters, they
// call through a caller from latest().
// The worker, bundled by the build (python.worker.js and what it imports) and given here as text.
import workerSource from "python-worker";
import { isSuperseded, latestOf } from "./latest-call.js";
import { loadRuntimeFile, loadRuntimeFiles, MORE_STDLIB, RUNTIME_DIR, runtimePlan, SNAPSHOT } from "./runtime-assets.js";

// The watchdog. A learner's edited code may loop forever: a call that runs it is stopped after
// LEARNER_BUDGET_MS on a fast device, longer on a slow one. The app's own code always ends, but
// may take long while a slow or busy device warms up: only a worker that hangs is stopped.
const LEARNER_BUDGET_MS = 3000;
const SHIPPED_BUDGET_MS = 120000;
// What the calibration in the worker takes on a fast desktop; a device that takes longer gets
// proportionally more time, up to MAX_SLOWNESS times.
const CALIBRATION_REFERENCE_MS = 20;
const MAX_SLOWNESS = 20;
// Starting Python takes 1-3 s here (WebKit: about 10 s, and over 30 s on a busy 2-core machine);
// this only catches a start that will never finish.
const BOOT_TIMEOUT_MS = 120000;

export { isSuperseded };

class PythonError extends Error {
  /** A Python exception (or a timeout) described as data: type, message, hint, line. */
  constructor(details) {
    super(details.message);
    this.name = details.type;
    this.details = details;
  }
}

let worker = null;
// The runtime's files where the page loads them (file://), and the compiled wasm module: kept for later workers.
let runtimeFiles = null;
let wasmModule = null;
// Whether the first start left the memory snapshot out (a slow link): later workers do too.
let snapshotSkipped = false;
let nextId = 1;
const pending = new Map();
const statusListeners = new Set();
let status = { state: "loading", message: "Loading Python…" };
let lastStart = null;
// How many times slower than the reference this device ran the calibration (at least 1).
let slowness = 1;
// Whether the current worker has been given a learner's code (apply_edit); a new worker has not.
let learnerCodeLoaded = false;
// The second part of the standard library: its bytes where the page loads it (file://), kept for
// later workers; and a promise, with its resolver, that settles once the current worker has it.
let moreStdlib = null;
let moreStdlibHandedOver = Promise.resolve();
let moreStdlibAdded = () => {};
// Calls that run a learner's code, which may import any module: they wait for the second part.
const NEEDS_WHOLE_LIBRARY = new Set(["apply_edit", "importable"]);

function setStatus(next) {
  status = next;
  for (const listener of statusListeners) listener(status);
}

/** Calls listener(status) now and whenever Python's state changes (loading, ready, failed). */
export function onStatus(listener) {
  statusListeners.add(listener);
  listener(status);
  return () => statusListeners.delete(listener);
}

/**
 * Starts the worker, which gets the runtime (over http it downloads it, and a worker that replaces
 * one gets it from the browser's cache); resolves when Python is ready.
 */
export async function start({ baseUrl, pythonFiles, runtimeManifest }) {
  lastStart = { baseUrl, pythonFiles, runtimeManifest };
  // A retry after a failure says at once that it is under way (and hides the Retry button).
  if (status.state === "failed") setStatus({ state: "loading", message: "Loading Python…" });
  try {
    if (!runtimeManifest) throw new Error("The file data/runtime-manifest.js is missing.");
    if (typeof WebAssembly !== "object") {
      throw new Error("This browser cannot run WebAssembly, which Python in the page needs. "
        + "Please open the page in a current version of Chrome, Edge, Firefox or Safari.");
    }
    const plan = { ...runtimePlan(runtimeManifest), skipSnapshot: snapshotSkipped };
    if (plan.wrapped) runtimeFiles ??= await loadRuntimeFiles(baseUrl, runtimeManifest, plan, showProgress);
    const timings = await bootWorker(baseUrl, pythonFiles, runtimeManifest, plan);
    learnerCodeLoaded = false;
    moreStdlibHandedOver = handOverMoreStdlib(worker, baseUrl, runtimeManifest, plan);
    snapshotSkipped ||= Boolean(timings.snapshotSkipped || runtimeFiles?.snapshotSkipped);
    if (snapshotSkipped) performance.mark("snapshot-skipped");
    if (timings.snapshotFrom === "cache") performance.mark("snapshot-from-cache");
    performance.measure("runtime-files", { start: performance.now() - timings.totalMs, duration: timings.filesMs });
    performance.measure("python-boot", { start: performance.now() - timings.totalMs, duration: timings.totalMs });
    performance.measure("pyodide-runtime", { start: performance.now() - timings.totalMs, duration: timings.runtimeMs });
    setStatus({ state: "ready", message: "Python is ready" });
  } catch (error) {
    setStatus({ state: "failed", message: String(error.message || error) });
    throw error;
  }
}

function showProgress(done, total) {
  // Files still arriving after another one failed must not hide that failure.
  if (status.state !== "loading") return;
  // The bar shows how many files have come; the words stay short enough for a phone's header.
  setStatus({ state: "loading", message: done < total ? "Loading Python…" : "Starting Python…", progress: done / total });
}

function bootWorker(baseUrl, pythonFiles, runtimeManifest, plan) {
  const url = URL.createObjectURL(new Blob([workerSource], { type: "text/javascript" }));
  worker = new Worker(url);
  URL.revokeObjectURL(url);
  return new Promise((resolve, reject) => {
    const fail = (reason) => {
      clearTimeout(timer);
      worker.terminate();
      reject(new Error(`Python could not start: ${reason}`));
    };
    // Counted afresh at each file that arrives: a slow download that goes on is not a hang.
    let timer;
    const wait = () => {
      clearTimeout(timer);
      timer = setTimeout(() => fail(`it did not answer within ${BOOT_TIMEOUT_MS / 1000} s.`), BOOT_TIMEOUT_MS);
    };
    wait();
    worker.onmessage = (event) => {
      const message = event.data;
      if (message.type === "progress") {
        wait();
        showProgress(message.done, message.total);
      } else if (message.type === "ready") {
        clearTimeout(timer);
        wasmModule = message.wasmModule;
        worker.onmessage = receiveReply;
        worker.onerror = () => restart({ reason: "Python stopped unexpectedly and was restarted. Try again." });
        resolve(message.timings);
      } else if (message.type === "failed") {
        fail(message.message);
      }
    };
    worker.onerror = (event) => fail(event.message || "the worker stopped.");
    worker.postMessage({ type: "boot", baseUrl, runtimeUrl: baseUrl + RUNTIME_DIR, manifest: runtimeManifest, plan,
      loaded: runtimeFiles ?? { wasmModule }, pythonFiles,
      // The unpacked snapshot is kept under the packed file's checksum: a new build never
      // finds the old one.
      snapshotName: `unpacked-snapshot-${runtimeManifest[SNAPSHOT]?.crc32}.bin` });
  });
}

/** Gives the worker the second part of the standard library: over http it fetches the file itself. */
async function handOverMoreStdlib(target, baseUrl, runtimeManifest, plan) {
  if (!runtimeManifest[MORE_STDLIB]) return;
  const added = new Promise((resolve) => { moreStdlibAdded = resolve; });
  if (!plan.wrapped) {
    target.postMessage({ type: "more-stdlib", baseUrl, manifest: runtimeManifest, plan });
  } else {
    try {
      moreStdlib ??= loadRuntimeFile(baseUrl, runtimeManifest, MORE_STDLIB, plan);
      target.postMessage({ type: "more-stdlib", bytes: await moreStdlib });
    } catch {
      // Missing or damaged: the next start tries again; until then importing one of its
      // modules fails with Python's readable ModuleNotFoundError.
      moreStdlib = null;
      moreStdlibAdded();
    }
  }
  await added;
  performance.mark("more-stdlib-handed-over");
}

function receiveReply(event) {
  if (event.data.type === "calibrated") {
    slowness = Math.min(MAX_SLOWNESS, Math.max(1, event.data.ms / CALIBRATION_REFERENCE_MS));
    performance.measure("python-calibration", { start: performance.now() - event.data.ms, duration: event.data.ms });
    return;
  }
  if (event.data.type === "more-stdlib-added") {
    moreStdlibAdded();
    return;
  }
  if (event.data.type === "snapshot-kept") {
    performance.mark("snapshot-kept"); // the benchmark's warm visits wait for it
    return;
  }
  const { id, reply, fatal, started } = event.data;
  const call = pending.get(id);
  if (!call) return;
  if (started) {
    call.timer = setTimeout(() => stopRunaway(id), call.budgetMs);
    return;
  }
  pending.delete(id);
  clearTimeout(call.timer);
  if (fatal) {
    call.reject(new PythonError({ type: "Crashed", line: null,
      message: `Python itself stopped working (${fatal}) and is being restarted.`,
      hint: "Something ended Python from the inside, such as os.abort(). Your last working code comes back." }));
    restart();
    return;
  }
  const { value, error } = JSON.parse(reply);
  if (error) call.reject(new PythonError(error));
  else call.resolve(value);
}

/** True once Python has started and answers calls. */
export function isReady() {
  return status.state === "ready";
}

/** Runs page_api.<method>(**args) in Python and resolves with its plain-data answer. */
export function call(method, args = {}, options = {}) {
  return NEEDS_WHOLE_LIBRARY.has(method)
    ? moreStdlibHandedOver.then(() => send(method, args, options))
    : send(method, args, options);
}

/**
 * A caller for which only its latest call counts, like call(): see latest-call.js. A call made
 * before the latest rejects with an error that isSuperseded() recognises (callers ignore it).
 */
export function latest() {
  return latestOf(call);
}

/** How long a call may run once Python starts it: learner code by this device's speed. */
function budgetFor(method, timeoutMs) {
  if (method === "apply_edit") learnerCodeLoaded = true;
  if (!learnerCodeLoaded) return Math.max(SHIPPED_BUDGET_MS, timeoutMs ?? 0);
  return (timeoutMs ?? LEARNER_BUDGET_MS) * slowness;
}

function send(method, args, { timeoutMs }) {
  if (status.state !== "ready") {
    return Promise.reject(new PythonError({ type: "NotReady", message: "Python is still loading.",
      hint: "", line: null }));
  }
  const id = nextId++;
  const budgetMs = budgetFor(method, timeoutMs);
  return new Promise((resolve, reject) => {
    // The timer starts when the worker says it started this call (see receiveReply).
    pending.set(id, { resolve, reject, timer: null, method, budgetMs, learner: learnerCodeLoaded });
    worker.postMessage({ id, method, args });
  });
}

function stopRunaway(id) {
  const call = pending.get(id);
  if (!call) return;
  const seconds = (call.budgetMs / 1000).toFixed(1);
  call.reject(new PythonError({ type: "Timeout", line: null,
    message: `Python took too long and was stopped: ${call.method} ran for more than ${seconds} s.`,
    hint: call.learner
      ? `Edited code was running: a loop that never ends, or a very large computation (this device gets ${seconds} s).`
      : "Python did not answer at all; it was restarted." }));
  pending.delete(id);
  restart();
}

/** Replaces the worker (after a runaway call or a crash) and fails every call still waiting. */
async function restart({ reason = "Python was restarted." } = {}) {
  worker?.terminate();
  moreStdlibAdded(); // a call waiting for the old worker to have it goes on (and fails: not ready)
  for (const [id, call] of pending) {
    clearTimeout(call.timer);
    call.reject(new PythonError({ type: "Restarted", message: reason, hint: "", line: null }));
    pending.delete(id);
  }
  setStatus({ state: "loading", message: "Restarting Python…" });
  try {
    await start(lastStart);
  } catch {
    // The status line and its Retry button say what went wrong.
  }
}
