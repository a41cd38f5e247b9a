// The Optimization Visualizer page: the bumpy landscape, an optimizer with its
// settings, a run, and a replay that walks through the run step by step, linked
// to the plot, the iteration table and the optimizer's source.
import * as python from "./python-client.js";
import { fitCanvas, frameScheduler, plotTheme } from "./canvas.js";
import { createView, nearestIndex, yRangeOf } from "./plot.js";
import { drawLandscapeScene } from "./landscape-plot.js";
import { fixed, sampleX } from "./format.js";
import { state } from "./state.js";
import { attachPointer } from "./pointer.js";
import { createRunPanel } from "./run-panel.js";
import { markLines, markRow, renderSource, renderTable, renderVariables } from "./replay-view.js";
import { markOnce, measureSince } from "./marks.js";
import { createEndingsView } from "./endings-view.js";
import { download, runToCsv } from "./export.js";
import { createCompareList } from "./compare-list.js";
import { showLesson } from "./lessons.js";
import { runSentence, sameRun, staleText } from "./run-words.js";
import { describeCanvas } from "./described.js";
import { pngCaption } from "./plot-caption.js";
import { createUpdateRule } from "./update-rule.js";

const byId = (id) => document.getElementById(id);
// The traced run waits for a calm moment, so quick successive runs never queue behind it.
const STEPS_DELAY_MS = 150;

/** Builds the page's controls and returns {show(), setCatalog(), pythonReady(), runFromState()} for the
 * router; onRunShown(run) follows every run shown (the experiment cards notice the learner's own). */
