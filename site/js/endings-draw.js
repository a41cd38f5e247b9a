// Drawing of "Where do I end up?": the strip of starting points under the landscape
// and the learning-rate map, each with labelled axes, the keyboard's cell cursor and
// a marker at the run on screen. Pure functions of (context, data, layout, theme).
import { fillCells, niceTicks } from "./plot.js";

const FONT = "12px system-ui, sans-serif";
const STRIP_CELLS_HEIGHT = 24;
const MAP_MARGIN = { left: 62, top: 8, right: 12, bottom: 40 };
const DECADES = [0.001, 0.01, 0.1, 1];

/** The strip's cells: aligned with the plot's x-axis (view), tick labels below. */
export function stripArea(view) {
  return { left: view.left, top: 0, right: view.right, bottom: STRIP_CELLS_HEIGHT };
}

/** The map's cells inside its canvas, leaving room for the axes. */
export function mapArea(width, height) {
  return { left: MAP_MARGIN.left, top: MAP_MARGIN.top, right: width - MAP_MARGIN.right,
    bottom: height - MAP_MARGIN.bottom };
}

/** The pixel x of a start inside an area whose columns are `starts` (cell centres). */
function startPx(area, starts, start) {
  const step = (starts.at(-1) - starts[0]) / (starts.length - 1);
  const width = (area.right - area.left) / starts.length;
  return area.left + ((start - starts[0]) / step + 0.5) * width;
}

/** The pixel y of a step size inside the map's area (rows: step sizes on a log scale, centres). */
function stepPy(area, stepSizes, stepSize) {
  const low = Math.log10(stepSizes[0]);
  const per = (Math.log10(stepSizes.at(-1)) - low) / (stepSizes.length - 1);
  const height = (area.bottom - area.top) / stepSizes.length;
  return area.bottom - ((Math.log10(stepSize) - low) / per + 0.5) * height;
}

/** The strip: one cell per start, start ticks below, the cursor and the current run's start. */
export function drawStrip(ctx, view, sweep, theme, { cursor, current }) {
  const area = stripArea(view);
  fillCells(ctx, area, 1, sweep.starts.length, (row, column) => theme.endings[sweep.endings[column]]);
  ctx.save();
  ctx.font = FONT;
  ctx.fillStyle = theme.muted;
  ctx.textBaseline = "top";
  ctx.textAlign = "center";
  for (const x of niceTicks(sweep.starts[0], sweep.starts.at(-1), Math.max(3, Math.floor((area.right - area.left) / 70)))) {
    ctx.fillText(String(x), startPx(area, sweep.starts, x), area.bottom + 4);
  }
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  ctx.fillText("start x", area.left - 6, area.bottom / 2);
  ctx.restore();
  if (current !== null) drawStartMark(ctx, startPx(area, sweep.starts, current), area, theme);
  if (cursor) drawCursor(ctx, area, 1, sweep.starts.length, cursor, theme);
}

/** The map: rows of step sizes (log scale, 0.001 at the bottom), columns of starts, both axes labelled. */
export function drawMap(ctx, width, height, map, theme, { cursor, current }) {
  const area = mapArea(width, height);
  const rows = map.step_sizes.length;
  const columns = map.starts.length;
  fillCells(ctx, area, rows, columns, (row, column) => theme.endings[map.endings[row][column]]);
  ctx.save();
  ctx.font = FONT;
  ctx.fillStyle = theme.muted;
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  for (const stepSize of DECADES) ctx.fillText(String(stepSize), area.left - 6, stepPy(area, map.step_sizes, stepSize));
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  for (const x of niceTicks(map.starts[0], map.starts.at(-1), Math.max(3, Math.floor((area.right - area.left) / 70)))) {
    ctx.fillText(String(x), startPx(area, map.starts, x), area.bottom + 4);
  }
  ctx.fillText("starting point x", (area.left + area.right) / 2, area.bottom + 22);
  ctx.translate(12, (area.top + area.bottom) / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.fillText("step size (log scale)", 0, -6);
  ctx.restore();
  if (current) {
    const px = startPx(area, map.starts, current.start);
    const py = stepPy(area, map.step_sizes, current.stepSize);
    ctx.save();
    ctx.beginPath();
    ctx.arc(px, py, 7, 0, Math.PI * 2);
    ctx.lineWidth = 3;
    ctx.strokeStyle = theme.markerOutline;
    ctx.stroke();
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = theme.current;
    ctx.stroke();
    ctx.restore();
  }
  if (cursor) drawCursor(ctx, area, rows, columns, cursor, theme);
}

/** A triangle over the strip and a line through it at the start of the run on screen. */
function drawStartMark(ctx, px, area, theme) {
  ctx.save();
  ctx.strokeStyle = theme.markerOutline;
  ctx.lineWidth = 4;
  ctx.beginPath();
  ctx.moveTo(px, area.top);
  ctx.lineTo(px, area.bottom);
  ctx.stroke();
  ctx.strokeStyle = theme.current;
  ctx.lineWidth = 2;
  ctx.stroke();
  ctx.restore();
}

/** The keyboard's cell: a frame in the page's text colour, rimmed by its surface. */
function drawCursor(ctx, area, rows, columns, { row, column }, theme) {
  const width = (area.right - area.left) / columns;
  const height = (area.bottom - area.top) / rows;
  const x = area.left + column * width;
  const y = area.bottom - (row + 1) * height;
  ctx.save();
  ctx.lineWidth = 4;
  ctx.strokeStyle = theme.markerOutline;
  ctx.strokeRect(x - 1, y - 1, Math.max(3, width) + 2, height + 2);
  ctx.lineWidth = 2;
  ctx.strokeStyle = theme.current;
  ctx.strokeRect(x - 1, y - 1, Math.max(3, width) + 2, height + 2);
  ctx.restore();
}
