// The neural-network page: a ground to walk on (the network's loss over a 2-D slice of its
// weights, computed at build time, or a test surface of surfaces.py), a start picked on
// the map, and a descent or a race computed live by Python, replayed step by step, with
// the loss per step and what the network sees at each step.
import * as python from "./python-client.js";
import { fitCanvas, frameScheduler, plotTheme } from "./canvas.js";
import { createView } from "./plot.js";
import { attachPointer } from "./pointer.js";
import { drawSliceScene } from "./slice-plot.js";
import { drawDecisionScene } from "./decision-plot.js";
import { fixed } from "./format.js";
import { NETWORK, state } from "./state.js";
import { createRunPanel } from "./run-panel.js";
import { loadSliceData } from "./slice-data.js";
import { measureSince } from "./marks.js";
import { createUpdateRule } from "./update-rule.js";
import { valueAt, viewRanges } from "./ground.js";
import { createGroundView } from "./ground-view.js";
import { createRaceView } from "./race-view.js";
import { describeRaceStep, entrantsOf, significant } from "./race.js";

const byId = (id) => document.getElementById(id);

/** Builds the page's controls and returns {show(), setCatalog(), pythonReady(), runFromState()} for the
 * router; onRunShown(run) follows every descent shown (the experiment cards notice the learner's own). */
