// The neural-network page: the network's loss over a 2-D slice of its weights
// (computed at build time), a start picked on the map, and a descent computed
// live by Python, replayed step by step, with what the network sees at each step.
import * as python from "./python-client.js";
import { fitCanvas, frameScheduler, plotTheme } from "./canvas.js";
import { createView, nearestIndex } from "./plot.js";
import { attachPointer } from "./pointer.js";
import { drawSliceScene, colourOf, lossImage, logRange } from "./slice-plot.js";
import { drawDecisionScene } from "./decision-plot.js";
import { fixed } from "./format.js";
import { state } from "./state.js";
import { createRunPanel } from "./run-panel.js";
import { loadSliceData } from "./slice-data.js";
import { measureSince } from "./marks.js";
import { createUpdateRule } from "./update-rule.js";

const byId = (id) => document.getElementById(id);

/** Builds the page's controls and returns {show(), setCatalog(), pythonReady()} for the router. */
export function createNetworkPage({ notify }) {
  const canvas = byId("slice-plot");
  const decisionCanvas = byId("decision-plot");
  let slice = null;
  let image = null;
  let pointer = null;
  let decision = null;
  const latestDecision = python.latest();
  const render = frameScheduler(draw);
  const renderDecision = frameScheduler(drawDecision);
  const updateRule = createUpdateRule({ after: byId("descent-replay-status"), method: "explain_descent", unit: "Step" });

  const span = () => state.catalog.slice_span;
  const viewOf = (width, height) => createView(width, height, [-span(), span()], [-span(), span()]);
  const currentView = () => viewOf(canvas.clientWidth, canvas.clientHeight);

  const describeStep = (run, i) => `Step ${i} of ${run.as.length - 1}: a = ${fixed(run.as[i])}, `
    + `b = ${fixed(run.bs[i])}, loss = ${fixed(run.losses[i], 4)}, `
    + `slope = (${fixed(run.slopes_a[i])}, ${fixed(run.slopes_b[i])}), ${Math.round(run.accuracies[i] * 100)} % of points right.`;

  const panel = createRunPanel({
    name: "loss-landscape",
    prefix: "descent-",
    rows: { optimizer: "descent", settings: "descentSettings", replay: "descentReplay" },
    optimizers: () => state.catalog.network_optimizers,
    startFields: [{ name: "a", id: "start-a-input", label: "Start a", step: 0.01 },
      { name: "b", id: "start-b-input", label: "Start b", step: 0.01 }],
    call: (optimizer, { a, b }, settings) => ["descend", { optimizer, start: [a, b], settings }],
    busyText: "Training…",
    length: (run) => run.as.length,
    describe: describeStep,
    canvas,
    drawFrame: (ctx, width, height, run, i) => drawSliceScene(ctx, viewOf(width, height), plotTheme(canvas),
      { slice, image, run, replay: i, start: null, pointer: null }),
    files: { png: () => "network-loss-slice.png", gif: (run) => `${run.optimizer}-network-replay.gif` },
    failedHint: "Python could not start, so training is not possible. See the message at the top.",
    notReady: () => (slice ? null : "The loss map is still loading."),
    onRun: () => render.now(),
    onReplay(run, i) {
      canvas.setAttribute("aria-label", `Heat map of the network's loss with a run of ${run.optimizer}. `
        + describeStep(run, i));
      render();
      updateRule.show(run, i);
      showDecision([run.as[i], run.bs[i]], `At step ${i}`);
    },
    onForget: () => updateRule.clear(),
  }, { render, notify });

  function draw() {
    const started = performance.now();
    const { ctx } = fitCanvas(canvas);
    if (!slice) return;
    const start = panel.start();
    drawSliceScene(ctx, currentView(), plotTheme(canvas), {
      slice, image, run: panel.current(), replay: panel.position(), pointer, start,
    });
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
    if (!panel.current()) showDecision([0, 0], "The trained network");
  }

  function showSlice() {
    image = lossImage(slice);
    const [low, high] = logRange(slice);
    const stops = Array.from({ length: 9 }, (_, i) => `rgb(${colourOf(slice.colormap, i / 8).join(",")})`);
    byId("loss-scale-bar").style.background = `linear-gradient(to right, ${stops.join(", ")})`;
    byId("loss-scale-low").textContent = `loss ${fixed(Math.exp(low), 4)}`;
    byId("loss-scale-high").textContent = `${fixed(Math.exp(high), 1)} (log scale)`;
    byId("trained-text").textContent = `Trained network: a = 0, b = 0, loss ${fixed(slice.trained.loss, 4)}, `
      + `${Math.round(slice.trained.accuracy * 100)} % right`;
    const valley = slice.local_minima[0];
    byId("valley-text").textContent = valley
      ? `Local minimum: a = ${fixed(valley.a, 2)}, b = ${fixed(valley.b, 2)}, loss ${fixed(valley.loss, 3)}`
      : "No other minimum on this slice";
    render();
  }

  attachPointer(canvas, {
    view: currentView,
    dimensions: 2,
    onMove(point) {
      pointer = point && { a: point.x, b: point.y };
      byId("slice-pointer").value = pointer === null || !slice
        ? "Point at the map to read a, b and the loss; click to start there."
        : `a = ${fixed(pointer.a, 2)}, b = ${fixed(pointer.b, 2)}, loss ≈ `
          + fixed(slice.loss[nearestIndex(slice.steps, pointer.b)][nearestIndex(slice.steps, pointer.a)], 3);
      render();
    },
    // A click on the map starts a run there.
    onClick(point) {
      panel.setStart({ a: Math.round(point.x * 100) / 100, b: Math.round(point.y * 100) / 100 });
      if (python.isReady()) panel.run();
    },
  });
  new ResizeObserver(renderDecision).observe(decisionCanvas);

  return {
    /** The optimizers changed (a learner applied an edit to training.py): rebuild the picker. */
    setCatalog: () => panel.refresh({ forgetRun: true }),
    async show() {
      render();
      await panel.show();
      try {
        slice ??= await loadSliceData();
      } catch (error) {
        notify(error.message);
        return;
      }
      if (!image) showSlice();
      showTrained();
      await panel.pythonReady();
    },
    async pythonReady() {
      panel.refresh();
      if (state.page !== "loss-landscape" || !slice) return;
      showTrained();
      await panel.pythonReady();
    },
  };
}
