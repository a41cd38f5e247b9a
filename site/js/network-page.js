// The neural-network page: the network's loss over a 2-D slice of its weights
// (computed at build time), a start picked on the map, and a descent computed
// live by Python, replayed step by step.
import * as python from "./python-client.js";
import { fitCanvas, frameScheduler, plotTheme } from "./canvas.js";
import { createView, nearestIndex } from "./plot.js";
import { attachPointer } from "./pointer.js";
import { drawSliceScene, colourOf, lossImage, logRange } from "./slice-plot.js";
import { docSummary, fixed } from "./format.js";
import { PROPERTIES, validate, writeHash } from "./state.js";
import { createSettingsForm } from "./settings-form.js";
import { attachReplayControls } from "./player.js";
import { loadSliceData } from "./slice-data.js";
import { measureSince } from "./marks.js";
import { downloadCanvas } from "./export.js";
import { exportReplayGif } from "./replay-gif.js";
import { drawDecisionScene } from "./decision-plot.js";

const byId = (id) => document.getElementById(id);
const START = {
  a: PROPERTIES.find((property) => property.name === "a"),
  b: PROPERTIES.find((property) => property.name === "b"),
};

/** Builds the page's controls and returns {show(), pythonStatus(), pythonReady()} for the router. */
export function createNetworkPage({ state, data, notify }) {
  const select = byId("descent-select");
  const inputs = { a: byId("start-a-input"), b: byId("start-b-input") };
  const runButton = byId("descent-run");
  const replaySlider = byId("descent-replay");
  const playButton = byId("descent-play");
  const outcomeText = byId("descent-outcome");
  const canvas = byId("slice-plot");
  let optimizers = data.catalog.network_optimizers;
  let slice = null;
  let image = null;
  let run = null;
  let replay = 0;
  let pointer = null;
  let runTicket = 0;
  let pendingReplay = null;

  const decisionCanvas = byId("decision-plot");
  let decision = null;
  let decisionWanted = null;
  let decisionBusy = false;

  const render = frameScheduler(draw);
  const renderDecision = frameScheduler(drawDecision);
  const settingsForm = createSettingsForm(byId("descent-settings"), {
    idPrefix: "descent-setting",
    onChange(settings) {
      state.settings = settings;
      writeHash(state);
    },
    onNotice: (message) => notify(message, { append: true }),
  });
  const player = attachReplayControls({
    page: byId("page-loss-landscape"), slider: replaySlider, playButton, speedSelect: byId("descent-speed"),
    length: () => run?.as.length ?? 0, position: () => replay, setPosition: (i) => setReplay(i),
  });

  function currentView() {
    const span = slice?.span ?? 1.5;
    return createView(canvas.clientWidth, canvas.clientHeight, [-span, span], [-span, span]);
  }

  function draw() {
    const started = performance.now();
    const { ctx } = fitCanvas(canvas);
    if (!slice) return;
    drawSliceScene(ctx, currentView(), plotTheme(canvas), {
      slice, image, run, replay, pointer, start: readStart({ quiet: true }),
    });
    measureSince(run ? "draw-descent" : "draw-slice", started);
  }

  function drawDecision() {
    const { ctx, width, height } = fitCanvas(decisionCanvas);
    if (!decision) return;
    drawDecisionScene(ctx, createView(width, height, decision.x_range, decision.y_range), plotTheme(canvas), decision);
  }

  /** Asks Python what the network answers with the weights at `point`; only the latest request counts. */
  async function showDecision(point, description) {
    decisionWanted = { point, description };
    if (decisionBusy || !slice || !python.isReady()) return;
    decisionBusy = true;
    while (decisionWanted) {
      const asked = decisionWanted;
      decisionWanted = null;
      try {
        decision = await python.call("decision", { point: asked.point });
      } catch {
        continue; // the picture of the last answer stays
      }
      const right = decision.right.filter(Boolean).length;
      const text = `${asked.description}: ${right} of ${decision.right.length} points sorted right.`;
      byId("decision-summary").textContent = `${text} The shading is the network's answer at each place: `
        + "blue for \"upper\", orange for \"lower\", paler where it is unsure.";
      decisionCanvas.setAttribute("aria-label", `The data and the network's answers. ${text}`);
      renderDecision();
    }
    decisionBusy = false;
  }

  /** The loss of the nearest grid point: what the map shows under the pointer. */
  function lossNear(a, b) {
    return slice.loss[nearestIndex(slice.steps, b)][nearestIndex(slice.steps, a)];
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

  function chosenOptimizer() {
    return optimizers.find(({ name }) => name === state.descent) ?? optimizers[0];
  }

  function showOptimizer() {
    select.replaceChildren(...optimizers.map(({ name }) => new Option(name, name)));
    const optimizer = chosenOptimizer();
    state.descent = optimizer.name;
    select.value = optimizer.name;
    byId("descent-doc").textContent = docSummary(optimizer.doc);
    state.settings = settingsForm.build(optimizer.controls, state.settings);
    writeHash(state);
  }

  /** The start (a, b) from the two inputs, or null with the wrong field marked. */
  function readStart({ quiet = false } = {}) {
    const start = {};
    for (const name of ["a", "b"]) {
      const checked = validate(START[name], inputs[name].value);
      const ok = !checked.notice;
      if (!quiet) {
        inputs[name].setAttribute("aria-invalid", String(!ok));
        byId(`start-${name}-error`).textContent = ok ? "" : `Enter a number from ${START[name].min} to ${START[name].max}.`;
      }
      if (!ok) return null;
      start[name] = checked.value;
    }
    return start;
  }

  function setReplay(i) {
    if (!run) return;
    replay = Math.min(run.as.length - 1, Math.max(0, i));
    replaySlider.value = String(replay);
    const text = `Step ${replay} of ${run.as.length - 1}: a = ${fixed(run.as[replay])}, b = ${fixed(run.bs[replay])}, `
      + `loss = ${fixed(run.losses[replay], 4)}, slope = (${fixed(run.slopes_a[replay])}, ${fixed(run.slopes_b[replay])}), `
      + `${Math.round(run.accuracies[replay] * 100)} % of points right.`;
    byId("descent-status").textContent = text;
    canvas.setAttribute("aria-label", `Heat map of the network's loss with a run of ${run.optimizer}. ${text}`);
    state.replay = replay;
    writeHash(state);
    render();
    showDecision([run.as[replay], run.bs[replay]], `At step ${replay}`);
  }

  function forgetRun() {
    player.stop();
    run = null;
    state.replay = null;
    replaySlider.disabled = true;
    playButton.disabled = true;
    byId("descent-export-gif").disabled = true;
  }

  async function train() {
    const start = readStart();
    const settings = settingsForm.read();
    if (start === null || settings === null || !slice) {
      outcomeText.dataset.kind = "error";
      outcomeText.textContent = slice ? "Fix the highlighted field first." : "The loss map is still loading.";
      return;
    }
    Object.assign(state, { a: start.a, b: start.b, settings });
    writeHash(state);
    const ticket = ++runTicket;
    outcomeText.dataset.kind = "busy";
    outcomeText.textContent = "Training…";
    try {
      const result = await python.call("descend", {
        optimizer: state.descent, start: [start.a, start.b], settings });
      if (ticket !== runTicket) return; // a newer run was started meanwhile: the latest wins
      player.stop();
      run = { ...result, optimizer: state.descent };
      replaySlider.max = String(run.as.length - 1);
      replaySlider.disabled = false;
      playButton.disabled = false;
      byId("descent-export-gif").disabled = false;
      outcomeText.dataset.kind = run.outcome.kind;
      outcomeText.textContent = run.outcome.label;
      setReplay(pendingReplay ?? run.as.length - 1);
      pendingReplay = null;
    } catch (error) {
      if (ticket !== runTicket) return;
      outcomeText.dataset.kind = "error";
      outcomeText.textContent = `${error.name}: ${error.message}${error.details?.hint ? ` ${error.details.hint}` : ""}`;
    }
    render.now();
  }

  function showPointer(point) {
    pointer = point;
    byId("slice-pointer").value = point === null || !slice
      ? "Point at the map to read a, b and the loss; click to start there."
      : `a = ${fixed(point.a, 2)}, b = ${fixed(point.b, 2)}, loss ≈ ${fixed(lossNear(point.a, point.b), 3)}`;
    render();
  }

  select.addEventListener("change", () => {
    state.descent = select.value;
    state.settings = {};
    forgetRun();
    showOptimizer();
    render();
  });
  for (const name of ["a", "b"]) {
    inputs[name].addEventListener("input", () => {
      const start = readStart();
      if (start !== null) Object.assign(state, start);
      writeHash(state);
      render();
    });
  }
  runButton.addEventListener("click", train);
  byId("descent-export-png").addEventListener("click", () => downloadCanvas(canvas, "network-loss-slice.png"));
  byId("descent-export-gif").addEventListener("click", () => {
    if (!run) return;
    const shown = run;
    const span = slice.span;
    exportReplayGif({
      button: byId("descent-export-gif"), canvas, frameCount: shown.as.length,
      background: plotTheme(canvas).markerOutline, fileName: `${shown.optimizer}-network-replay.gif`,
      drawFrame: (ctx, width, height, i) => drawSliceScene(ctx, createView(width, height, [-span, span], [-span, span]),
        plotTheme(canvas), { slice, image, run: shown, replay: i, start: null, pointer: null }),
    }).catch((error) => notify(`The GIF could not be made: ${error.message}`));
  });
  attachPointer(canvas, {
    view: currentView,
    dimensions: 2,
    onMove: (point) => showPointer(point && { a: point.x, b: point.y }),
    onClick: (point) => startAt({ a: point.x, b: point.y }),
  });

  /** Starts a run from a point picked on the map. */
  function startAt(point) {
    inputs.a.value = String(Math.round(point.a * 100) / 100);
    inputs.b.value = String(Math.round(point.b * 100) / 100);
    inputs.a.dispatchEvent(new Event("input"));
    if (!runButton.disabled) train();
  }
  new ResizeObserver(render).observe(canvas);
  new ResizeObserver(renderDecision).observe(decisionCanvas);

  /** Before any run: what the trained network answers. */
  function showTrained() {
    if (!run) showDecision([0, 0], "The trained network");
  }

  return {
    /** The optimizers changed (a learner applied an edit to training.py): rebuild the picker. */
    setCatalog(next) {
      optimizers = next.network_optimizers;
      forgetRun();
      showOptimizer();
      render();
    },
    show() {
      inputs.a.value = String(state.a);
      inputs.b.value = String(state.b);
      pendingReplay = state.replay;
      showOptimizer();
      render();
      loadSliceData().then((data) => {
        if (slice) return;
        slice = data;
        showSlice();
        showTrained();
        if (pendingReplay !== null && python.isReady()) train();
      }, (error) => notify(error.message));
    },
    pythonStatus(status) {
      runButton.disabled = status.state !== "ready";
      byId("descent-hint").hidden = status.state === "ready";
      byId("descent-hint").textContent = status.state === "failed"
        ? "Python could not start, so training is not possible. See the message at the top."
        : "Python is loading; the button wakes up when it is ready.";
    },
    async pythonReady() {
      if (byId("page-loss-landscape").hidden || !slice) return;
      showTrained();
      if (pendingReplay !== null) await train();
    },
  };
}
