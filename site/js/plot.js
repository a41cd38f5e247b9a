// Pure drawing functions: each takes a 2-D context, the data and a view, and
// draws. They keep no state, so a frame is redrawn from scratch every time.

const PADDING = { left: 48, right: 14, top: 14, bottom: 30 };

/** A view maps data coordinates to CSS pixels inside a width x height canvas. */
export function createView(width, height, [xMin, xMax], [yMin, yMax]) {
  const left = PADDING.left;
  const right = Math.max(left + 1, width - PADDING.right);
  const top = PADDING.top;
  const bottom = Math.max(top + 1, height - PADDING.bottom);
  return {
    width, height, left, right, top, bottom, xMin, xMax, yMin, yMax,
    px: (x) => left + ((x - xMin) / (xMax - xMin)) * (right - left),
    py: (y) => bottom - ((y - yMin) / (yMax - yMin)) * (bottom - top),
    xAt: (px) => xMin + ((px - left) / (right - left)) * (xMax - xMin),
    yAt: (py) => yMin + ((bottom - py) / (bottom - top)) * (yMax - yMin),
  };
}

/** The index of the sample nearest to x in evenly spaced samples xs, kept within the samples. */
export function nearestIndex(xs, x) {
  const index = Math.round(((x - xs[0]) / (xs.at(-1) - xs[0])) * (xs.length - 1));
  return Math.min(xs.length - 1, Math.max(0, index));
}

/** A y-range that shows every defined value with a margin, or [-1, 1] when there is none. */
export function yRangeOf(ys, margin = 0.08) {
  let min = Infinity;
  let max = -Infinity;
  for (const y of ys) {
    if (y === null || !Number.isFinite(y)) continue;
    if (y < min) min = y;
    if (y > max) max = y;
  }
  if (min === Infinity) return [-1, 1];
  if (max - min < 1e-9) return [min - 1, max + 1];
  const pad = (max - min) * margin;
  return [min - pad, max + pad];
}

/** About `count` round numbers between min and max, for axis ticks. */
export function niceTicks(min, max, count = 6) {
  const raw = (max - min) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const ticks = [];
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) {
    ticks.push(Math.abs(t) < step * 1e-9 ? 0 : t);
  }
  return ticks;
}

/** Grid (unless grid is false), axes through zero where visible, and tick labels. */
export function drawAxes(ctx, view, theme, { grid = true } = {}) {
  ctx.save();
  ctx.font = "12px system-ui, sans-serif";
  ctx.lineWidth = 1;
  ctx.strokeStyle = theme.grid;
  ctx.fillStyle = theme.muted;
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  for (const x of niceTicks(view.xMin, view.xMax, Math.max(3, Math.floor((view.right - view.left) / 70)))) {
    const px = Math.round(view.px(x)) + 0.5;
    if (grid) line(ctx, px, view.top, px, view.bottom);
    ctx.fillText(formatTick(x), px, view.bottom + 6);
  }
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  for (const y of niceTicks(view.yMin, view.yMax, Math.max(3, Math.floor((view.bottom - view.top) / 50)))) {
    const py = Math.round(view.py(y)) + 0.5;
    if (grid) line(ctx, view.left, py, view.right, py);
    ctx.fillText(formatTick(y), view.left - 6, py);
  }
  ctx.strokeStyle = theme.axis;
  if (view.yMin <= 0 && view.yMax >= 0) line(ctx, view.left, view.py(0), view.right, view.py(0));
  if (view.xMin <= 0 && view.xMax >= 0) line(ctx, view.px(0), view.top, view.px(0), view.bottom);
  ctx.restore();
}

function formatTick(value) {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
}

function line(ctx, x1, y1, x2, y2) {
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  ctx.lineTo(x2, y2);
  ctx.stroke();
}

/** Restricts drawing to the plot area, inside the axes, until the next ctx.restore(). */
export function clipToPlot(ctx, view) {
  ctx.beginPath();
  ctx.rect(view.left, view.top, view.right - view.left, view.bottom - view.top);
  ctx.clip();
}

