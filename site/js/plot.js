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

/** Grid, axes through zero where visible, and tick labels. */
export function drawAxes(ctx, view, theme) {
  ctx.save();
  ctx.font = "12px system-ui, sans-serif";
  ctx.lineWidth = 1;
  ctx.fillStyle = theme.muted;
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  for (const x of niceTicks(view.xMin, view.xMax, Math.max(3, Math.floor((view.right - view.left) / 70)))) {
    const px = Math.round(view.px(x)) + 0.5;
    ctx.strokeStyle = theme.grid;
    line(ctx, px, view.top, px, view.bottom);
    ctx.fillText(formatTick(x), px, view.bottom + 6);
  }
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  for (const y of niceTicks(view.yMin, view.yMax, Math.max(3, Math.floor((view.bottom - view.top) / 50)))) {
    const py = Math.round(view.py(y)) + 0.5;
    ctx.strokeStyle = theme.grid;
    line(ctx, view.left, py, view.right, py);
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

/** A curve through (xs, ys); a null y (undefined there) leaves a gap. */
export function drawCurve(ctx, view, xs, ys, { color, width = 2 }) {
  ctx.save();
  clipToPlot(ctx, view);
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.lineJoin = "round";
  ctx.beginPath();
  let drawing = false;
  for (let i = 0; i < xs.length; i++) {
    const y = ys[i];
    if (y === null || !Number.isFinite(y)) {
      drawing = false;
      continue;
    }
    const px = view.px(xs[i]);
    const py = view.py(y);
    if (drawing) ctx.lineTo(px, py);
    else ctx.moveTo(px, py);
    drawing = true;
  }
  ctx.stroke();
  ctx.restore();
}

function clipToPlot(ctx, view) {
  ctx.beginPath();
  ctx.rect(view.left, view.top, view.right - view.left, view.bottom - view.top);
  ctx.clip();
}

/** A round marker with a text label; points outside the view get an arrow at the edge. */
export function drawMarker(ctx, view, { x, y }, { color, label = "", radius = 6, outline, labelHalo = null }) {
  const px = view.px(x);
  const py = view.py(y);
  const inside = px >= view.left && px <= view.right && py >= view.top && py <= view.bottom;
  ctx.save();
  if (!inside) {
    drawOffscreenArrow(ctx, view, px, py, color);
    ctx.restore();
    return;
  }
  ctx.fillStyle = color;
  ctx.strokeStyle = outline ?? "#fff";
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.arc(px, py, radius, 0, Math.PI * 2);
  ctx.fill();
  ctx.stroke();
  if (label) {
    ctx.font = "600 12px system-ui, sans-serif";
    ctx.textBaseline = "bottom";
    const textWidth = ctx.measureText(label).width;
    const tx = Math.min(Math.max(px - textWidth / 2, view.left), view.right - textWidth);
    const ty = Math.max(py - radius - 4, view.top + 12);
    if (labelHalo) {
      // A dark rim keeps the label readable on any colour underneath (the heat map).
      ctx.strokeStyle = labelHalo;
      ctx.lineWidth = 3;
      ctx.lineJoin = "round";
      ctx.strokeText(label, tx, ty);
    }
    ctx.fillStyle = color;
    ctx.fillText(label, tx, ty);
  }
  ctx.restore();
}

function drawOffscreenArrow(ctx, view, px, py, color) {
  const cx = Math.min(Math.max(px, view.left + 8), view.right - 8);
  const cy = Math.min(Math.max(py, view.top + 8), view.bottom - 8);
  const angle = Math.atan2(py - cy, px - cx);
  ctx.translate(cx, cy);
  ctx.rotate(angle);
  ctx.fillStyle = color;
  ctx.beginPath();
  ctx.moveTo(8, 0);
  ctx.lineTo(-6, -6);
  ctx.lineTo(-6, 6);
  ctx.closePath();
  ctx.fill();
}

/** The visited points of a run up to `upto`, joined by thin lines, older points fainter. */
export function drawPath(ctx, view, xs, ys, upto, { color }) {
  ctx.save();
  clipToPlot(ctx, view);
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 1.25;
  ctx.globalAlpha = 0.55;
  ctx.beginPath();
  let drawing = false;
  for (let i = 0; i <= upto && i < xs.length; i++) {
    if (ys[i] === null) {
      drawing = false;
      continue;
    }
    const px = view.px(xs[i]);
    const py = view.py(ys[i]);
    if (drawing) ctx.lineTo(px, py);
    else ctx.moveTo(px, py);
    drawing = true;
  }
  ctx.stroke();
  for (let i = 0; i <= upto && i < xs.length; i++) {
    if (ys[i] === null) continue;
    ctx.globalAlpha = 0.25 + 0.6 * (i / Math.max(1, upto));
    ctx.beginPath();
    ctx.arc(view.px(xs[i]), view.py(ys[i]), 3, 0, Math.PI * 2);
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
  const length = Math.hypot(x2 - x1, y2 - y1);
  if (length < 4) return;
  const angle = Math.atan2(y2 - y1, x2 - x1);
  ctx.save();
  clipToPlot(ctx, view);
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 2;
  line(ctx, x1, y1, x2 - 8 * Math.cos(angle), y2 - 8 * Math.sin(angle));
  ctx.translate(x2, y2);
  ctx.rotate(angle);
  ctx.beginPath();
  ctx.moveTo(0, 0);
  ctx.lineTo(-10, -5);
  ctx.lineTo(-10, 5);
  ctx.closePath();
  ctx.fill();
  ctx.restore();
}
