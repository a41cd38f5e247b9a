// The Optimization Visualizer page: the bumpy landscape, an optimizer with its
// settings, a run, and a replay that walks through the run step by step, linked
// to the plot, the iteration table and the optimizer's source.
import * as python from "./python-client.js";
import { fitCanvas, frameScheduler, plotTheme } from "./canvas.js";
import { createView, nearestIndex, yRangeOf } from "./plot.js";
import { drawLandscapeScene } from "./landscape-plot.js";
import { docSummary, fixed } from "./format.js";
import { PROPERTIES, validate, writeHash } from "./state.js";
import { attachPointer } from "./pointer.js";
import { createSettingsForm } from "./settings-form.js";
import { attachReplayControls } from "./player.js";
import { markLines, markRow, renderSource, renderTable, renderVariables } from "./replay-view.js";
import { markOnce, measureSince } from "./marks.js";
import { createEndingsView } from "./endings-view.js";
import { download, downloadCanvas, runToCsv } from "./export.js";
import { createCompareList } from "./compare-list.js";
import { exportReplayGif } from "./replay-gif.js";

const START = PROPERTIES.find((property) => property.name === "start");
const byId = (id) => document.getElementById(id);
const STEPS_DELAY_MS = 150;

/** Builds the page's controls and returns {show(), pythonStatus(), pythonReady()} for the router. */
export function createOptimizationPage({ state, data, notify }) {
  const select = byId("optimizer-select");
  const startInput = byId("start-input");
  const runButton = byId("run-button");
  const replaySlider = byId("replay-slider");
  const playButton = byId("play-button");
  const outcomeText = byId("run-outcome");
  const canvas = byId("optimization-plot");
  const source = byId("optimizer-source");
  const tableBody = byId("iteration-table").tBodies[0];
  let catalog = data.catalog;
  let landscape = data.landscape;
  let yRange = yRangeOf(landscape.ys);
  let run = null;
  let replay = 0;
  let pointerX = null;
  let runTicket = 0;
  let stepsTimer = null;
  // A replay position from a shared link, applied once the run it belongs to is back.
  let pendingReplay = null;
  const comparison = createCompareList({
    container: byId("compared"),
    colors: () => plotTheme(canvas).compare,
    onChange: () => {
      state.compare = comparison.runs.map(({ optimizer, start, settings }) => ({ optimizer, start, settings }));
      writeHash(state);
      updateCompareButton();
      render();
    },
  });

  /** Re-runs the runs kept in a shared link, so the comparison comes back as it was. */
  async function restoreComparison() {
    const wanted = state.compare;
    if (!wanted.length || comparison.runs.length) return;
    for (const kept of wanted) {
      try {
        const result = await python.call("run", { optimizer: kept.optimizer, start: kept.start, settings: kept.settings });
        comparison.add({ ...result, ...kept });
      } catch (error) {
        notify(`A compared run in the link was left out: ${error.message}`, { append: true });
      }
    }
  }

  const render = frameScheduler(draw);
  const settingsForm = createSettingsForm(byId("optimizer-settings"), {
    onChange(settings) {
      state.settings = settings;
      writeHash(state);
      endings.invalidate();
    },
    onNotice: (message) => notify(message, { append: true }),
  });
  const player = attachReplayControls({
    page: byId("page-optimization"), slider: replaySlider, playButton, speedSelect: byId("speed-select"),
    length: () => run?.xs.length ?? 0, position: () => replay, setPosition: (i) => setReplay(i),
  });

  const endings = createEndingsView({
    currentView: () => currentView(),
    optimizer: () => state.optimizer,
    settings: () => settingsForm.read() ?? state.settings,
    onPick: loadPickedRun,
    notify,
  });

  /** Loads a run picked on the strip or the map: its optimizer, settings and start, then runs it. */
  function loadPickedRun({ optimizer, start, settings }) {
    if (optimizer !== state.optimizer || settings) {
      state.optimizer = optimizer;
      state.settings = { ...state.settings, ...settings };
      forgetRun();
      showOptimizer();
    }
    startInput.value = String(Math.round(start * 1000) / 1000);
    startInput.dispatchEvent(new Event("input"));
    runOptimization();
  }

  function chosenOptimizer() {
    return catalog.optimizers.find(({ name }) => name === state.optimizer) ?? catalog.optimizers[0];
  }

  function showOptimizer() {
    select.replaceChildren(...catalog.optimizers.map(({ name }) => new Option(name, name)));
    const optimizer = chosenOptimizer();
    state.optimizer = optimizer.name;
    select.value = optimizer.name;
    byId("optimizer-doc").textContent = docSummary(optimizer.doc);
    renderSource(source, optimizer.source, 1);
    for (const lesson of document.querySelectorAll("[data-lesson]")) {
      lesson.hidden = lesson.dataset.lesson !== optimizer.name;
    }
    state.settings = settingsForm.build(optimizer.controls, state.settings);
    writeHash(state);
  }

  function showPeaks() {
    const describe = (peak) => `x = ${fixed(peak.x, 3)}, f(x) = ${fixed(peak.y, 3)}`;
    byId("global-max-text").textContent = `Global max: ${describe(landscape.global_max)}`;
    byId("local-max-text").textContent = landscape.local_max
      ? `Local max: ${describe(landscape.local_max)}` : "No local max";
  }

  function currentView() {
    return createView(canvas.clientWidth, canvas.clientHeight, [landscape.xs[0], landscape.xs.at(-1)], yRange);
  }

  function landscapeAt(x) {
    return landscape.ys[nearestIndex(landscape.xs, x)];
  }

  function draw() {
    const started = performance.now();
    const { ctx } = fitCanvas(canvas);
    const start = Number(startInput.value);
    drawLandscapeScene(ctx, currentView(), plotTheme(canvas), {
      landscape, run, replay, compared: comparison.runs,
      start: Number.isFinite(start) ? { x: start, y: landscapeAt(start) } : null,
      pointer: pointerX === null ? null : { x: pointerX, y: landscapeAt(pointerX) },
    });
    markOnce("first-plot");
    measureSince(run ? "draw-run" : "draw-landscape", started);
  }

  /** Iteration i of the current run, kept within the run. */
  function replayIndex(i) {
    return Math.min(run.xs.length - 1, Math.max(0, i));
  }

  /** Moves the replay to iteration i: slider, readout, table, code and plot follow. */
  function setReplay(i, { redraw = true } = {}) {
    if (!run) return;
    replay = replayIndex(i);
    replaySlider.value = String(replay);
    byId("replay-status").textContent = `Iteration ${replay} of ${run.xs.length - 1}: x = ${fixed(run.xs[replay])}, `
      + `f(x) = ${fixed(run.ys[replay])}, slope = ${fixed(run.slopes[replay])}. `
      + `Best so far: f(x) = ${fixed(run.best_ys[replay])} at x = ${fixed(run.best_xs[replay])}.`;
    canvas.setAttribute("aria-label", `The bumpy landscape with a run of ${run.optimizer}, shown at iteration `
      + `${replay}, at x = ${fixed(run.xs[replay])}, f(x) = ${fixed(run.ys[replay])}`);
    markRow(tableBody, replay);
    const step = run.steps?.steps[replay];
    markLines(source, step);
    renderVariables(byId("step-variables"), step);
    state.replay = replay;
    writeHash(state);
    if (redraw) render();
  }

  /** Fetches the traced run (lines and variables per iteration) after the path is drawn. */
  async function showSteps(shown, ticket, settings) {
    try {
      const steps = await python.call("run_steps", { optimizer: shown.optimizer, start: shown.start, settings });
      if (ticket !== runTicket || shown !== run) return;
      shown.steps = steps;
      renderSource(source, chosenOptimizer().source, steps?.first_line ?? 1);
      markLines(source, steps?.steps[replay]);
      renderVariables(byId("step-variables"), steps?.steps[replay]);
    } catch {
      // The code view stays unmarked; the run itself is shown and usable.
    }
  }

  function readStart() {
    const checked = validate(START, startInput.value);
    const ok = !checked.notice;
    startInput.setAttribute("aria-invalid", String(!ok));
    byId("start-error").textContent = ok ? "" : `Enter a number from ${START.min} to ${START.max}.`;
    return ok ? checked.value : null;
  }

  function forgetRun() {
    player.stop();
    run = null;
    state.replay = null;
    replaySlider.disabled = true;
    playButton.disabled = true;
    byId("export-csv").disabled = true;
    byId("export-gif").disabled = true;
    byId("compare-button").disabled = true;
  }

  function updateCompareButton() {
    byId("compare-button").disabled = !run || comparison.full();
  }

  async function runOptimization() {
    const start = readStart();
    const settings = settingsForm.read();
    if (start === null || settings === null) {
      outcomeText.dataset.kind = "error";
      outcomeText.textContent = "Fix the highlighted field first.";
      return;
    }
    Object.assign(state, { start, settings });
    const ticket = ++runTicket;
    const clicked = performance.now();
    try {
      const result = await python.call("run", { optimizer: state.optimizer, start, settings });
      if (ticket !== runTicket) return; // a newer run was started meanwhile: the latest wins
      measureSince("run-answered", clicked);
      player.stop();
      run = { ...result, optimizer: state.optimizer, start, settings };
      // The path first, as soon as it arrives: it is what the learner is waiting for.
      replay = replayIndex(pendingReplay ?? run.xs.length - 1);
      render.now();
      replaySlider.max = String(run.xs.length - 1);
      replaySlider.disabled = false;
      playButton.disabled = false;
      byId("export-csv").disabled = false;
      byId("export-gif").disabled = false;
      updateCompareButton();
      outcomeText.dataset.kind = run.outcome.kind;
      outcomeText.textContent = run.outcome.label;
      renderSource(source, chosenOptimizer().source, 1);
      renderTable(tableBody, run, setReplay);
      setReplay(replay, { redraw: false });
      pendingReplay = null;
      measureSince("run-ready-to-draw", clicked);
      // The traced run waits for a calm moment, so quick successive runs never queue behind it.
      clearTimeout(stepsTimer);
      stepsTimer = setTimeout(() => showSteps(run, ticket, settings), STEPS_DELAY_MS);
    } catch (error) {
      if (ticket !== runTicket) return;
      outcomeText.dataset.kind = "error";
      outcomeText.textContent = `${error.name}: ${error.message}${error.details?.hint ? ` ${error.details.hint}` : ""}`;
      render();
    }
  }

  select.addEventListener("change", () => {
    state.optimizer = select.value;
    state.settings = {};
    forgetRun();
    endings.invalidate();
    showOptimizer();
    render();
  });
  startInput.addEventListener("input", () => {
    const start = readStart();
    if (start !== null) {
      state.start = start;
      writeHash(state);
    }
    render();
  });
  runButton.addEventListener("click", runOptimization);
  byId("compare-button").addEventListener("click", () => run && comparison.add(run));
  byId("export-png").addEventListener("click", () => downloadCanvas(canvas, `${state.optimizer}-landscape.png`));
  byId("export-csv").addEventListener("click", () => {
    if (run) download(new Blob([runToCsv(run)], { type: "text/csv" }), `${run.optimizer}-run.csv`);
  });
  byId("export-gif").addEventListener("click", () => {
    if (!run) return;
    const shown = run;
    const theme = plotTheme(canvas);
    exportReplayGif({
      button: byId("export-gif"), canvas, frameCount: shown.xs.length, background: theme.markerOutline,
      fileName: `${shown.optimizer}-replay.gif`,
      drawFrame: (ctx, width, height, i) => drawLandscapeScene(ctx,
        createView(width, height, [landscape.xs[0], landscape.xs.at(-1)], yRange), theme,
        { landscape, run: shown, replay: i, compared: comparison.runs, start: null, pointer: null }),
    }).catch((error) => notify(`The GIF could not be made: ${error.message}`));
  });
  attachPointer(canvas, {
    view: currentView,
    onMove(point) {
      const x = point?.x ?? null;
      pointerX = x;
      byId("optimization-pointer").value = x === null ? "Point at the plot to read x and f(x); click to start there."
        : `x = ${fixed(x, 2)}, f(x) = ${fixed(landscapeAt(x), 3)}`;
      render();
    },
    onClick({ x }) {
      startInput.value = String(Math.round(x * 10) / 10);
      startInput.dispatchEvent(new Event("input"));
    },
  });
  new ResizeObserver(render).observe(canvas);

  return {
    /** The optimizers changed (a learner applied an edit): rebuild the picker, drop the old run. */
    setCatalog(next) {
      catalog = next;
      forgetRun();
      showOptimizer();
      render();
    },
    show() {
      startInput.value = String(state.start);
      pendingReplay = state.replay;
      showOptimizer();
      showPeaks();
      render();
      if (python.isReady()) restoreComparison().then(() => pendingReplay !== null && runOptimization());
    },
    pythonStatus(status) {
      runButton.disabled = status.state !== "ready";
      endings.setReady(status.state === "ready");
      byId("run-hint").hidden = status.state === "ready";
      byId("run-hint").textContent = status.state === "failed"
        ? "Python could not start, so runs are not possible. See the message at the top."
        : "Python is loading; the button wakes up when it is ready.";
    },
    async pythonReady() {
      try {
        [catalog, landscape] = await Promise.all([python.call("catalog"), python.call("landscape")]);
        yRange = yRangeOf(landscape.ys);
        showOptimizer();
        showPeaks();
        render();
        if (!byId("page-optimization").hidden) {
          await restoreComparison();
          if (pendingReplay !== null) await runOptimization();
        }
      } catch (error) {
        notify(error.message);
      }
    },
  };
}
