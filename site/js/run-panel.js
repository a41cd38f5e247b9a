// The run panel of a replay page: the optimizer picker and its description, the
// starting point and the settings, Run (the latest run wins), the outcome, the
// replay (slider, Play, arrow keys), the PNG and GIF downloads and Python's status.
// Both replay pages use it and pass in only what differs.
import * as python from "./python-client.js";
import { rangeOf, state, update } from "./state.js";
import { createSettingsForm } from "./settings-form.js";
import { attachReplayControls } from "./player.js";
import { renderDocstring } from "./docstring.js";
import { downloadCanvas } from "./export.js";
import { exportReplayGif } from "./replay-gif.js";
import { plotTheme } from "./canvas.js";
import { measureSince } from "./marks.js";

/**
 * Wires the panel of one page; `page` says what differs:
 *   name, prefix            the page ("optimization") and the prefix of its elements' ids
 *   rows                    its state properties {optimizer, settings, replay}
 *   optimizers()            the optimizers to offer, from the catalog
 *   startFields             [{name, id, label, step}], each a number property of the state
 *   call(optimizer, start, settings)   [method, args] that asks Python for a run
 *   length(run), describe(run, i)      a run's number of positions, and the text for one
 *   canvas, drawFrame(ctx, width, height, run, i), files {png(), gif(run)}, failedHint
 *   notReady()              why nothing can run yet, or null
 *   busyText               what the outcome says while Python works, if anything
 *   pngCaption()            {title, lines, legend} for the downloaded PNG, if the page gives one
 *   onOptimizer(optimizer), onSettings(), onRun(run), onReplay(run, i), onForget()
 * Returns {run(), choose(), replayTo(), show(), refresh(), pythonReady(), current(), position(),
 * start(), setStart()}.
 */
