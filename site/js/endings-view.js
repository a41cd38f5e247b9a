// "Where do I end up": the strip of starting points under the landscape, and the
// step size map of gradient ascent, each coloured by where the run ends.
import * as python from "./python-client.js";
import { fitCanvas, onThemeChange, plotTheme } from "./canvas.js";
import { cellAt, fillCells } from "./plot.js";
import { fixed } from "./format.js";

// The map is of gradient ascent: the optimizer whose step size is the learning rate.
const MAP_OPTIMIZER = "gradient_ascent";
const SWEEP_TIMEOUT_MS = 3000;
const MAP_TIMEOUT_MS = 10000;
const LABELS = { global: "global max", local: "local max", oscillating: "oscillating", diverged: "diverged",
  neither: "neither" };

/** Counts of each ending as "global max 76%, local max 23%, …". */
function summarize(endings) {
  const counts = {};
  for (const ending of endings) counts[ending] = (counts[ending] ?? 0) + 1;
  return Object.entries(counts).sort((a, b) => b[1] - a[1])
    .map(([ending, count]) => `${LABELS[ending]} ${Math.round((100 * count) / endings.length)}%`).join(", ");
}

/** Draws one coloured cell per starting point, aligned with the plot's x-axis (view). */
function drawStrip(ctx, view, height, sweep, theme) {
  fillCells(ctx, stripArea(view, height), 1, sweep.starts.length, (row, column) => theme.endings[sweep.endings[column]]);
}

function stripArea(view, height) {
  return { left: view.left, top: 0, right: view.right, bottom: height };
}

/** Draws the grid of step sizes (rows, largest at the top) by starting points (columns). */
function drawMap(ctx, width, height, map, theme) {
  fillCells(ctx, { left: 0, top: 0, right: width, bottom: height }, map.step_sizes.length, map.starts.length,
    (row, column) => theme.endings[map.endings[row][column]]);
}

/** Wires the strip and the map; onPick({optimizer, start, settings}) loads a run the learner clicked. */
export function createEndingsView({ currentView, optimizer, settings, onPick, notify }) {
  const strip = document.getElementById("sweep-strip");
  const summary = document.getElementById("sweep-summary");
  const mapCanvas = document.getElementById("step-size-map");
  let sweep = null;
  let map = null;
  const latestSweep = python.latest();

  async function computeSweep() {
    summary.textContent = "Running from every starting point…";
    try {
      const started = performance.now();
      const asked = { optimizer: optimizer(), settings: settings() };
      sweep = { ...(await latestSweep("sweep", asked, { timeoutMs: SWEEP_TIMEOUT_MS })), optimizer: asked.optimizer };
      performance.measure("sweep", { start: started, end: performance.now() });
      strip.hidden = false;
      const text = `${sweep.optimizer} from ${sweep.starts.length} starts: ${summarize(sweep.endings)}.`;
      summary.textContent = text;
      strip.setAttribute("aria-label", `Where each start ends. ${text}`);
      draw();
      performance.measure("sweep-drawn", { start: started, end: performance.now() });
    } catch (error) {
      if (!python.isSuperseded(error)) summary.textContent = `Could not compute the strip: ${error.message}`;
    }
  }

  async function computeMap() {
    const button = document.getElementById("map-button");
    button.disabled = true;
    button.textContent = "Computing…";
    try {
      map = await python.call("step_size_map", { optimizer: MAP_OPTIMIZER }, { timeoutMs: MAP_TIMEOUT_MS });
      mapCanvas.hidden = false;
      mapCanvas.setAttribute("aria-label", `Outcome map of gradient ascent, ${map.step_sizes.length} rates `
        + `by ${map.starts.length} starts: ${summarize(map.endings.flat())}.`);
      draw();
    } catch (error) {
      notify(`Could not compute the step size map: ${error.message}`);
    } finally {
      button.disabled = false;
      button.textContent = "Draw the step size map";
    }
  }

  function draw() {
    const theme = plotTheme(strip);
    if (sweep && !strip.hidden) {
      const { ctx, height } = fitCanvas(strip);
      const view = currentView();
      drawStrip(ctx, view, height, sweep, theme);
    }
    if (map && !mapCanvas.hidden) {
      const { ctx, width, height } = fitCanvas(mapCanvas);
      drawMap(ctx, width, height, map, theme);
    }
  }

  strip.addEventListener("click", (event) => {
    if (!sweep) return;
    const box = strip.getBoundingClientRect();
    const cell = cellAt(stripArea(currentView(), box.height), 1, sweep.starts.length,
      event.clientX - box.left, event.clientY - box.top);
    if (cell) onPick({ optimizer: sweep.optimizer, start: sweep.starts[cell.column] });
  });
  mapCanvas.addEventListener("click", (event) => {
    if (!map) return;
    const box = mapCanvas.getBoundingClientRect();
    const cell = cellAt({ left: 0, top: 0, right: box.width, bottom: box.height }, map.step_sizes.length,
      map.starts.length, event.clientX - box.left, event.clientY - box.top);
    if (!cell) return;
    const { row, column } = cell;
    const stepSize = Number(fixed(map.step_sizes[row], 3));
    onPick({ optimizer: MAP_OPTIMIZER, start: map.starts[column], settings: { step_size: Math.max(0.001, stepSize) } });
  });
  document.getElementById("sweep-button").addEventListener("click", computeSweep);
  document.getElementById("map-button").addEventListener("click", computeMap);
  python.onStatus(({ state }) => {
    document.getElementById("sweep-button").disabled = state !== "ready";
    document.getElementById("map-button").disabled = state !== "ready";
  });
  new ResizeObserver(draw).observe(strip);
  new ResizeObserver(draw).observe(mapCanvas);
  onThemeChange(draw);

  return {
    /** The optimizer or its settings changed: the strip no longer matches them. */
    invalidate() {
      latestSweep.cancel();
      sweep = null;
      strip.hidden = true;
      summary.textContent = "";
    },
  };
}
