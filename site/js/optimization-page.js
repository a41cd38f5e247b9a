// The Optimization Visualizer page: the bumpy landscape, an optimizer with its
// settings, a run, and a replay slider that walks through the run step by step.
import * as python from "./python-client.js";
import { fitCanvas, frameScheduler, plotTheme } from "./canvas.js";
import { createView, drawAxes, drawCurve, drawMarker, drawPath, yRangeOf } from "./plot.js";
import { fixed } from "./format.js";
import { PROPERTIES, validate, writeHash } from "./state.js";
import { attachPointerReadout } from "./pointer.js";
import { createSettingsForm } from "./settings-form.js";
import { markOnce, measureSince } from "./marks.js";

const START = PROPERTIES.find((property) => property.name === "start");

/** Builds the page's controls and returns {show(), pythonReady()} for the router. */
export function createOptimizationPage({ state, data, notify }) {
  const select = document.getElementById("optimizer-select");
  const startInput = document.getElementById("start-input");
  const startError = document.getElementById("start-error");
  const runButton = document.getElementById("run-button");
  const runHint = document.getElementById("run-hint");
  const replaySlider = document.getElementById("replay-slider");
  const replayStatus = document.getElementById("replay-status");
  const outcomeText = document.getElementById("run-outcome");
  const canvas = document.getElementById("optimization-plot");
  const pointer = document.getElementById("optimization-pointer");
  let catalog = data.catalog;
  let landscape = data.landscape;
  let yRange = yRangeOf(landscape.ys);
  let run = null;
  let replay = 0;
  let pointerX = null;
  let runTicket = 0;

  const render = frameScheduler(draw);
  const settingsForm = createSettingsForm(document.getElementById("optimizer-settings"), {
    onChange(settings) {
      state.settings = settings;
      writeHash(state);
    },
  });

  function chosenOptimizer() {
    return catalog.optimizers.find(({ name }) => name === state.optimizer) ?? catalog.optimizers[0];
  }

  function showOptimizer() {
    select.replaceChildren(...catalog.optimizers.map(({ name }) => new Option(name, name)));
    const optimizer = chosenOptimizer();
    state.optimizer = optimizer.name;
    select.value = optimizer.name;
    document.getElementById("optimizer-doc").textContent = optimizer.doc.split("\n\n")[0];
    document.getElementById("optimizer-source").textContent = optimizer.source;
    for (const lesson of document.querySelectorAll("[data-lesson]")) {
      lesson.classList.toggle("current", lesson.dataset.lesson === optimizer.name);
    }
    state.settings = settingsForm.build(optimizer.controls, state.settings);
    writeHash(state);
  }

  function showPeaks() {
    const describe = (peak) => `x = ${fixed(peak.x, 3)}, f(x) = ${fixed(peak.y, 3)}`;
    document.getElementById("global-max-text").textContent = `Global max: ${describe(landscape.global_max)}`;
    document.getElementById("local-max-text").textContent = landscape.local_max
      ? `Local max: ${describe(landscape.local_max)}` : "No local max";
  }

  function draw() {
    const started = performance.now();
    const { ctx, width, height } = fitCanvas(canvas);
    const theme = plotTheme(canvas);
    const view = createView(width, height, [landscape.xs[0], landscape.xs.at(-1)], yRange);
    drawAxes(ctx, view, theme);
    drawCurve(ctx, view, landscape.xs, landscape.ys, { color: theme.curve });
    markOnce("first-plot");
    const outline = theme.markerOutline;
    drawMarker(ctx, view, landscape.global_max, { color: theme.global, label: "Global max", radius: 7, outline });
    if (landscape.local_max) {
      drawMarker(ctx, view, landscape.local_max, { color: theme.local, label: "Local max", radius: 7, outline });
    }
    if (run) {
      drawPath(ctx, view, run.xs, run.ys, replay, { color: theme.path });
      const best = { x: run.best_xs[replay], y: run.best_ys[replay] };
      if (best.y !== null) drawMarker(ctx, view, best, { color: theme.best, radius: 8, outline: theme.current });
      if (run.ys[replay] !== null) {
        drawMarker(ctx, view, { x: run.xs[replay], y: run.ys[replay] }, { color: theme.current, radius: 5, outline });
      }
    } else if (pointerX === null) {
      const start = Number(startInput.value);
      if (Number.isFinite(start)) {
        drawMarker(ctx, view, { x: start, y: landscapeAt(start) }, { color: theme.current, label: "Start", radius: 5, outline });
      }
    }
    if (pointerX !== null) {
      drawMarker(ctx, view, { x: pointerX, y: landscapeAt(pointerX) }, { color: theme.muted, radius: 4, outline });
    }
    measureSince(run ? "draw-run" : "draw-landscape", started);
  }

  function landscapeAt(x) {
    const xs = landscape.xs;
    const index = Math.round(((x - xs[0]) / (xs.at(-1) - xs[0])) * (xs.length - 1));
    return landscape.ys[Math.min(xs.length - 1, Math.max(0, index))];
  }

  function showReplay() {
    if (!run) return;
    const i = replay;
    replayStatus.textContent = `Iteration ${i} of ${run.xs.length - 1}: x = ${fixed(run.xs[i])}, `
      + `f(x) = ${fixed(run.ys[i])}, slope = ${fixed(run.slopes[i])}. `
      + `Best so far: f(x) = ${fixed(run.best_ys[i])} at x = ${fixed(run.best_xs[i])}.`;
    canvas.setAttribute("aria-label", `The bumpy landscape with a run of ${run.optimizer}, `
      + `shown at iteration ${i}, at x = ${fixed(run.xs[i])}`);
  }

  function readStart() {
    const raw = startInput.value;
    const checked = validate(START, raw);
    const ok = !checked.notice;
    startInput.setAttribute("aria-invalid", String(!ok));
    startError.textContent = ok ? "" : `Enter a number from ${START.min} to ${START.max}.`;
    return ok ? checked.value : null;
  }

  async function runOptimization() {
    const start = readStart();
    const settings = settingsForm.read();
    if (start === null || settings === null) {
      outcomeText.dataset.kind = "error";
      outcomeText.textContent = "Fix the highlighted field first.";
      return;
    }
    state.start = start;
    state.settings = settings;
    writeHash(state);
    const ticket = ++runTicket;
    try {
      const result = await python.call("run", { optimizer: state.optimizer, start, ...settings });
      if (ticket !== runTicket) return; // a newer run was started meanwhile: the latest wins
      run = { ...result, optimizer: state.optimizer };
      replaySlider.max = String(run.xs.length - 1);
      replaySlider.disabled = false;
      replay = run.xs.length - 1;
      replaySlider.value = String(replay);
      outcomeText.dataset.kind = run.outcome.kind;
      outcomeText.textContent = run.outcome.label;
      showReplay();
    } catch (error) {
      if (ticket !== runTicket) return;
      outcomeText.dataset.kind = "error";
      outcomeText.textContent = `${error.name}: ${error.message}${error.details?.hint ? ` ${error.details.hint}` : ""}`;
    }
    render();
  }

  select.addEventListener("change", () => {
    state.optimizer = select.value;
    state.settings = {};
    showOptimizer();
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
  replaySlider.addEventListener("input", () => {
    replay = Number(replaySlider.value);
    showReplay();
    render();
  });
  attachPointerReadout(canvas, {
    view: () => createView(canvas.clientWidth, canvas.clientHeight, [landscape.xs[0], landscape.xs.at(-1)], yRange),
    onMove(x) {
      pointerX = x;
      pointer.value = x === null ? "Point at the plot to read x and f(x); click to start there."
        : `x = ${fixed(x, 2)}, f(x) = ${fixed(landscapeAt(x), 3)}`;
      render();
    },
    onClick(x) {
      startInput.value = String(Math.round(x * 10) / 10);
      startInput.dispatchEvent(new Event("input"));
    },
  });
  new ResizeObserver(render).observe(canvas);

  function setPythonReady(ready) {
    runButton.disabled = !ready;
    runHint.hidden = ready;
  }

  return {
    show() {
      startInput.value = String(state.start);
      showOptimizer();
      showPeaks();
      render();
    },
    pythonStatus(status) {
      setPythonReady(status.state === "ready");
      if (status.state === "failed") runHint.textContent = "Python could not start, so runs are not possible. See the message at the top.";
      else runHint.textContent = "Python is loading; the button wakes up when it is ready.";
    },
    async pythonReady() {
      try {
        [catalog, landscape] = await Promise.all([python.call("catalog"), python.call("landscape")]);
        yRange = yRangeOf(landscape.ys);
        showOptimizer();
        showPeaks();
        render();
      } catch (error) {
        notify(error.message);
      }
    },
  };
}
