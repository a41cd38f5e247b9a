// Drawing of the network's loss slice: a heat map of the loss over (a, b) with
// contour lines, its minima, and a descent replayed up to one iteration.
import { clipToPlot, drawAxes, drawImageOver, drawMarker, drawPath, tracePolyline } from "./plot.js";

/** An 81 x 81 image of the loss (log scale, viridis), drawn once and then scaled onto the plot. */
export function lossImage(slice) {
  const size = slice.steps.length;
  const image = new ImageData(size, size);
  const [low, high] = logRange(slice);
  for (let row = 0; row < size; row++) {
    // Rows of the grid go up in b; rows of an image go down.
    const values = slice.loss[size - 1 - row];
    for (let column = 0; column < size; column++) {
      const colour = colourOf(slice.colormap, (Math.log(values[column]) - low) / (high - low));
      image.data.set([...colour, 255], 4 * (row * size + column));
    }
  }
  const canvas = new OffscreenCanvas(size, size);
  canvas.getContext("2d").putImageData(image, 0, 0);
  return canvas;
}

/** The smallest and largest log(loss) of the grid: the two ends of the colour scale. */
export function logRange(slice) {
  let low = Infinity;
  let high = -Infinity;
  for (const row of slice.loss) {
    for (const value of row) {
      low = Math.min(low, Math.log(value));
      high = Math.max(high, Math.log(value));
    }
  }
  return [low, high];
}

/** The colour map's colour for a share between 0 and 1. */
export function colourOf(colormap, share) {
  const index = Math.round(Math.min(1, Math.max(0, share)) * (colormap.length - 1));
  return colormap[index];
}

/**
 * Draws one frame: heat map, contours, minima, start and the run up to `replay`. The marks use
 * theme.slice, colours chosen to read on every colour of the viridis map.
 */
export function drawSliceScene(ctx, view, theme, { slice, image, run, replay, start, pointer }) {
  const colours = theme.slice;
  const half = (slice.steps[1] - slice.steps[0]) / 2;
  const edges = [slice.steps[0] - half, slice.steps.at(-1) + half];
  drawImageOver(ctx, view, image, edges, edges);
  drawContours(ctx, view, slice.contours, colours.contour);
  drawAxes(ctx, view, theme, { grid: false });
  const rimmed = { radius: 6, outline: colours.halo, labelHalo: colours.halo };
  drawMarker(ctx, view, { x: 0, y: 0 }, { color: colours.path, label: "Trained network", ...rimmed });
  for (const { a, b } of slice.local_minima) {
    drawMarker(ctx, view, { x: a, y: b }, { color: colours.local, label: "Local minimum", ...rimmed });
  }
  if (run) {
    drawDescent(ctx, view, run, replay, colours);
  } else if (start) {
    drawMarker(ctx, view, { x: start.a, y: start.b }, {
      color: colours.current, label: "Start", radius: 5, outline: colours.path, labelHalo: colours.halo });
  }
  if (pointer) {
    drawMarker(ctx, view, { x: pointer.a, y: pointer.b }, { color: colours.path, radius: 3, outline: colours.halo });
  }
}

// Contour lines come as flat [a0, b0, a1, b1, ...]; split into columns once per slice.
const contourColumns = new WeakMap();

function drawContours(ctx, view, contours, color) {
  if (!contourColumns.has(contours)) {
    contourColumns.set(contours, contours.flatMap(({ lines }) => lines.map((line) => [
      line.filter((_, i) => i % 2 === 0), line.filter((_, i) => i % 2 === 1)])));
  }
  ctx.save();
  clipToPlot(ctx, view);
  ctx.beginPath();
  for (const [as, bs] of contourColumns.get(contours)) tracePolyline(ctx, view, as, bs);
  ctx.strokeStyle = color;
  ctx.lineWidth = 1;
  ctx.stroke();
  ctx.restore();
}

/** The visited points up to `upto` as a light line with a dark halo, the start and the current point. */
function drawDescent(ctx, view, run, upto, colours) {
  drawPath(ctx, view, run.as, run.bs, upto, {
    color: colours.path, halo: colours.halo, width: 2, alpha: 1, dotRadius: 2, fade: false });
  drawMarker(ctx, view, { x: run.as[0], y: run.bs[0] }, { color: colours.path, radius: 4, outline: colours.halo });
  const current = { x: run.as[upto], y: run.bs[upto] };
  drawMarker(ctx, view, current, { color: colours.current, radius: 6, outline: colours.path });
}