export function createNetworkPage({ notify, onRunShown }) {
  const canvas = byId("slice-plot");
  const decisionCanvas = byId("decision-plot");
  const runButton = byId("descent-run-button");
  let slice = null;
  let pointer = null;
  let decision = null;
  const latestDecision = python.latest();
  const render = frameScheduler(draw);
  const renderDecision = frameScheduler(drawDecision);
  const updateRule = createUpdateRule({ after: byId("descent-run-outcome"), method: "explain_descent", unit: "Step" });
  const groundView = createGroundView({ notify, onChange: groundChanged });
  const raceView = createRaceView({ onChoice: raceChanged });

  const viewOf = (width, height) => createView(width, height, ...viewRanges(groundView.ground()));
  const currentView = () => viewOf(canvas.clientWidth, canvas.clientHeight);
  const onNetwork = () => groundView.ground()?.name === NETWORK;
  const valueName = () => groundView.ground()?.valueName ?? "loss";
  const mapName = () => (onNetwork() ? "the network's loss" : `${state.surface} over a and b`);

  const describeStep = (run, i) => `Step ${i} of ${run.as.length - 1}: a = ${fixed(run.as[i])}, `
    + `b = ${fixed(run.bs[i])}, ${valueName()} = ${run.accuracies ? fixed(run.losses[i], 4) : significant(run.losses[i])}, `
    + `slope = (${fixed(run.slopes_a[i])}, ${fixed(run.slopes_b[i])})`
    + (run.accuracies ? `, ${Math.round(run.accuracies[i] * 100)} % of points right.` : ".");
  const describe = (run, i) => (run.runs ? describeRaceStep(run, i, valueName()) : describeStep(run, i));

  const panel = createRunPanel({
    name: "loss-landscape",
    prefix: "descent-",
    rows: { optimizer: "descent", settings: "descentSettings", replay: "descentReplay" },
    optimizers: () => state.catalog.network_optimizers,
    startFields: [{ name: "a", id: "start-a-input", label: "Start a", step: 0.01 },
      { name: "b", id: "start-b-input", label: "Start b", step: 0.01 }],
    call: (optimizer, { a, b }, settings) => (raceView.racing()
      ? ["race", { entrants: entrantsOf(state.race, optimizer, settings), start: [a, b], surface: state.surface }]
      : ["descend", { optimizer, start: [a, b], settings, surface: state.surface }]),
    busyText: "Training…",
    length: (run) => (run.runs ? Math.max(...run.runs.map(({ as }) => as.length)) : run.as.length),
    describe,
    canvas,
    drawFrame: (ctx, width, height, run, i) => drawSliceScene(ctx, viewOf(width, height), plotTheme(canvas),
      { ground: groundView.ground(), image: groundView.image(), run, replay: i, raceColours: raceView.colours() }),
    files: { png: () => (onNetwork() ? "network-loss-slice.png" : `${state.surface}-map.png`),
      gif: (run) => (run.runs ? `race-${run.surface}-replay.gif` : `${run.optimizer}-${run.surface}-replay.gif`) },
    failedHint: "Python could not start, so training is not possible. See the message at the top.",
    notReady: () => (groundView.ground() ? null : "The map is still loading."),
    onRun(run) {
      raceView.showRun(run, groundView.ground());
      render.now();
      if (!run.runs) onRunShown?.(run);
    },
    onReplay(run, i) {
      const what = run.runs ? `a race of ${run.runs.map(({ optimizer }) => optimizer).join(", ")}` : `a run of ${run.optimizer}`;
      canvas.setAttribute("aria-label", `Heat map of ${mapName()} with ${what}. ${describe(run, i)}`);
      render();
      raceView.showStep(i, describe(run, i));
      if (run.runs) updateRule.clear();
      else updateRule.show(run, i);
      if (!run.runs && onNetwork()) showDecision([run.as[i], run.bs[i]], `At step ${i}`);
    },
    onForget() {
      raceView.forget();
      updateRule.clear();
    },
  }, { render, notify });

  function draw() {
    const started = performance.now();
    const { ctx } = fitCanvas(canvas);
    const ground = groundView.ground();
    if (!ground) return;
    drawSliceScene(ctx, currentView(), plotTheme(canvas), {
      ground, image: groundView.image(), run: panel.current(), replay: panel.position(), pointer,
      start: panel.start(), raceColours: raceView.colours() });
    measureSince(panel.current() ? "draw-descent" : "draw-slice", started);
  }

  function drawDecision() {
    const { ctx, width, height } = fitCanvas(decisionCanvas);
    if (!decision) return;
    drawDecisionScene(ctx, createView(width, height, decision.x_range, decision.y_range), plotTheme(canvas), decision);
  }

  /** Asks Python what the network answers with the weights at `point`; only the latest answer counts. */
  async function showDecision(point, description) {
    if (!slice || !python.isReady()) return;
    try {
      decision = await latestDecision("decision", { point });
    } catch {
      return; // the picture of the last answer stays
    }
    const right = decision.right.filter(Boolean).length;
    const text = `${description}: ${right} of ${decision.right.length} points sorted right.`;
    byId("decision-summary").textContent = `${text} The shading is the network's answer at each place: `
      + "blue for \"upper\", orange for \"lower\", paler where it is unsure.";
    decisionCanvas.setAttribute("aria-label", `The data and the network's answers. ${text}`);
    renderDecision();
  }

  /** Before any run: what the trained network answers. */
  function showTrained() {
    if (!panel.current() && onNetwork()) showDecision([0, 0], "The trained network");
  }

  /** The ground changed (or is loading): a run on the old one means nothing here. */
  function groundChanged() {
    const ground = groundView.ground();
    if (panel.current() && panel.current().surface !== state.surface) panel.refresh({ forgetRun: true });
    panel.show(); // the start fields take the new ground's ranges
    canvas.setAttribute("aria-label", ground ? `Heat map of ${mapName()}` : "The map is loading");
    showTrained();
    render();
  }

  const labelRunButton = () => {
    runButton.textContent = raceView.racing() ? "Start the race" : "Train the network";
  };

  function raceChanged() {
    labelRunButton();
    if (panel.current()) panel.refresh({ forgetRun: true });
  }

  attachPointer(canvas, {
    view: currentView,
    dimensions: 2,
    onMove(point) {
      const ground = groundView.ground();
      pointer = point && { a: point.x, b: point.y };
      byId("slice-pointer").value = pointer === null || !ground
        ? "Point at the map to read a, b and the loss; click to start there."
        : `a = ${fixed(pointer.a, 2)}, b = ${fixed(pointer.b, 2)}, ${ground.valueName} ≈ `
          + (onNetwork() ? fixed(valueAt(ground, pointer.a, pointer.b), 3) : significant(valueAt(ground, pointer.a, pointer.b)));
      render();
    },
    // A click on the map starts a run there.
    onClick(point) {
      panel.setStart({ a: Math.round(point.x * 100) / 100, b: Math.round(point.y * 100) / 100 });
      if (python.isReady()) panel.run();
    },
  });
  new ResizeObserver(renderDecision).observe(decisionCanvas);

  /** Loads the ground and re-runs what a link asked for, once both the map and Python are there. */
  async function prepare() {
    raceView.refresh();
    labelRunButton();
    if (!(await groundView.load())) return;
    showTrained();
    await panel.pythonReady();
  }

  return {
    /** The optimizers or the surfaces changed (a learner applied an edit): rebuild the pickers. */
    setCatalog() {
      groundView.forgetMaps();
      panel.refresh({ forgetRun: true });
      if (state.page === "loss-landscape") prepare();
    },
    async show() {
      render();
      await panel.show();
      try {
        slice ??= await loadSliceData();
      } catch (error) {
        notify(error.message);
        return;
      }
      groundView.setSlice(slice);
      await prepare();
    },
    /** Runs what the state holds (an experiment card set it up) the normal way; the run shown after. */
    async runFromState() {
      raceView.refresh();
      labelRunButton();
      if (!(await groundView.load())) return null;
      await panel.show();
      await panel.run();
      return panel.current();
    },
    async pythonReady() {
      panel.refresh();
      if (state.page !== "loss-landscape" || !slice) return;
      await prepare();
    },
  };
}