/** Adds the line through points 0..upto of the columns xs, ys to the path; a null value leaves a gap. */
export function tracePolyline(ctx, view, xs, ys, upto = xs.length - 1) {
  let drawing = false;
  for (let i = 0; i <= upto && i < xs.length; i++) {
    if (!Number.isFinite(xs[i]) || !Number.isFinite(ys[i])) {
      drawing = false;
      continue;
    }
    const px = view.px(xs[i]);
    const py = view.py(ys[i]);
    if (drawing) ctx.lineTo(px, py);
    else ctx.moveTo(px, py);
    drawing = true;
  }
}

/** Starts a new path holding one circle of `radius` CSS pixels around (px, py). */
export function traceCircle(ctx, px, py, radius) {
  ctx.beginPath();
  ctx.arc(px, py, radius, 0, Math.PI * 2);
}

/** A curve through (xs, ys); a null y (undefined there) leaves a gap. */
export function drawCurve(ctx, view, xs, ys, { color, width = 2 }) {
  ctx.save();
  clipToPlot(ctx, view);
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.lineJoin = "round";
  ctx.beginPath();
  tracePolyline(ctx, view, xs, ys);
  ctx.stroke();
  ctx.restore();
}

/**
 * A round marker with a text label; points outside the view get an arrow at the edge.
 * The label is drawn in labelColor (the marker's colour unless given), on a rim of labelHalo if given;
 * labelOnly draws the label alone, to put it back above what was drawn since.
 */
export function drawMarker(ctx, view, { x, y }, {
  color, label = "", radius = 6, outline = null, outlineWidth = 2, labelColor = color, labelHalo = null, labelOnly = false,
}) {
  const px = view.px(x);
  const py = view.py(y);
  const inside = px >= view.left && px <= view.right && py >= view.top && py <= view.bottom;
  ctx.save();
  if (!inside) {
    drawOffscreenArrow(ctx, view, px, py, color);
    ctx.restore();
    return;
  }
  if (!labelOnly) {
    traceCircle(ctx, px, py, radius);
    ctx.fillStyle = color;
    ctx.fill();
    if (outline) {
      ctx.strokeStyle = outline;
      ctx.lineWidth = outlineWidth;
      ctx.stroke();
    }
  }
  if (label) {
    ctx.font = "600 12px system-ui, sans-serif";
    ctx.textBaseline = "bottom";
    const textWidth = ctx.measureText(label).width;
    const tx = Math.min(Math.max(px - textWidth / 2, view.left), view.right - textWidth);
    const ty = Math.max(py - radius - 4, view.top + 12);
    if (labelHalo) {
      // A rim keeps the label readable on whatever lies underneath (a curve, the heat map).
      ctx.strokeStyle = labelHalo;
      ctx.lineWidth = 3;
      ctx.lineJoin = "round";
      ctx.strokeText(label, tx, ty);
    }
    ctx.fillStyle = labelColor;
    ctx.fillText(label, tx, ty);
  }
  ctx.restore();
}

function drawOffscreenArrow(ctx, view, px, py, color) {
  const cx = Math.min(Math.max(px, view.left + 8), view.right - 8);
  const cy = Math.min(Math.max(py, view.top + 8), view.bottom - 8);
  const angle = Math.atan2(py - cy, px - cx);
  ctx.fillStyle = color;
  fillArrowHead(ctx, cx + 8 * Math.cos(angle), cy + 8 * Math.sin(angle), angle, 14, 6);
}

// A filled triangle with its tip at (x, y), pointing along `angle`.
function fillArrowHead(ctx, x, y, angle, length, halfWidth) {
  ctx.save();
  ctx.translate(x, y);
  ctx.rotate(angle);
  ctx.beginPath();
  ctx.moveTo(0, 0);
  ctx.lineTo(-length, -halfWidth);
  ctx.lineTo(-length, halfWidth);
  ctx.closePath();
  ctx.fill();
  ctx.restore();
}

/**
 * The visited points of a run up to `upto`, joined by a line: by default thin and faint, with
 * older points fainter. A halo colour draws a wider line beneath, for busy backgrounds.
 */