export function createRunPanel(page, { render, notify }) {
  const byId = (name) => document.getElementById(`${page.prefix}${name}`);
  const select = byId("optimizer-select");
  const runButton = byId("run-button");
  const hint = byId("run-hint");
  const slider = byId("replay-slider");
  const playButton = byId("play-button");
  const gifButton = byId("export-gif");
  const outcomeText = byId("run-outcome");
  const idleStatus = byId("replay-status").textContent;
  const latestRun = python.latest();
  let run = null;
  let replay = 0;
  // A replay position from a link, applied once the run it belongs to is back.
  let pendingReplay = null;

  const say = (message) => notify(message, { append: true });
  const startForm = createSettingsForm(byId("start-fields"), {
    onNotice: say,
    onChange(values) {
      if (values) update(values);
      render();
    },
  });
  const settingsForm = createSettingsForm(byId("optimizer-settings"), {
    idPrefix: `${page.prefix}setting`,
    onNotice: say,
    onChange(values) {
      if (values) update({ [page.rows.settings]: values });
      page.onSettings?.();
    },
  });
  const player = attachReplayControls({
    page: document.getElementById(`page-${page.name}`), slider, playButton, speedSelect: byId("speed-select"),
    length: () => (run ? page.length(run) : 0), position: () => replay, setPosition: (i) => setReplay(i),
  });

  function chosen() {
    const optimizers = page.optimizers();
    return optimizers.find(({ name }) => name === state[page.rows.optimizer]) ?? optimizers[0];
  }

  /** Fills the picker, the description and the fields from the catalog and the state. */
  function showOptimizer({ keepTyped = false } = {}) {
    select.replaceChildren(...page.optimizers().map(({ name }) => new Option(name, name)));
    const optimizer = chosen();
    select.value = optimizer.name;
    renderDocstring(byId("optimizer-doc"), optimizer.doc, { paragraphs: 1 });
    const starts = page.startFields.map((field) => ({ ...field, ...rangeOf(field.name), default: state[field.name] }));
    startForm.build(starts, state, { keepTyped });
    const settings = settingsForm.build(optimizer.controls, state[page.rows.settings], { keepTyped });
    update({ [page.rows.optimizer]: optimizer.name, [page.rows.settings]: settings });
    if (!run) slider.max = String(state.catalog.iterations);
    page.onOptimizer?.(optimizer);
  }

  /** Moves the replay to position i of the run, kept within it: slider, text, URL and page follow. */
  function setReplay(i) {
    if (!run) return;
    replay = Math.min(page.length(run) - 1, Math.max(0, i));
    slider.value = String(replay);
    byId("replay-status").textContent = page.describe(run, replay);
    update({ [page.rows.replay]: replay });
    page.onReplay(run, replay);
  }

  function forget() {
    player.stop();
    latestRun.cancel();
    run = null;
    update({ [page.rows.replay]: null });
    for (const control of [slider, playButton, gifButton]) control.disabled = true;
    // The verdict and the readout of a forgotten run must not stay beside another optimizer.
    outcomeText.textContent = "";
    delete outcomeText.dataset.kind;
    byId("replay-status").textContent = idleStatus;
    page.onForget?.();
  }

  function showError(text) {
    outcomeText.dataset.kind = "error";
    outcomeText.textContent = text;
  }

  async function runOptimizer() {
    const start = startForm.read();
    const settings = settingsForm.read();
    const notReady = page.notReady?.();
    if (notReady || start === null || settings === null) {
      showError(notReady ?? "Fix the highlighted field first.");
      return;
    }
    update({ ...start, [page.rows.settings]: settings });
    const optimizer = chosen().name;
    const clicked = performance.now();
    const [method, args] = page.call(optimizer, start, settings);
    if (page.busyText) {
      outcomeText.dataset.kind = "busy";
      outcomeText.textContent = page.busyText;
    }
    try {
      const result = await latestRun(method, args);
      measureSince("run-answered", clicked);
      player.stop();
      // The run carries what it was asked with: a link or a kept run can ask for it again.
      run = { ...result, ...args, startValues: start };
      for (const control of [slider, playButton, gifButton]) control.disabled = false;
      slider.max = String(page.length(run) - 1);
      outcomeText.dataset.kind = run.outcome.kind;
      outcomeText.textContent = run.outcome.label;
      replay = pendingReplay ?? page.length(run) - 1;
      pendingReplay = null;
      page.onRun(run);
      setReplay(replay);
      measureSince("run-ready-to-draw", clicked);
    } catch (error) {
      if (python.isSuperseded(error)) return;
      showError(`${error.name}: ${error.message}${error.details?.hint ? ` ${error.details.hint}` : ""}`);
      render();
    }
  }

  /** Chooses another optimizer, with the given settings; the run of the last one is forgotten. */
  function choose(optimizer, settings) {
    update({ [page.rows.optimizer]: optimizer, [page.rows.settings]: settings });
    forget();
    showOptimizer();
    render();
  }

  select.addEventListener("change", () => choose(select.value, {}));
  runButton.addEventListener("click", runOptimizer);
  byId("export-png").addEventListener("click", () => downloadCanvas(page.canvas, page.files.png(), page.pngCaption?.()));
  gifButton.addEventListener("click", () => {
    if (!run) return;
    const shown = run;
    exportReplayGif({
      button: gifButton, canvas: page.canvas, frameCount: page.length(shown), background: plotTheme(page.canvas).markerOutline,
      fileName: page.files.gif(shown), drawFrame: (ctx, width, height, i) => page.drawFrame(ctx, width, height, shown, i),
    }).catch((error) => notify(`The GIF could not be made: ${error.message}`));
  });
  new ResizeObserver(render).observe(page.canvas);
  python.onStatus((status) => {
    runButton.disabled = status.state !== "ready";
    hint.hidden = status.state === "ready";
    hint.textContent = status.state === "failed" ? page.failedHint
      : "Python is loading; the button wakes up when it is ready.";
  });

  /** Runs again what a link asked for: a replay position needs its run. */
  function runIfAsked() {
    const wanted = state[page.rows.replay];
    if (wanted === null || !python.isReady() || page.notReady?.()) return Promise.resolve();
    const same = run && run.optimizer === state[page.rows.optimizer]
      && page.startFields.every(({ name }) => run.startValues[name] === state[name])
      && JSON.stringify(run.settings) === JSON.stringify(state[page.rows.settings]);
    if (same) {
      setReplay(wanted);
      return Promise.resolve();
    }
    pendingReplay = wanted;
    return runOptimizer();
  }

  return {
    run: runOptimizer,
    choose,
    replayTo: setReplay,
    /** The page is shown (first, or again after a link or another page): fields from the state. */
    show() {
      showOptimizer();
      return runIfAsked();
    },
    /** The catalog changed: rebuild the picker and fields, keeping what the learner typed. */
    refresh({ forgetRun = false } = {}) {
      if (forgetRun) forget();
      showOptimizer({ keepTyped: true });
      render();
    },
    pythonReady: runIfAsked,
    current: () => run,
    position: () => replay,
    /** The starting point in the fields, or null while one is invalid (nothing is marked). */
    start: () => startForm.peek(),
    /** Puts a starting point into the fields (a click on the plot) as if typed. */
    setStart(values) {
      for (const field of page.startFields) {
        const input = document.getElementById(field.id);
        if (input.disabled) continue; // locked by a teacher's exercise link
        input.value = String(values[field.name]);
        input.dispatchEvent(new Event("input"));
      }
    },
  };
}
