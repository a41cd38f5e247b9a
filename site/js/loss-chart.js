// The loss per step of a run, or of every racer, on a log scale, with a marker at the
// replayed step and a dashed line at the race's target.
import { clipToPlot, createView, niceTicks, traceCircle, tracePolyline } from "./plot.js";

// Heights this close to the chart's floor (or below it) are drawn at 10^LOG_FLOOR.
const LOG_FLOOR = -12;
// Room above the plot for the y axis' title, and below it for the x axis' title.
const TITLE_ROOM = 18;

/** log10(value − offset) of each value, never below LOG_FLOOR. */
export function logColumn(values, offset) {
  return values.map((value) => Math.max(LOG_FLOOR, Math.log10(Math.max(value - offset, 0))));
}

/** A power of ten as a tick label: 0.001, 1, 100, or 1e-6 and 1e+5 beyond. */
export function powerLabel(exponent) {
  return Math.abs(exponent) <= 3 ? String(Number((10 ** exponent).toPrecision(1))) : `1e${exponent > 0 ? "+" : ""}${exponent}`;
}

/**
 * Draws the chart: lines [{values, color}], heights shown as log10(value − offset), a marker at
 * step `replay`, a dashed line at `target` (or none), and the axes' titles yTitle and "step".
 */
export function drawLossChart(ctx, width, height, theme, { lines, offset, replay, target, yTitle }) {
  const logs = lines.map(({ values }) => logColumn(values, offset));
  const all = logs.flat();
  const low = Math.floor(Math.min(...all));
  const high = Math.max(low + 1, Math.ceil(Math.max(...all)));
  const steps = Math.max(1, ...lines.map(({ values }) => values.length - 1));
  ctx.save();
  ctx.translate(0, TITLE_ROOM);
  const view = createView(width, height - 2 * TITLE_ROOM, [0, steps], [low, high]);
  drawLogAxes(ctx, view, theme, yTitle);
  ctx.save();
  clipToPlot(ctx, view);
  if (target !== null && target > offset) {
    const py = view.py(Math.log10(target - offset));
    ctx.setLineDash([5, 4]);
    ctx.strokeStyle = theme.muted;
    ctx.beginPath();
    ctx.moveTo(view.left, py);
    ctx.lineTo(view.right, py);
    ctx.stroke();
    ctx.setLineDash([]);
  }
  lines.forEach(({ color }, i) => {
    ctx.beginPath();
    tracePolyline(ctx, view, logs[i].map((_, step) => step), logs[i]);
    ctx.strokeStyle = color;
    ctx.lineWidth = 2;
    ctx.stroke();
  });
  const px = view.px(replay);
  ctx.strokeStyle = theme.axis;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(px, view.top);
  ctx.lineTo(px, view.bottom);
  ctx.stroke();
  lines.forEach(({ color }, i) => {
    const step = Math.min(replay, logs[i].length - 1);
    traceCircle(ctx, view.px(step), view.py(logs[i][step]), 4);
    ctx.fillStyle = color;
    ctx.fill();
    ctx.strokeStyle = theme.markerOutline;
    ctx.stroke();
  });
  ctx.restore();
  ctx.restore();
}

function drawLogAxes(ctx, view, theme, yTitle) {
  ctx.font = "12px system-ui, sans-serif";
  ctx.strokeStyle = theme.grid;
  ctx.fillStyle = theme.muted;
  ctx.lineWidth = 1;
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  const every = Math.ceil((view.yMax - view.yMin) / Math.max(2, Math.floor((view.bottom - view.top) / 28)));
  for (let exponent = view.yMin; exponent <= view.yMax; exponent += every) {
    const py = Math.round(view.py(exponent)) + 0.5;
    gridLine(ctx, view.left, py, view.right, py);
    ctx.fillText(powerLabel(exponent), view.left - 6, py);
  }
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  for (const step of niceTicks(0, view.xMax, Math.max(3, Math.floor((view.right - view.left) / 70)))) {
    const px = Math.round(view.px(step)) + 0.5;
    gridLine(ctx, px, view.top, px, view.bottom);
    ctx.fillText(String(step), px, view.bottom + 6);
  }
  ctx.font = "600 12px system-ui, sans-serif";
  ctx.textAlign = "right";
  ctx.fillText("step", view.right, view.bottom + 22);
  ctx.textAlign = "left";
  ctx.textBaseline = "bottom";
  ctx.fillText(yTitle, 4, view.top - 4);
  ctx.strokeStyle = theme.axis;
  gridLine(ctx, view.left, view.top, view.left, view.bottom);
  gridLine(ctx, view.left, view.bottom, view.right, view.bottom);
}

function gridLine(ctx, x1, y1, x2, y2) {
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  ctx.lineTo(x2, y2);
  ctx.stroke();
}
