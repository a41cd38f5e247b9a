// "Where do I end up": the strip of starting points under the landscape, and the
// step size map of gradient ascent, each coloured by where the run ends. Both are
// read out under the pointer and the keyboard's cursor, and a cell loads its run.
import * as python from "./python-client.js";
import { fitCanvas, onThemeChange, plotTheme } from "./canvas.js";
import { drawMap, drawStrip, mapArea, stripArea } from "./endings-draw.js";
import { attachCellGrid } from "./cell-grid.js";
import { describeCanvas } from "./described.js";
import { settingsText } from "./run-words.js";

// The map is of gradient ascent: the optimizer whose step size is the learning rate.
const MAP_OPTIMIZER = "gradient_ascent";
const SWEEP_TIMEOUT_MS = 3000;
const MAP_TIMEOUT_MS = 10000;
const LABELS = { global: "global max", local: "local max", oscillating: "oscillating", diverged: "diverged",
  neither: "neither" };
const ENDS = { global: "ends on the global max", local: "ends on the local max", oscillating: "ends swinging back and forth",
  diverged: "diverges", neither: "ends on neither peak (still climbing, or elsewhere)" };

/** Counts of each ending as "global max 76%, local max 23%, …". */
function summarize(endings) {
  const counts = {};
  for (const ending of endings) counts[ending] = (counts[ending] ?? 0) + 1;
  return Object.entries(counts).sort((a, b) => b[1] - a[1])
    .map(([ending, count]) => `${LABELS[ending]} ${Math.round((100 * count) / endings.length)}%`).join(", ");
}

/** The cell nearest to a value in a grid of evenly spaced values (linear) or exponents (log). */
function nearest(values, value, log = false) {
  const at = (v) => (log ? Math.log10(v) : v);
  const index = Math.round(((at(value) - at(values[0])) / (at(values.at(-1)) - at(values[0]))) * (values.length - 1));
  return Math.min(values.length - 1, Math.max(0, index));
}

/**
 * Wires the strip and the map; onPick({optimizer, start, settings}) loads a run the learner chose,
 * currentRun() is the run on screen (its start is marked where it belongs).
 */
export function createEndingsView({ currentView, optimizer, settings, currentRun, onPick, notify }) {
  const strip = document.getElementById("sweep-strip");
  const summary = document.getElementById("sweep-summary");
  const mapCanvas = document.getElementById("step-size-map");
  let sweep = null;
  let map = null;
  const latestSweep = python.latest();

  const sameSettings = (a, b) => settingsText(a) === settingsText(b);
  const shownRun = () => currentRun();
  const stripCurrent = () => {
    const run = shownRun();
    return run && sweep && run.optimizer === sweep.optimizer && sameSettings(run.settings, sweep.settings) ? run.start : null;
  };
  const mapCurrent = () => {
    const run = shownRun();
    return run && run.optimizer === MAP_OPTIMIZER ? { start: run.start, stepSize: run.settings.step_size } : null;
  };

  const stripGrid = attachCellGrid(strip, {
    grid: () => (sweep ? { area: stripArea(currentView()), rows: 1, columns: sweep.starts.length } : null),
    describe: ({ column }) => `Start x = ${sweep.starts[column]}: ${sweep.optimizer} ${ENDS[sweep.endings[column]]}. `
      + "Enter loads this run.",
    onPick: ({ column }) => onPick({ optimizer: sweep.optimizer, start: sweep.starts[column] }),
    redraw: draw,
    hint: "Point at the strip, or focus it and use the arrow keys, to read where a start ends.",
    start: () => ({ row: 0, column: nearest(sweep.starts, stripCurrent() ?? 0) }),
  });
  const mapGrid = attachCellGrid(mapCanvas, {
    grid: () => (map ? { area: mapArea(mapCanvas.clientWidth, mapCanvas.clientHeight), rows: map.step_sizes.length,
      columns: map.starts.length } : null),
    describe: ({ row, column }) => `Start x = ${map.starts[column]}, step size ${map.step_sizes[row]}: `
      + `${MAP_OPTIMIZER} ${ENDS[map.endings[row][column]]}. Enter loads this run.`,
    onPick: ({ row, column }) => onPick({ optimizer: MAP_OPTIMIZER, start: map.starts[column],
      settings: { step_size: map.step_sizes[row] } }),
    redraw: draw,
    hint: "Point at the map, or focus it and use the arrow keys, to read where a run ends.",
    start: () => {
      const current = mapCurrent();
      return current ? { row: nearest(map.step_sizes, current.stepSize, true), column: nearest(map.starts, current.start) }
        : { row: Math.floor(map.step_sizes.length / 2), column: Math.floor(map.starts.length / 2) };
    },
  });

  async function computeSweep() {
    summary.textContent = "Running from every starting point…";
    try {
      const started = performance.now();
      const asked = { optimizer: optimizer(), settings: settings() };
      sweep = { ...(await latestSweep("sweep", asked, { timeoutMs: SWEEP_TIMEOUT_MS })), ...asked };
      performance.measure("sweep", { start: started, end: performance.now() });
      strip.hidden = false;
      stripGrid.reset();
      const text = `${sweep.optimizer} from ${sweep.starts.length} starts: ${summarize(sweep.endings)}.`;
      summary.textContent = text;
      strip.setAttribute("aria-label", `Where each start ends. ${text}`);
      describeCanvas(strip, "Each thin cell is a starting point, from -20 at the left to 20 at the right, coloured "
        + "by where the run from there ends; the line marks the start of the run on screen.");
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
      mapGrid.reset();
      mapCanvas.setAttribute("aria-label", `Outcome map of gradient ascent, ${map.step_sizes.length} rates `
        + `by ${map.starts.length} starts: ${summarize(map.endings.flat())}.`);
      describeCanvas(mapCanvas, `Starting point x across, from ${map.starts[0]} to ${map.starts.at(-1)}; step size up, `
        + `from ${map.step_sizes[0]} at the bottom to ${map.step_sizes.at(-1)} at the top on a log scale. Each cell is `
        + "coloured by where that run ends; a ring marks the gradient_ascent run on screen.");
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
      const { ctx } = fitCanvas(strip);
      drawStrip(ctx, currentView(), sweep, theme, { cursor: stripGrid.cursor(), current: stripCurrent() });
    }
    if (map && !mapCanvas.hidden) {
      const { ctx, width, height } = fitCanvas(mapCanvas);
      drawMap(ctx, width, height, map, theme, { cursor: mapGrid.cursor(), current: mapCurrent() });
    }
  }

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
      stripGrid.reset();
      summary.textContent = "";
    },
    /** The run on screen changed: move its markers. */
    draw,
  };
}