export function drawPath(ctx, view, xs, ys, upto, {
  color, width = 1.25, alpha = 0.55, dotRadius = 3, fade = true, halo = null,
}) {
  ctx.save();
  clipToPlot(ctx, view);
  ctx.globalAlpha = alpha;
  ctx.lineJoin = "round";
  ctx.beginPath();
  tracePolyline(ctx, view, xs, ys, upto);
  for (const [stroke, lineWidth] of halo ? [[halo, width + 2], [color, width]] : [[color, width]]) {
    ctx.strokeStyle = stroke;
    ctx.lineWidth = lineWidth;
    ctx.stroke();
  }
  ctx.fillStyle = color;
  for (let i = 0; i <= upto && i < xs.length; i++) {
    if (!Number.isFinite(ys[i])) continue;
    ctx.globalAlpha = fade ? 0.25 + 0.6 * (i / Math.max(1, upto)) : 1;
    traceCircle(ctx, view.px(xs[i]), view.py(ys[i]), dotRadius);
    ctx.fill();
  }
  ctx.restore();
}

/** The tangent line at a point: a short segment with the curve's slope there, labelled. */
export function drawTangent(ctx, view, { x, y }, slope, { color, reach = 2 }) {
  if (!Number.isFinite(slope) || y === null) return;
  ctx.save();
  clipToPlot(ctx, view);
  ctx.strokeStyle = color;
  ctx.lineWidth = 2;
  ctx.setLineDash([6, 4]);
  line(ctx, view.px(x - reach), view.py(y - slope * reach), view.px(x + reach), view.py(y + slope * reach));
  ctx.restore();
}

/** An arrow along the curve from one visited point to the next: the step just taken. */
export function drawStepArrow(ctx, view, from, to, { color }) {
  if (from.y === null || to.y === null) return;
  const x1 = view.px(from.x);
  const y1 = view.py(from.y);
  const x2 = view.px(to.x);
  const y2 = view.py(to.y);
  if (Math.hypot(x2 - x1, y2 - y1) < 4) return;
  const angle = Math.atan2(y2 - y1, x2 - x1);
  ctx.save();
  clipToPlot(ctx, view);
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 2;
  line(ctx, x1, y1, x2 - 8 * Math.cos(angle), y2 - 8 * Math.sin(angle));
  fillArrowHead(ctx, x2, y2, angle, 10, 5);
  ctx.restore();
}

/** Draws an image stretched over the data rectangle [x0, x1] x [y0, y1], smoothed, within the plot. */
export function drawImageOver(ctx, view, image, [x0, x1], [y0, y1]) {
  ctx.save();
  clipToPlot(ctx, view);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(image, view.px(x0), view.py(y1), view.px(x1) - view.px(x0), view.py(y0) - view.py(y1));
  ctx.restore();
}

/**
 * Fills a grid of rows x columns cells over the pixel rectangle {left, top, right, bottom}, row 0
 * at the bottom: cell (row, column) in colourAt(row, column), at opacity alphaAt(row, column).
 */
export function fillCells(ctx, { left, top, right, bottom }, rows, columns, colourAt, alphaAt = () => 1) {
  const width = (right - left) / columns;
  const height = (bottom - top) / rows;
  ctx.save();
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      ctx.fillStyle = colourAt(row, column);
      ctx.globalAlpha = alphaAt(row, column);
      // Rounded up, so that neighbouring cells overlap by a fraction of a pixel instead of leaving a seam.
      ctx.fillRect(left + column * width, bottom - (row + 1) * height, Math.ceil(width), Math.ceil(height));
    }
  }
  ctx.restore();
}

/** The cell {row, column} of fillCells' grid under the pixel (px, py), or null outside the rectangle. */
export function cellAt({ left, top, right, bottom }, rows, columns, px, py) {
  if (px < left || px > right || py < top || py > bottom) return null;
  return {
    row: Math.min(rows - 1, Math.floor(((bottom - py) / (bottom - top)) * rows)),
    column: Math.min(columns - 1, Math.floor(((px - left) / (right - left)) * columns)),
  };
}
