// Canvas sizing: the backing store is round(cssSize * devicePixelRatio), so
// lines stay sharp on high-density screens.

/** Resizes the canvas to its CSS box and returns a context scaled to CSS pixels. */
export function fitCanvas(canvas) {
  const ratio = window.devicePixelRatio || 1;
  const { width, height } = canvas.getBoundingClientRect();
  const backingWidth = Math.max(1, Math.round(width * ratio));
  const backingHeight = Math.max(1, Math.round(height * ratio));
  if (canvas.width !== backingWidth || canvas.height !== backingHeight) {
    canvas.width = backingWidth;
    canvas.height = backingHeight;
  }
  const ctx = canvas.getContext("2d");
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return { ctx, width, height };
}

let cachedTheme = null;
const themeWatchers = new Set();
// Read once, not on every frame; read again when the system switches light/dark.
matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => {
  cachedTheme = null;
  for (const redraw of themeWatchers) redraw();
});

/** Calls redraw() whenever the system switches between light and dark; plotTheme() then has the new colours. */
export function onThemeChange(redraw) {
  themeWatchers.add(redraw);
}

/** Colours of the plot, read from the page's CSS so the dark theme applies. */
export function plotTheme(element) {
  cachedTheme ??= readTheme(element);
  return cachedTheme;
}

function readTheme(element) {
  const style = getComputedStyle(element);
  const read = (name) => style.getPropertyValue(name).trim();
  return {
    curve: read("--plot-curve"), grid: read("--plot-grid"), axis: read("--plot-axis"),
    muted: read("--muted"), path: read("--plot-path"), current: read("--plot-current"),
    best: read("--plot-best"), global: read("--plot-global"), local: read("--plot-local"),
    markerOutline: read("--surface"), localLabel: read("--warning-text"),
    compare: [read("--compare-1"), read("--compare-2"), read("--compare-3")],
    endings: { global: read("--plot-global"), local: read("--plot-local"), oscillating: read("--end-oscillating"),
      diverged: read("--end-diverged"), neither: read("--end-neither") },
    slice: { path: read("--slice-path"), halo: read("--slice-halo"), current: read("--slice-current"),
      local: read("--slice-local"), contour: read("--slice-contour") },
    decision: { upper: read("--decision-upper"), lower: read("--decision-lower"), wrong: read("--decision-wrong") },
  };
}

/**
 * Calls draw() once in the next animation frame, however often it is scheduled, and when the
 * system switches between light and dark. schedule.now() draws at once instead (an answer the
 * learner is waiting for goes onto the canvas as soon as it arrives) and drops the frame queued.
 */
export function frameScheduler(draw) {
  let frame = null;
  const schedule = () => {
    frame ??= requestAnimationFrame(() => {
      frame = null;
      draw();
    });
  };
  onThemeChange(schedule);
  schedule.now = () => {
    if (frame !== null) cancelAnimationFrame(frame);
    frame = null;
    draw();
  };
  return schedule;
}