export function createOptimizationPage({ data, notify, onRunShown }) {
  const canvas = byId("optimization-plot");
  const source = byId("optimizer-source");
  const tableBody = byId("iteration-table").tBodies[0];
  const compareButton = byId("compare-button");
  const csvButton = byId("export-csv");
  let landscape = data.landscape;
  let yRange = yRangeOf(landscape.ys);
  let pointerX = null;
  let stepsTimer = null;
  const latestSteps = python.latest();
  const render = frameScheduler(draw);
  const updateRule = createUpdateRule({ after: byId("run-outcome"), method: "explain_run", unit: "Iteration" });

  const viewOf = (width, height) => createView(width, height, [landscape.xs[0], landscape.xs.at(-1)], yRange);
  const currentView = () => viewOf(canvas.clientWidth, canvas.clientHeight);
  const landscapeAt = (x) => landscape.ys[nearestIndex(landscape.xs, x)];

  const panel = createRunPanel({
    name: "optimization",
    prefix: "",
    rows: { optimizer: "optimizer", settings: "settings", replay: "replay" },
    optimizers: () => state.catalog.optimizers,
    startFields: [{ name: "start", id: "start-input", label: "Starting point", step: 0.1 }],
    call: (optimizer, { start }, settings) => ["run", { optimizer, start, settings }],
    length: (run) => run.xs.length,
    describe: (run, i) => `Iteration ${i} of ${run.xs.length - 1}: x = ${fixed(run.xs[i])}, f(x) = ${fixed(run.ys[i])}, `
      + `slope = ${fixed(run.slopes[i])}. Best so far: f(x) = ${fixed(run.best_ys[i])} at x = ${fixed(run.best_xs[i])}.`,
    canvas,
    drawFrame: (ctx, width, height, run, i) => drawLandscapeScene(ctx, viewOf(width, height), plotTheme(canvas),
      { landscape, run, replay: i, compared: comparison.runs(), start: null, pointer: null, stale: isStale() }),
    pngCaption: () => pngCaption({ landscape, run: panel.current(), replay: panel.position(), stale: isStale(),
      compared: comparison.runs(), theme: plotTheme(canvas) }),
    files: { png: () => `${state.optimizer}-landscape.png`, gif: (run) => `${run.optimizer}-replay.gif` },
    failedHint: "Python could not start, so runs are not possible. See the message at the top.",
    onOptimizer(optimizer) {
      renderSource(source, optimizer.source, 1);
      showLesson(optimizer.name);
    },
    onSettings() {
      endings.invalidate();
      showFreshness();
    },
    onRun(run) {
      // The path first, as soon as it arrives: it is what the learner is waiting for.
      render.now();
      csvButton.disabled = false;
      updateCompareButton();
      renderSource(source, chosenSource(), 1);
      renderTable(tableBody, run, (i) => panel.replayTo(i));
      showFreshness();
      endings.draw();
      clearTimeout(stepsTimer);
      stepsTimer = setTimeout(() => showSteps(run), STEPS_DELAY_MS);
      onRunShown?.(run);
    },
    onReplay(run, i) {
      const kept = comparison.runs().length;
      canvas.setAttribute("aria-label", `The bumpy landscape with a run of ${run.optimizer}`
        + (kept ? ` and ${kept} kept ${kept === 1 ? "run" : "runs"} to compare` : ""));
      describePlot(run, i);
      markRow(tableBody, i);
      markLines(source, run.steps?.steps[i], i);
      renderVariables(byId("step-variables"), run.steps?.steps[i]);
      updateRule.show(run, i);
      render();
    },
    onForget() {
      updateRule.clear();
      clearTimeout(stepsTimer);
      latestSteps.cancel();
      csvButton.disabled = true;
      updateCompareButton();
      tableBody.replaceChildren();
      markLines(source, null);
      renderVariables(byId("step-variables"), null);
      canvas.setAttribute("aria-label", "The bumpy landscape with its global and local maximum");
      describeCanvas(canvas, "No run yet: choose a start and press Run optimization.");
      endings.draw();
    },
  }, { render, notify });

  /** Whether the run shown was made with other choices than those in the fields now. */
  function isStale() {
    const run = panel.current();
    const start = panel.start()?.start;
    return Boolean(run) && !sameRun(run, { optimizer: state.optimizer, start: start ?? run.start,
      settings: state.settings });
  }

  /** The verdict says whether the run shown is that of the fields; a stale one is drawn faintly. */
  function showFreshness() {
    const run = panel.current();
    if (!run) return;
    const verdict = byId("run-outcome");
    const stale = isStale();
    verdict.dataset.kind = stale ? "stale" : run.outcome.kind;
    verdict.textContent = stale ? staleText(run) : run.outcome.label;
    describePlot(run, panel.position());
    render();
  }

  function describePlot(run, i) {
    describeCanvas(canvas, `${isStale() ? "An old run, made with other settings: " : ""}${runSentence(run)} `
      + `Shown at iteration ${i}: x = ${fixed(run.xs[i], 2)}, f(x) = ${fixed(run.ys[i], 2)}.`
      + (comparison.runs().length ? ` Kept to compare: ${comparison.runs().map(runSentence).join(" ")}` : ""));
  }

  const comparison = createCompareList({
    container: byId("compared"),
    colors: () => plotTheme(canvas).compare,
    notify,
    onChange() {
      updateCompareButton();
      const run = panel.current();
      if (run) panel.replayTo(panel.position());
      render();
    },
  });

  const endings = createEndingsView({
    currentView,
    optimizer: () => state.optimizer,
    settings: () => state.settings,
    currentRun: () => panel.current(),
    onPick: loadPickedRun,
    notify,
  });

  /** Loads a run picked on the strip or the map: its optimizer, settings and start, then runs it. */
  function loadPickedRun({ optimizer, start, settings }) {
    const still = matchMedia("(prefers-reduced-motion: reduce)").matches;
    canvas.scrollIntoView({ block: "center", behavior: still ? "auto" : "smooth" });
    if (optimizer !== state.optimizer || settings) {
      panel.choose(optimizer, { ...state.settings, ...settings });
    }
    panel.setStart({ start: Math.round(start * 1000) / 1000 });
    panel.run();
  }

  function chosenSource() {
    return state.catalog.optimizers.find(({ name }) => name === state.optimizer)?.source ?? "";
  }

  function updateCompareButton() {
    compareButton.disabled = !panel.current() || comparison.full();
  }

  function showPeaks() {
    const describe = (peak) => `x = ${fixed(peak.x, 3)}, f(x) = ${fixed(peak.y, 3)}`;
    byId("global-max-text").textContent = `Global max: ${describe(landscape.global_max)}`;
    byId("local-max-text").textContent = landscape.local_max
      ? `Local max: ${describe(landscape.local_max)}` : "No local max";
  }

  function draw() {
    const started = performance.now();
    const { ctx } = fitCanvas(canvas);
    const run = panel.current();
    const start = panel.start()?.start;
    drawLandscapeScene(ctx, currentView(), plotTheme(canvas), {
      landscape, run, replay: panel.position(), compared: comparison.runs(), stale: isStale(),
      start: start === undefined ? null : { x: start, y: landscapeAt(start) },
      pointer: pointerX === null ? null : { x: pointerX, y: landscapeAt(pointerX) },
    });
    markOnce("first-plot");
    measureSince(run ? "draw-run" : "draw-landscape", started);
  }

  /** Fetches the traced run (lines and variables per iteration) after the path is drawn. */
  async function showSteps(shown) {
    try {
      const steps = await latestSteps("run_steps", { optimizer: shown.optimizer, start: shown.start,
        settings: shown.settings });
      if (shown !== panel.current()) return;
      shown.steps = steps;
      renderSource(source, chosenSource(), steps?.first_line ?? 1);
      markLines(source, steps?.steps[panel.position()], panel.position());
      renderVariables(byId("step-variables"), steps?.steps[panel.position()]);
    } catch {
      // The code view stays unmarked; the run itself is shown and usable.
    }
  }

  // A new start typed or clicked makes the run shown an old one.
  byId("start-fields").addEventListener("input", showFreshness);
  compareButton.addEventListener("click", () => panel.current() && comparison.keep(panel.current()));
  csvButton.addEventListener("click", () => {
    const run = panel.current();
    if (run) download(new Blob([runToCsv(run)], { type: "text/csv" }), `${run.optimizer}-run.csv`);
  });
  attachPointer(canvas, {
    view: currentView,
    onMove(point) {
      // The sample under the pointer: the readout shows f at the very x it shows.
      pointerX = point ? landscape.xs[nearestIndex(landscape.xs, point.x)] : null;
      byId("optimization-pointer").value = pointerX === null
        ? "Point at the plot to read x and f(x); click to start there."
        : `x = ${sampleX(pointerX)}, f(x) = ${fixed(landscapeAt(pointerX), 3)}`;
      render();
    },
    onClick: ({ x }) => panel.setStart({ start: Math.round(x * 10) / 10 }),
  });

  return {
    /** The optimizers changed (a learner applied an edit): rebuild the picker, drop the old run. */
    setCatalog: () => panel.refresh({ forgetRun: true }),
    async show() {
      showPeaks();
      await panel.show();
      await comparison.restore();
      render();
    },
    /** Runs what the state holds (an experiment card set it up) the normal way; the run shown after. */
    async runFromState() {
      await panel.show();
      await panel.run();
      return panel.current();
    },
    /** Python is ready, with the live catalog in the state: live landscape, then what a link asked for. */
    async pythonReady() {
      panel.refresh();
      try {
        landscape = await python.call("landscape");
      } catch (error) {
        notify(error.message);
      }
      yRange = yRangeOf(landscape.ys);
      showPeaks();
      render();
      if (state.page !== "optimization") return;
      await comparison.restore();
      await panel.pythonReady();
    },
  };
}
